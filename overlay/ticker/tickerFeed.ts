/**
 * Which buyer lines are on screen at a moment. A sale's age arrives as `agoMs` at
 * `receivedAt`, so each line has a local expiry time; the page wakes only at the next
 * expiry (or the end of a fade), never per frame.
 */
import type { ReceivedView } from '../../shared/protocol/viewReceiver';
import type { TimedState } from '../lib/timed.svelte';
import { isOnAir } from '../lib/view';
import { say } from '../lib/words.svelte';

/** How long a line takes to fade out after its hold time. */
export const FADE_MS = 400;

export interface TickerEntry {
  id: number;
  buyer: string | null;
  productName: string;
  quantity: number;
  /** performance.now() at which the line starts to fade. */
  expiresAt: number;
  leaving: boolean;
}

export interface FeedOptions {
  holdMs: number;
  max: number;
}

export function tickerFeed(
  received: ReceivedView | null,
  now: number,
  options: FeedOptions,
): TimedState<TickerEntry[]> {
  if (!received || !isOnAir(received.view)) return { value: [], nextAt: null };
  const entries: TickerEntry[] = [];
  let nextAt: number | null = null;
  const newestFirst = [...received.view.ticker.recent].sort((a, b) => a.agoMs - b.agoMs);
  for (const sale of newestFirst) {
    if (entries.length >= options.max) break;
    const expiresAt = received.receivedAt - sale.agoMs + options.holdMs;
    const goneAt = expiresAt + FADE_MS;
    if (goneAt <= now) continue;
    const leaving = expiresAt <= now;
    entries.push({ ...sale, expiresAt, leaving });
    const next = leaving ? goneAt : expiresAt;
    nextAt = nextAt === null ? next : Math.min(nextAt, next);
  }
  return { value: entries, nextAt };
}

export function burstText(unitsLastMinute: number, minBurst: number): string | null {
  return minBurst > 0 && unitsLastMinute >= minBurst
    ? say('ov_sold_last_minute', { count: unitsLastMinute })
    : null;
}
