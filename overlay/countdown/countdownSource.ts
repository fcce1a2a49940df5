/** Which clock the countdown shows, read from the view for each mode. */
import type { ReceivedView } from '../../shared/protocol/viewReceiver';
import type { ClockSource } from '../lib/countdown';
import { isOnAir } from '../lib/view';
import { say } from '../lib/words.svelte';
import type { CountdownMode } from './countdown.options';

export function countdownSource(
  received: ReceivedView | null,
  mode: CountdownMode,
): ClockSource | null {
  const view = received?.view ?? null;
  if (!received || !view) return null;
  const at = received.receivedAt;
  switch (mode) {
    case 'start':
      return view.start
        ? { remainingMs: view.start.inMs, receivedAt: at, running: true, signed: false }
        : null;
    case 'deal':
      return view.deal
        ? {
            remainingMs: view.deal.remainingMs,
            receivedAt: at,
            running: !view.deal.frozen,
            signed: false,
          }
        : null;
    case 'slot':
      return isOnAir(view) && view.segment
        ? {
            remainingMs: view.segment.remainingMs,
            receivedAt: at,
            running: view.phase === 'live',
            signed: true,
          }
        : null;
    case 'show':
      // The projected end stands still while the slot runs over (it assumes the overtime
      // ends now), so the show clock only counts while the slot is within its time.
      return isOnAir(view)
        ? {
            remainingMs: view.show.remainingMs,
            receivedAt: at,
            running: view.phase === 'live' && (view.segment?.remainingMs ?? 1) > 0,
            signed: false,
          }
        : null;
  }
}

/** Everything the countdown card draws, at one reading of the clock. */
export interface CountdownState {
  ms: number;
  signed: boolean;
  /** Frozen by a pause: the card says PAUSED rather than a time that is not moving. */
  paused: boolean;
  /** The full length the progress bar measures against (0: no bar). */
  totalMs: number;
  label: string;
  /** Start mode: the show's title, and the first deal teased under it. */
  headline: string | null;
  teaser: string | null;
}

export function readCountdown(
  received: ReceivedView | null,
  mode: CountdownMode,
  ms: number | null,
  teaser = true,
): CountdownState | null {
  const source = countdownSource(received, mode);
  const view = received?.view;
  if (!source || !view || ms === null) return null;
  if (mode === 'start') {
    const deal = teaser ? (view.start?.firstDeal ?? null) : null;
    return {
      ms,
      signed: false,
      paused: false,
      totalMs: 0,
      label: say('ov_starting_soon'),
      headline: view.title,
      teaser: deal && say('ov_first_deal', { product: deal }),
    };
  }
  const totalMs =
    mode === 'deal'
      ? (view.deal?.totalMs ?? 0)
      : mode === 'slot'
        ? (view.segment?.plannedMs ?? 0)
        : view.show.plannedMs;
  const label =
    mode === 'deal'
      ? say('ov_deal_ends_in')
      : mode === 'slot'
        ? (view.segment?.title ?? say('ov_on_air'))
        : say('ov_live_ends_in');
  const paused = mode === 'deal' ? !!view.deal?.frozen : view.phase === 'paused';
  return { ms, signed: source.signed, paused, totalMs, label, headline: null, teaser: null };
}
