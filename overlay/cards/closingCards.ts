/**
 * What the closing cards say, from the received view. The SOLD OUT card's age arrives as
 * `agoMs` at `receivedAt`, so it has a local end time and the page wakes once, to take it
 * down (as the ticker's lines do); the recap simply follows the view.
 */
import type { ReceivedView } from '../../shared/protocol/viewReceiver';
import type { RecapView, SoldOutView } from '../../shared/cards/cards';
import { formatCountdown } from '../../shared/time';
import type { TimedState } from '../lib/timed.svelte';
import { isOnAir } from '../lib/view';
import { say } from '../lib/words.svelte';

export interface SoldOutCardState {
  /** The sale's product id and time, so a second sell-out replays the entrance. */
  key: string;
  productName: string;
  /** "Sold out in 38 s"; null when the start of its race is unknown. */
  after: string | null;
}

export function soldOutCard(
  received: ReceivedView | null,
  now: number,
  holdMs: number,
): TimedState<SoldOutCardState | null> {
  const sold: SoldOutView | null | undefined = received?.view.cards.soldOut;
  if (!received || !sold || !isOnAir(received.view)) return { value: null, nextAt: null };
  const soldAt = received.receivedAt - sold.agoMs;
  const downAt = soldAt + holdMs;
  if (downAt <= now) return { value: null, nextAt: null };
  return {
    value: {
      // Rounded: heartbeats re-measure agoMs, and the same sell-out must keep its key.
      key: `${sold.productId}@${Math.round(soldAt / 1000)}`,
      productName: sold.productName,
      after: sold.afterMs === null ? null : soldOutAfter(sold.afterMs),
    },
    nextAt: downAt,
  };
}

/** "Sold out in 38 s" under a minute, "Sold out in 2:05" from one. */
export function soldOutAfter(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 60
    ? say('ov_sold_out_in_s', { seconds: String(seconds) })
    : say('ov_sold_out_in', { time: formatCountdown(seconds * 1000) });
}

export function recapOf(received: ReceivedView | null): RecapView | null {
  const view = received?.view;
  return view && isOnAir(view) ? view.cards.recap : null;
}
