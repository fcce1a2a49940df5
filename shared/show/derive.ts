/** Figures derived from the context at a moment: never stored, so never stale. */
import type { Product, Segment } from '../runsheet/schema';
import type { Deal, PriceKind, Sale, ShowContext } from './types';

export function segmentAt(ctx: ShowContext, index: number | undefined): Segment | undefined {
  return index === undefined ? undefined : ctx.sheet.segments[index];
}

export function currentSegment(ctx: ShowContext): Segment | undefined {
  return segmentAt(ctx, ctx.onAir?.index);
}

export function product(ctx: ShowContext, id: string | undefined): Product | undefined {
  return id === undefined ? undefined : ctx.sheet.products.find((p) => p.id === id);
}

export function segmentProductId(segment: Segment | undefined): string | undefined {
  return segment && 'productId' in segment ? segment.productId : undefined;
}

/** The product the show is about right now: a running deal's, else the segment's. */
export function focusProductId(ctx: ShowContext): string | undefined {
  return ctx.deal?.productId ?? segmentProductId(currentSegment(ctx));
}

export function dealRemainingMs(deal: Deal, now: number): number {
  return deal.endsAt - (deal.frozenAt ?? now);
}

/** A deal prices sales while its clock has not run out, even between timer ticks. */
export function dealInForce(deal: Deal | null, productId: string, at: number): deal is Deal {
  return deal !== null && deal.productId === productId && dealRemainingMs(deal, at) > 0;
}

export function isRevealed(ctx: ShowContext, productId: string): boolean {
  return ctx.sheet.show.livePriceFrom === 'showStart'
    ? ctx.startedAt !== null
    : productId in ctx.revealed;
}

/** Deal → live → retail, the price a sale at `at` is recorded at. */
export function priceInForce(
  ctx: ShowContext,
  productId: string,
  at: number,
): { price: number; kind: PriceKind; dealId: number | null } {
  if (dealInForce(ctx.deal, productId, at))
    return { price: ctx.deal.price, kind: 'deal', dealId: ctx.deal.id };
  const p = product(ctx, productId);
  if (!p) return { price: 0, kind: 'retail', dealId: null };
  return isRevealed(ctx, productId)
    ? { price: p.livePrice, kind: 'live', dealId: null }
    : { price: p.retailPrice, kind: 'retail', dealId: null };
}

export function slotElapsedMs(ctx: ShowContext, now: number): number {
  const onAir = ctx.onAir;
  if (!onAir) return 0;
  const end = ctx.endedAt ?? onAir.pausedAt ?? now;
  return Math.max(0, end - onAir.startedAt - onAir.pausedMs);
}

/** Positive: time left in the slot; negative: overtime. */
export function slotRemainingMs(ctx: ShowContext, now: number): number {
  const segment = currentSegment(ctx);
  return segment ? segment.durationSec * 1000 - slotElapsedMs(ctx, now) : 0;
}

export function plannedAfterMs(ctx: ShowContext, index: number): number {
  let total = 0;
  for (let i = index + 1; i < ctx.sheet.segments.length; i++)
    total += ctx.sheet.segments[i]!.durationSec * 1000;
  return total;
}

/** When the show will end if every later segment runs to plan from here. */
export function projectedEndAt(ctx: ShowContext, now: number): number {
  if (ctx.endedAt !== null) return ctx.endedAt;
  if (!ctx.onAir) return now + plannedAfterMs(ctx, -1);
  return now + Math.max(0, slotRemainingMs(ctx, now)) + plannedAfterMs(ctx, ctx.onAir.index);
}

/** Positive: the show runs late against its planned length. */
export function showOverrunMs(ctx: ShowContext, now: number): number {
  if (ctx.startedAt === null) return 0;
  return projectedEndAt(ctx, now) - (ctx.startedAt + ctx.sheet.show.durationSec * 1000);
}

/** Counted in the figures: neither taken back (undo) nor cancelled by the platform. */
export function saleCounts(sale: Sale): boolean {
  return sale.undoneAt === null && (sale.order === null || sale.order.cancelledAt === null);
}

export function liveSales(ctx: ShowContext) {
  return ctx.sales.filter(saleCounts);
}

export function lastLiveSaleIndex(ctx: ShowContext): number {
  for (let i = ctx.sales.length - 1; i >= 0; i--) if (saleCounts(ctx.sales[i]!)) return i;
  return -1;
}

/** GMV (minor units) and units of the orders not taken back. */
export function salesTotals(ctx: ShowContext): { gmv: number; units: number; orders: number } {
  let gmv = 0;
  let units = 0;
  let orders = 0;
  for (const s of ctx.sales) {
    if (!saleCounts(s)) continue;
    gmv += s.unitPrice * s.quantity;
    units += s.quantity;
    orders += 1;
  }
  return { gmv, units, orders };
}
