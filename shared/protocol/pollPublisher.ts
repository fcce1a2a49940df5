/**
 * Sends the poll overlay's message (pollMessage.ts): on change at a calm rate — at most one
 * send per `calmMs`, the newest state at the end of the wait, so a flood of votes moves the bar
 * about once a second instead of per comment — to an overlay that says hello, and on a
 * heartbeat for pages inside OBS that cannot say hello. Started by the controller's poll store
 * while this tab runs the show.
 */
import type { PollMessage, PollScreens } from './pollMessage';
import type { Transport } from './transport';
import { APP, PROTOCOL_VERSION } from './envelope';
import { createRepeatingPublisher, type RepeatingPublisher } from './repeatingPublisher';

export const POLL_HEARTBEAT_MS = 2000;
export const POLL_CALM_MS = 1000;

export interface PollPublisher extends RepeatingPublisher {
  /** A change to show soon: sent now if the last send is older than `calmMs`, else then. */
  changed(): void;
}

export function createPollPublisher(options: {
  transports: Transport[];
  screens: () => PollScreens;
  heartbeatMs?: number;
  calmMs?: number;
  now?: () => number;
}): PollPublisher {
  const session = `p${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
  const calmMs = options.calmMs ?? POLL_CALM_MS;
  const now = options.now ?? (() => Date.now());
  let n = 0;
  let lastSent = -Infinity;
  let due: ReturnType<typeof setTimeout> | null = null;
  const inner = createRepeatingPublisher({
    transports: options.transports,
    message: (): PollMessage => {
      lastSent = now();
      return { app: APP, v: PROTOCOL_VERSION, kind: 'poll', session, n: n++, ...options.screens() };
    },
    answers: (role) => role === 'overlay',
    heartbeatMs: options.heartbeatMs ?? POLL_HEARTBEAT_MS,
  });
  return {
    ...inner,
    changed() {
      if (due) return;
      const wait = lastSent + calmMs - now();
      if (wait <= 0) inner.publish();
      else
        due = setTimeout(() => {
          due = null;
          inner.publish();
        }, wait);
    },
    stop() {
      if (due) clearTimeout(due);
      due = null;
      inner.stop();
    },
  };
}
