/**
 * Orders with an identity: the `sale` and `sale.cancel` commands' arguments and how `decide`
 * judges them. One `sale` is one order. An order id already recorded in the show is never
 * counted twice: `decide` refuses it as a duplicate (the runner answers with the first one's
 * result), and the context's `orders` index that says so is rebuilt by replaying the log, so
 * a reload, a backup's takeover or a re-import all see it.
 *
 * Hand entry (source `hand` or none) is guarded by the stock and a deal's cap; an order from a
 * platform has already happened, so it is recorded whatever the stock says and flagged
 * (orderApply.ts), and one for a product missing from the run sheet is kept apart, not lost.
 */
import { z } from 'zod';
import type { Product, RunSheet } from '../runsheet/schema';
import { dealInForce, focusProductId, product } from './derive';
import type { Sale, SaleFields, ShowContext, ShowEvent } from './types';
import { refusal, type Refusal } from './refusal';

const Qty = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100_000, 'is implausibly large');
const ProductRef = z
  .string({ error: 'must be a product id' })
  .trim()
  .min(1, 'must not be empty')
  .max(64);

/** Platform order ids are text: TikTok's 18 digits do not survive as a JavaScript number. */
export const OrderId = z
  .string({ error: 'must be text: put the order id in quotes (long ids lose digits as numbers)' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[\x21-\x7e]+$/, 'may use only visible ASCII characters, no spaces');

export const OrderSource = z
  .string({ error: 'must be a short name such as hand, tiktok, shopify or api' })
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,23}$/,
    'must be a short name (letters, digits, - or _; at most 24), such as hand, tiktok, shopify or api',
  );

/** An ISO-8601 time with its zone (a zone-less time is ambiguous), or epoch milliseconds. */
const OrderTime = z.union(
  [
    z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
    z.number().int().nonnegative().max(8.64e15),
  ],
  { error: 'must be an ISO-8601 time with its zone, e.g. 2026-05-27T17:31:07+08:00' },
);

export const SaleCommand = z.strictObject({
  type: z.literal('sale'),
  productId: ProductRef.optional(),
  sku: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .optional(),
  quantity: Qty.optional(),
  buyer: z
    .string({ error: 'must be text' })
    .trim()
    .max(60, 'must be at most 60 characters')
    .optional(),
  orderId: OrderId.optional(),
  /** Minor units here: the command API converts the decimal it receives. */
  price: z
    .number({ error: 'must be a number' })
    .int('must be whole minor units')
    .nonnegative('must not be negative')
    .max(1e13, 'is implausibly large')
    .optional(),
  at: OrderTime.optional(),
  source: OrderSource.optional(),
});

export const SaleCancelCommand = z.strictObject({
  type: z.literal('sale.cancel'),
  orderId: OrderId,
  restock: z.boolean({ error: 'must be true or false' }).optional(),
});

type SaleCmd = z.infer<typeof SaleCommand>;
type CancelCmd = z.infer<typeof SaleCancelCommand>;

/** A refusal that is really "already done": the caller answers with the first result. */
export interface Duplicate {
  orderId: string;
  type: 'sale' | 'sale.cancel';
}

export type OrderDecision = { ok: true; event: ShowEvent } | (Refusal & { duplicate?: Duplicate });

const refuse = refusal;

/** Any source but hand entry: the platform already sold it. */
export function isPlatformSource(source: string | undefined | null): boolean {
  return source != null && source !== 'hand';
}

/** The run-sheet product with this seller SKU, else with this platform SKU id. */
export function productBySku(sheet: RunSheet, sku: string): Product | undefined {
  const wanted = sku.trim();
  return (
    sheet.products.find((p) => p.sku === wanted) ??
    sheet.products.find((p) => p.platformSkuIds?.includes(wanted))
  );
}

/** The index in `ctx.sales` of a recorded order. */
export function orderIndex(ctx: ShowContext, orderId: string): number | undefined {
  return Object.hasOwn(ctx.orders, orderId) ? ctx.orders[orderId] : undefined;
}

/** The sale recorded for an order id, if any. */
export function saleOfOrder(ctx: ShowContext, orderId: string): Sale | undefined {
  const i = orderIndex(ctx, orderId);
  return i === undefined ? undefined : ctx.sales[i];
}

