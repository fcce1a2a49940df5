/**
 * What was on air at a moment, from a show's context alone: the segment run and the flash deal.
 * A platform order reaches the show seconds (a poller) or hours (an export) after it was
 * placed; it belongs to the segment and deal that were on air when it was placed, so the
 * report and the order import both attribute by this one rule. Pure; works on a live context
 * or on one rebuilt from a log with `replay(sheet, events)`.
 */
import { isRevealed, product } from './derive';
import type { Deal, PriceKind, ShowContext } from './types';

export interface OnAirAt {
  /** 0-based index of the segment on air in the run sheet; null before the start / after the end. */
  segmentIndex: number | null;
  segmentId: string | null;
  /** 1-based ordinal of the segment run (a revisited segment has several runs). */
  run: number | null;
  /** The flash deal running at that moment (on whatever product), if any. */
  dealId: number | null;
  dealProductId: string | null;
}

/**
 * The segment run and flash deal on air at `t` (epoch ms). At the very millisecond one run ends
 * and the next starts, the later one wins (as the report's run-of-sale rule). A deal holds from
 * its start until it ended (or, running, until its deadline).
 */
export function onAirAt(ctx: ShowContext, t: number): OnAirAt {
  let run: number | null = null;
  ctx.history.forEach((r, i) => {
    if (r.startedAt <= t && (r.endedAt === null || t <= r.endedAt)) run = i + 1;
  });
  const segment = run === null ? undefined : ctx.history[run - 1];
  const deal = dealAt(ctx, t);
  return {
    segmentIndex: segment?.index ?? null,
    segmentId: segment?.segmentId ?? null,
    run,
    dealId: deal?.id ?? null,
    dealProductId: deal?.productId ?? null,
  };
}

/** The deal running at `t`, on any product. */
export function dealAt(ctx: ShowContext, t: number): Deal | undefined {
  const running = ctx.deal;
  if (running && running.startedAt <= t && (running.frozenAt !== null || t < running.endsAt))
    return running;
  for (let i = ctx.deals.length - 1; i >= 0; i--) {
    const d = ctx.deals[i]!;
    if (d.startedAt <= t && d.endedAt !== null && t < d.endedAt) return d;
    if (d.endedAt !== null && d.endedAt <= t) break;
  }
  return undefined;
}

/**
 * The price Flashcue had in force for a product at `t`: the deal's while a deal on it ran, else
 * the live price once revealed, else retail. At `t` = now this is `priceInForce`.
 */
export function priceAt(
  ctx: ShowContext,
  productId: string,
  t: number,
): { price: number; kind: PriceKind; dealId: number | null } | null {
  const p = product(ctx, productId);
  if (!p) return null;
  const deal = dealAt(ctx, t);
  if (deal && deal.productId === productId)
    return { price: deal.price, kind: 'deal', dealId: deal.id };
  const revealed =
    ctx.sheet.show.livePriceFrom === 'showStart'
      ? ctx.startedAt !== null && ctx.startedAt <= t
      : isRevealed(ctx, productId) && ctx.revealed[productId]! <= t;
  return revealed
    ? { price: p.livePrice, kind: 'live', dealId: null }
    : { price: p.retailPrice, kind: 'retail', dealId: null };
}
