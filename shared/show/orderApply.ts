/**
 * How a sale and a cancellation change the context. A sale is attributed to the moment its
 * order was placed (`placedAt`, else when it arrived): the segment and deal on air then, the
 * price in force then. Everything here is decided from the context alone, so replaying the log
 * rebuilds the same sales, flags and order index.
 */
import { product } from './derive';
import { onAirAt, priceAt } from './onAir';
import { appended, replaced, withKey } from './owned';
import type { Deal, Sale, SaleFields, SaleOrder, ShowContext } from './types';

type SaleEvent = SaleFields & { at: number };

const hasOrderFields = (e: SaleEvent) =>
  e.orderId !== undefined ||
  e.sku !== undefined ||
  e.price !== undefined ||
  e.placedAt !== undefined ||
  e.source !== undefined;

/** The deal with this id, running or finished, with `sold` moved by `delta`. */
function withDealSold(
  ctx: ShowContext,
  dealId: number | null,
  delta: number,
): Partial<ShowContext> {
  if (dealId === null) return {};
  if (ctx.deal?.id === dealId) return { deal: { ...ctx.deal, sold: ctx.deal.sold + delta } };
  let i = ctx.deals.length - 1;
  while (i >= 0 && ctx.deals[i]!.id !== dealId) i--;
  if (i < 0) return {};
  const d: Deal = ctx.deals[i]!;
  return { deals: replaced(ctx.deals, i, { ...d, sold: d.sold + delta }) };
}

export function sell(ctx: ShowContext, e: SaleEvent): ShowContext {
  // Read before `appended`: inside replay's `owning` it grows this very list in place.
  const index = ctx.sales.length;
  const placedAt = e.placedAt ?? e.at;
  const onSheet = product(ctx, e.productId) !== undefined;
  const inForce = priceAt(ctx, e.productId, placedAt);
  const dealId = inForce?.dealId ?? null;
  const deal = dealId === null ? undefined : [ctx.deal, ...ctx.deals].find((d) => d?.id === dealId);
  const left = Math.max(0, ctx.stock[e.productId] ?? 0);
  const order: SaleOrder | null = hasOrderFields(e)
    ? {
        orderId: e.orderId ?? null,
        source: e.source ?? null,
        sku: e.sku ?? null,
        receivedAt: e.at,
        listPrice: inForce?.price ?? null,
        offSheet: !onSheet,
        overStock: onSheet ? Math.max(0, e.quantity - left) : 0,
        overCap:
          deal && deal.cap !== null
            ? Math.max(0, e.quantity - Math.max(0, deal.cap - deal.sold))
            : 0,
        cancelledAt: null,
        restocked: false,
      }
    : null;
  const sale: Sale = {
    id: ctx.nextId,
    at: placedAt,
    productId: e.productId,
    quantity: e.quantity,
    unitPrice: e.price ?? inForce?.price ?? 0,
    priceKind: inForce?.kind ?? 'retail',
    dealId,
    buyer: e.buyer,
    segmentIndex:
      e.placedAt === undefined ? (ctx.onAir?.index ?? null) : onAirAt(ctx, placedAt).segmentIndex,
    undoneAt: null,
    order,
  };
  return {
    ...ctx,
    now: Math.max(ctx.now, e.at),
    ...withDealSold(ctx, dealId, e.quantity),
    sales: appended(ctx.sales, sale),
    // Stock never goes below 0: units a platform sold beyond it are flagged (overStock) instead.
    stock: onSheet
      ? withKey(ctx.stock, e.productId, left - e.quantity + (order?.overStock ?? 0))
      : ctx.stock,
    orders: e.orderId === undefined ? ctx.orders : withKey(ctx.orders, e.orderId, index),
    nextId: ctx.nextId + 1,
  };
}

/** Units a sale took from stock (and gives back if it is taken back or cancelled). */
export function stockTaken(sale: Sale): number {
  return sale.order?.offSheet ? 0 : sale.quantity - (sale.order?.overStock ?? 0);
}

export function cancel(
  ctx: ShowContext,
  e: { orderId: string; restock: boolean; at: number },
): ShowContext {
  const i = Object.hasOwn(ctx.orders, e.orderId) ? ctx.orders[e.orderId]! : -1;
  const sale = ctx.sales[i];
  if (!sale?.order || sale.order.cancelledAt !== null || sale.undoneAt !== null)
    return { ...ctx, now: Math.max(ctx.now, e.at) };
  const back = e.restock ? stockTaken(sale) : 0;
  const cancelled: Sale = {
    ...sale,
    order: { ...sale.order, cancelledAt: e.at, restocked: back > 0 },
  };
  return {
    ...ctx,
    now: Math.max(ctx.now, e.at),
    ...withDealSold(ctx, sale.dealId, -sale.quantity),
    sales: replaced(ctx.sales, i, cancelled),
    stock:
      back > 0
        ? withKey(ctx.stock, sale.productId, (ctx.stock[sale.productId] ?? 0) + back)
        : ctx.stock,
  };
}