export function decideSale(
  phase: 'ready' | 'live' | 'ended',
  ctx: ShowContext,
  cmd: SaleCmd,
  at: number,
): OrderDecision {
  const platform = isPlatformSource(cmd.source);
  if (phase === 'ready') return refuse('Start the show before you record a sale.', 'sale_start');
  // A platform order placed while the show ran may arrive after its end (a poll, a webhook).
  const placedInShow = cmd.at !== undefined && ctx.endedAt !== null && cmd.at <= ctx.endedAt;
  if (phase === 'ended' && !(platform && placedInShow))
    return refuse(
      platform
        ? 'The show has ended: only orders placed before its end (give their time as "at") can be recorded now.'
        : "The show has ended: you can't record a sale now.",
      platform ? 'sale_ended_platform' : 'sale_ended',
    );
  if (cmd.orderId !== undefined && orderIndex(ctx, cmd.orderId) !== undefined)
    return {
      ok: false,
      error: `Order ${cmd.orderId} is already recorded: not counted again.`,
      code: 'order_recorded',
      params: { id: cmd.orderId },
      duplicate: { orderId: cmd.orderId, type: 'sale' },
    };

  const bySku = cmd.productId === undefined && cmd.sku !== undefined;
  const productId = bySku
    ? productBySku(ctx.sheet, cmd.sku!)?.id
    : (cmd.productId ?? (phase === 'live' ? focusProductId(ctx) : undefined));
  const ref = cmd.productId ?? cmd.sku;
  if (!productId && !ref)
    return refuse('No product is on air: say which product sold.', 'sale_no_product');
  const p = product(ctx, productId);
  if (!p && !platform)
    return refuse(
      bySku
        ? `No product in this run sheet has the SKU "${cmd.sku}".`
        : `There is no product "${ref}" in this run sheet.`,
      bySku ? 'no_sku' : 'no_product',
      bySku ? { sku: cmd.sku! } : { id: ref! },
    );
  const quantity = cmd.quantity ?? 1;
  const placedAt = cmd.at === undefined ? undefined : Math.min(cmd.at, at);
  if (p && !platform) {
    const name = p.name;
    const left = ctx.stock[p.id] ?? 0;
    if (left <= 0) return refuse(`${name} is sold out: nothing recorded.`, 'sold_out', { name });
    if (quantity > left)
      return refuse(`Only ${left} of ${name} left: can't record ${quantity}.`, 'only_left', {
        left,
        name,
        quantity,
      });
    const deal = ctx.deal;
    if (dealInForce(deal, p.id, placedAt ?? at) && deal.cap !== null) {
      const capLeft = deal.cap - deal.sold;
      if (quantity > capLeft)
        return refuse(
          `Only ${capLeft} left at the deal price: record ${capLeft} or fewer, or end the deal.`,
          'deal_cap',
          { left: capLeft },
        );
    }
  }
  const event: SaleFields & { at: number } = {
    type: 'sale',
    productId: p?.id ?? ref!,
    quantity,
    buyer: cmd.buyer ? cmd.buyer : null,
    at,
  };
  if (cmd.orderId !== undefined) event.orderId = cmd.orderId;
  if (cmd.sku !== undefined) event.sku = cmd.sku;
  if (cmd.price !== undefined) event.price = cmd.price;
  if (placedAt !== undefined) event.placedAt = placedAt;
  if (cmd.source !== undefined) event.source = cmd.source;
  return { ok: true, event };
}

export function decideCancel(
  phase: 'ready' | 'live' | 'ended',
  ctx: ShowContext,
  cmd: CancelCmd,
  at: number,
): OrderDecision {
  const sale = phase === 'ready' ? undefined : saleOfOrder(ctx, cmd.orderId);
  if (!sale)
    return refuse(
      `There is no order ${cmd.orderId} in this show: nothing cancelled. Record the order first if it belongs here.`,
      'cancel_none',
      { id: cmd.orderId },
    );
  if (sale.order?.cancelledAt != null)
    return {
      ok: false,
      error: `Order ${cmd.orderId} is already cancelled.`,
      code: 'cancel_already',
      params: { id: cmd.orderId },
      duplicate: { orderId: cmd.orderId, type: 'sale.cancel' },
    };
  if (sale.undoneAt !== null)
    return refuse(
      `Order ${cmd.orderId} was taken back with undo: there is nothing to cancel.`,
      'cancel_undone',
      { id: cmd.orderId },
    );
  return {
    ok: true,
    event: { type: 'sale.cancel', orderId: cmd.orderId, restock: cmd.restock ?? true, at },
  };
}

/** The machine's guard for a logged sale: the rules `decideSale` checked, as replay sees them. */
export function canRecordSale(ctx: ShowContext, e: SaleFields): boolean {
  if (e.quantity <= 0) return false;
  if (e.orderId !== undefined && orderIndex(ctx, e.orderId) !== undefined) return false;
  return isPlatformSource(e.source) || (ctx.stock[e.productId] ?? 0) >= e.quantity;
}

export function canCancelOrder(ctx: ShowContext, e: { orderId: string }): boolean {
  const sale = saleOfOrder(ctx, e.orderId);
  return !!sale?.order && sale.order.cancelledAt === null && sale.undoneAt === null;
}
