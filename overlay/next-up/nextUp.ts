/** The next segment, and when it starts, as the next-up card says it. */
import type { ReceivedView } from '../../shared/protocol/viewReceiver';
import { formatCountdown } from '../../shared/time';
import { secondKey, type ClockSource } from '../lib/countdown';
import { say } from '../lib/words.svelte';

export function nextUpSource(received: ReceivedView | null): ClockSource | null {
  const view = received?.view;
  if (!received || !view?.next || view.phase === 'ended') return null;
  // The slot's clock stops while the show is paused, and so does the wait for the next one.
  return {
    remainingMs: view.next.startsInMs,
    receivedAt: received.receivedAt,
    running: view.phase === 'live',
    signed: false,
  };
}

export interface NextUp {
  title: string;
  kind: string;
  label: string;
  when: string;
  soon: boolean;
}

export function readNextUp(
  received: ReceivedView | null,
  ms: number | null,
  soonSeconds: number,
): NextUp | null {
  const view = received?.view;
  const next = view?.next;
  if (!view || !next || ms === null || view.phase === 'ended') return null;
  // "Up next" takes over when the time would read under `soonSeconds` (0:09 for 10).
  const soon = view.phase !== 'live' || secondKey(ms) < soonSeconds;
  return {
    title: next.productName ?? next.title,
    kind: next.kind,
    label: next.kind === 'flash' ? say('ov_flash_sale_next') : say('ov_coming_up'),
    when: soon ? say('ov_up_next') : say('ov_starts_in', { time: formatCountdown(ms) }),
    soon,
  };
}
