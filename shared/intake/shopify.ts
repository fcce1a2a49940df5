/**
 * Shopify order webhooks (`orders/create`, `orders/paid`, `orders/cancelled`), following
 * shopify.dev "Verify webhook deliveries": `X-Shopify-Hmac-SHA256` is the base64 HMAC-SHA256
 * of the raw body keyed with the webhook secret, compared in constant time; repeats carry the
 * same `X-Shopify-Webhook-Id`. The order is read with zod (only the fields we use) and turned
 * into door orders, one per product line, matched to the run sheet by SKU.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { describeErrors, parseWith } from '../validation.js';
import type { DoorOrder } from './door.js';
import { sameSecret } from './secrets.js';

export const SHOPIFY_TOPICS = ['orders/create', 'orders/paid', 'orders/cancelled'] as const;
export type ShopifyTopic = (typeof SHOPIFY_TOPICS)[number];

export function shopifySignature(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

export function verifyShopify(
  secret: string,
  rawBody: Buffer | string,
  header: string | undefined,
): boolean {
  return sameSecret(header?.trim(), shopifySignature(secret, rawBody));
}

// Shopify sends ids as JSON numbers (below 2^53) and money as decimal strings.
const Id = z.union([z.number().int().nonnegative(), z.string().trim().min(1).max(40)]);
const Money = z.union([z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal amount'), z.number()]);

const LineItem = z.object({
  id: Id,
  sku: z.string().max(64).nullish(),
  quantity: z.number().int().min(1),
  price: Money,
  title: z.string().max(300).nullish(),
});

export const ShopifyOrder = z.object({
  id: Id,
  name: z.string().max(64).nullish(),
  created_at: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  financial_status: z.string().max(40).nullish(),
  customer: z
    .object({ first_name: z.string().max(60).nullish(), last_name: z.string().max(60).nullish() })
    .nullish(),
  line_items: z.array(LineItem).max(1000),
});
export type ShopifyOrder = z.output<typeof ShopifyOrder>;

/** Paid enough to count as sold when `orders/create` arrives (else `orders/paid` follows). */
const SOLD_STATUSES = new Set(['paid', 'partially_paid', 'authorized', 'partially_refunded']);

export type ShopifyParse =
  { ok: true; orders: DoorOrder[]; skipped: string[] } | { ok: false; error: string };

/**
 * An order with one product line keeps Shopify's order id; one with several becomes one
 * order per line, `<order id>:<line item id>`, because one Flashcue sale is one product.
 * Lines without a SKU cannot be matched to the run sheet and are listed as skipped.
 */
export function shopifyOrders(topic: ShopifyTopic, json: unknown): ShopifyParse {
  const parsed = parseWith(ShopifyOrder, json);
  if (!parsed.ok)
    return {
      ok: false,
      error: `The ${topic} webhook is not a Shopify order:\n${describeErrors(parsed.errors, 10)}`,
    };
  const order = parsed.value;
  const orderId = String(order.id);
  const skipped: string[] = [];
  if (topic === 'orders/create' && !SOLD_STATUSES.has(order.financial_status ?? '')) {
    skipped.push(
      `Order ${order.name ?? orderId} is ${order.financial_status ?? 'not paid'}: it is taken when orders/paid arrives.`,
    );
    return { ok: true, orders: [], skipped };
  }
  const buyer =
    [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(' ').trim() ||
    null;
  const lines = order.line_items.filter((line) => {
    if (line.sku) return true;
    skipped.push(`"${line.title ?? line.id}" has no SKU: it cannot be matched to a product.`);
    return false;
  });
  const cancelled = topic === 'orders/cancelled';
  const orders = lines.map((line): DoorOrder => ({
    orderId: lines.length === 1 ? orderId : `${orderId}:${String(line.id)}`,
    sku: line.sku!,
    quantity: line.quantity,
    unitPrice: Number(line.price),
    buyer,
    ...(order.created_at && isIso(order.created_at) && { createdAt: order.created_at }),
    status: cancelled ? 'cancelled' : 'paid',
  }));
  return { ok: true, orders, skipped };
}

/**
 * Shopify's ids are JSON numbers, and many are past 2^53 (its own sample order is
 * 820982911946154508): JSON.parse would round them and two orders could share an id. Long
 * integer values of `id` / `…_id` keys are quoted before parsing; the pattern skips quotes
 * escaped inside strings, so text in a note cannot be touched.
 */
export function parseShopifyJson(text: string): unknown {
  return JSON.parse(text.replace(/(?<!\\)"(id|[a-z_]*_id)"(\s*):(\s*)(\d{16,})/g, '"$1"$2:$3"$4"'));
}

const isIso = (text: string) => !Number.isNaN(Date.parse(text));

export function isShopifyTopic(topic: string | undefined): topic is ShopifyTopic {
  return (SHOPIFY_TOPICS as readonly string[]).includes(topic ?? '');
}
