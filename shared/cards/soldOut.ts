/**
 * The SOLD OUT card (issue 19): the latest product whose stock a sale took to zero, and how
 * long it took — from the start of the flash deal it sold out in, else from the start of the
 * slot it sold out on air in, else from when it was first on air. Pure: a show context in, a
 * small view out. The overlay holds the card for a few seconds from `agoMs`; the selector only
 * offers a sell-out for a minute so a late page never celebrates an old one.
 */
import { product, saleCounts, segmentProductId } from '../show/derive';
import type { Sale, ShowContext } from '../show/types';

export interface SoldOutView {
  productId: string;
  productName: string;
  /** ms from the deal's or slot's start to the sale that emptied the stock; null if unknown. */
  afterMs: number | null;
  /** ms since that sale at `now`: the receiver maps it onto its own clock. */
  agoMs: number;
}

/** How long after a sell-out the view still offers it. */
export const SOLD_OUT_OFFERED_MS = 60_000;

export function selectSoldOut(ctx: ShowContext, now: number): SoldOutView | null {
  // The newest counted sale of a product now at zero is the one that sold it out (a stock
  // correction to zero afterwards is older news by then: it is at most a minute away).
  for (let i = ctx.sales.length - 1; i >= 0; i--) {
    const sale = ctx.sales[i]!;
    if (now - sale.at > SOLD_OUT_OFFERED_MS) return null;
    if (!saleCounts(sale) || sale.at > now) continue;
    const p = product(ctx, sale.productId);
    if (!p || (ctx.stock[p.id] ?? 0) > 0) continue;
    if (lastCountedSaleOf(ctx, p.id) !== sale) continue;
    const from = startOf(ctx, sale);
    return {
      productId: p.id,
      productName: p.name,
      afterMs: from === null ? null : Math.max(0, sale.at - from),
      agoMs: Math.max(0, now - sale.at),
    };
  }
  return null;
}

function lastCountedSaleOf(ctx: ShowContext, productId: string): Sale | undefined {
  for (let i = ctx.sales.length - 1; i >= 0; i--) {
    const s = ctx.sales[i]!;
    if (s.productId === productId && saleCounts(s)) return s;
  }
  return undefined;
}

/** When the race the product won began: its deal, its slot on air, or its first time on air. */
function startOf(ctx: ShowContext, sale: Sale): number | null {
  if (sale.dealId !== null) {
    const deal =
      ctx.deal?.id === sale.dealId ? ctx.deal : ctx.deals.find((d) => d.id === sale.dealId);
    if (deal) return deal.startedAt;
  }
  if (sale.segmentIndex !== null) {
    const segment = ctx.sheet.segments[sale.segmentIndex];
    const runs = ctx.history.filter((r) => r.index === sale.segmentIndex && r.startedAt <= sale.at);
    const run = runs[runs.length - 1];
    if (run && segmentProductId(segment) === sale.productId) return run.startedAt;
  }
  return ctx.revealed[sale.productId] ?? null;
}
