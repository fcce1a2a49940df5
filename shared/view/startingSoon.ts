/**
 * The "starting soon" part of the overlay view: time left until the run sheet's scheduled
 * start and the plan's first deal as a teaser. Only before the show starts — once it is live,
 * the countdown's other modes take over.
 */
import type { ShowContext } from '../show';
import { product, segmentProductId } from '../show';

export interface StartView {
  /** Milliseconds until the scheduled start at `now`; 0 once it has passed. */
  inMs: number;
  /** The product of the plan's first flash segment, teased before the show; null when none. */
  firstDeal: string | null;
}

export function selectStart(ctx: ShowContext, now: number): StartView | null {
  const at = ctx.sheet.show.scheduledStart;
  if (ctx.startedAt !== null || !at) return null;
  const flash = ctx.sheet.segments.find((s) => s.kind === 'flash');
  return {
    inMs: Math.max(0, Date.parse(at) - now),
    firstDeal: product(ctx, segmentProductId(flash))?.name ?? null,
  };
}
