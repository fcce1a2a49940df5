/**
 * TikTok Shop Open API: request signing and the order search (API version 202309), pure.
 *
 * Signing, as TikTok Shop Partner Center's "Sign your API request" describes it: take the
 * query parameters except `sign` and `access_token`, sort them by key, concatenate each as
 * key + value; put the API path in front and, for a request that is not multipart, the body
 * text after; wrap the whole in the app secret (secret + … + secret); the signature is the
 * lower-case hex HMAC-SHA256 of that string keyed with the app secret. The access token goes
 * in the `x-tts-access-token` header.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { describeErrors, parseWith, type LocatedError } from '../validation.js';
import type { DoorOrder } from './door.js';

export const ORDER_SEARCH_PATH = '/order/202309/orders/search';
export const TOKEN_REFRESH_PATH = '/api/v2/token/refresh';
export const TIKTOK_API_BASE = 'https://open-api.tiktokglobalshop.com';
export const TIKTOK_AUTH_BASE = 'https://auth.tiktok-shops.com';

export function signatureBase(
  secret: string,
  path: string,
  query: Record<string, string>,
  body: string,
): string {
  const params = Object.keys(query)
    .filter((key) => key !== 'sign' && key !== 'access_token')
    .sort()
    .map((key) => `${key}${query[key]}`)
    .join('');
  return `${secret}${path}${params}${body}${secret}`;
}

export function signTikTok(
  secret: string,
  path: string,
  query: Record<string, string>,
  body = '',
): string {
  return createHmac('sha256', secret)
    .update(signatureBase(secret, path, query, body))
    .digest('hex');
}

// The order search answer: only the fields used, the rest passes through unread.
const LineItem = z.object({
  id: z.string().max(40).optional(),
  sku_id: z.string().max(40).optional(),
  seller_sku: z.string().max(64).optional(),
  product_name: z.string().max(300).optional(),
  sale_price: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal amount'),
  quantity: z.number().int().min(1).optional(),
});

const Order = z.object({
  id: z.string().min(1).max(40),
  status: z.string().max(40),
  create_time: z.number().int().nonnegative(),
  update_time: z.number().int().nonnegative(),
  line_items: z.array(LineItem).max(1000),
});
export type TikTokOrder = z.output<typeof Order>;

export const SearchAnswer = z.object({
  code: z.number(),
  message: z.string().max(2000).optional(),
  data: z
    .object({
      orders: z.array(Order).max(100).optional(),
      next_page_token: z.string().max(500).optional(),
      total_count: z.number().optional(),
    })
    .nullish(),
});
export type SearchAnswer = z.output<typeof SearchAnswer>;

export const RefreshAnswer = z.object({
  code: z.number(),
  message: z.string().max(2000).optional(),
  data: z
    .object({
      access_token: z.string().min(1).max(1000),
      // A Unix time in seconds (when the token expires), not a duration.
      access_token_expire_in: z.number().int(),
      refresh_token: z.string().min(1).max(1000),
      refresh_token_expire_in: z.number().int().optional(),
    })
    .nullish(),
});

export type Checked<T> =
  { ok: true; value: T } | { ok: false; error: string; errors: LocatedError[] };

export function readAnswer<S extends z.ZodType>(
  schema: S,
  json: unknown,
  what: string,
): Checked<z.output<S>> {
  const parsed = parseWith(schema, json);
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : {
        ok: false,
        error: `TikTok's ${what} answer was not understood:\n${describeErrors(parsed.errors, 5)}`,
        errors: parsed.errors,
      };
}

/** Paid and not cancelled: the platform has sold it (ON_HOLD is paid, in its remorse window). */
const SOLD = new Set([
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
]);
const CANCELLED = new Set(['CANCEL', 'CANCELLED']);

export type TikTokKind = 'sold' | 'cancelled' | 'unpaid';

export function orderKind(status: string): TikTokKind {
  if (CANCELLED.has(status)) return 'cancelled';
  return SOLD.has(status) ? 'sold' : 'unpaid';
}

/**
 * A TikTok order to door orders: line items grouped by SKU (the seller's SKU, else TikTok's
 * SKU id; a line item without `quantity` is one unit). One SKU keeps the order id; several
 * become `<order id>:<sku>`. Unpaid orders give nothing yet.
 */
export function tiktokOrders(order: TikTokOrder): DoorOrder[] {
  const kind = orderKind(order.status);
  if (kind === 'unpaid') return [];
  const bySku = new Map<string, { quantity: number; unitPrice: number }>();
  for (const item of order.line_items) {
    const sku = item.seller_sku || item.sku_id;
    if (!sku) continue;
    const line = bySku.get(sku) ?? { quantity: 0, unitPrice: Number(item.sale_price) };
    line.quantity += item.quantity ?? 1;
    bySku.set(sku, line);
  }
  const createdAt = new Date(order.create_time * 1000).toISOString();
  return [...bySku].map(([sku, line]) => ({
    orderId: bySku.size === 1 ? order.id : `${order.id}:${sku}`,
    sku,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    // The order search gives no public buyer name (only a masked e-mail and the shipping
    // address, which must never go on air): the ticker shows the product alone.
    buyer: null,
    createdAt,
    status: kind === 'cancelled' ? 'cancelled' : 'paid',
  }));
}
