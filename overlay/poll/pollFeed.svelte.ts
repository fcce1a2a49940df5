/**
 * The poll page's message (shared/protocol/pollMessage.ts): the newest one heard, checked
 * without zod like every overlay message, ordered by session and `n` so a late heartbeat never
 * wins over a newer send. The giveaway's window arrives as "ms left at send time" and is
 * counted on this page's own monotonic clock from when it arrived.
 */
import { checkMessage } from '../../shared/protocol/messageCheck';
import type { PollMessage } from '../../shared/protocol/pollMessage';
import type { Transport } from '../../shared/protocol/transport';
import type { ClockSource } from '../lib/countdown';

export class PollFeed {
  message = $state.raw<PollMessage | null>(null);
  /** performance.now() when the shown message arrived. */
  receivedAt = $state(0);

  constructor(transports: Transport[]) {
    for (const t of transports)
      t.subscribe((data) => {
        // Views arrive every second: look at the kind before checking the whole message.
        if ((data as { kind?: unknown } | null)?.kind !== 'poll') return;
        const checked = checkMessage(data);
        if (!checked.ok || checked.message.kind !== 'poll') return;
        const next = checked.message;
        const last = this.message;
        if (last && last.session === next.session && next.n <= last.n) return;
        this.message = next;
        this.receivedAt = performance.now();
      });
  }

  /** The giveaway's window as a countdown source (null when no giveaway is on air). */
  window(): ClockSource | null {
    const g = this.message?.giveaway;
    return g
      ? { remainingMs: g.remainingMs, receivedAt: this.receivedAt, running: true, signed: false }
      : null;
  }
}
