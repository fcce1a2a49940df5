/**
 * The order door (`POST /api/orders`): the body other tools send, checked with zod, and the
 * command-API messages each order becomes. Pure: the Node side (node/intakeServer.ts) reads the
 * request and forwards the commands over the relay to the primary controller.
 *
 * Each command's id is derived from the order id, so a sender that retries (after a 503, a
 * timeout, a crash) sends the same id again and the controller answers it again instead of
 * counting the order twice. The `sale` args follow the command API's contract (orders-core):
 * `{productId?, sku?, quantity?, buyer?, orderId?, price?, at?, source?}`.
 */
import { z } from 'zod';
import { describeErrors, parseWith, type LocatedError } from '../validation.js';
import { maskBuyer } from './mask.js';

/** TikTok's ids are 18 digits, past Number.MAX_SAFE_INTEGER: an id must be text. */
const OrderId = z
  .string({ error: 'must be text (an 18-digit id loses digits as a JSON number)' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

const Ref = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(64);

export const ORDER_STATUSES = ['paid', 'cancelled', 'refunded'] as const;

export const DoorOrder = z
  .strictObject({
    orderId: OrderId,
    productId: Ref.optional(),
    sku: Ref.optional(),
    quantity: z
      .number({ error: 'must be a whole number of units' })
      .int('must be a whole number of units')
      .min(1, 'must be at least 1')
      .max(100_000, 'must be at most 100000'),
    unitPrice: z
      .number({ error: 'must be a decimal amount in the show currency, e.g. 19.99' })
      .nonnegative('must not be negative')
      .max(1e9, 'is implausibly large'),
    buyer: z.string({ error: 'must be text' }).trim().max(60).nullish(),
    createdAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO-8601 time, e.g. 2026-12-04T20:15:00Z' })
      .optional(),
    status: z
      .enum(ORDER_STATUSES, { error: 'must be "paid", "cancelled" or "refunded"' })
      .optional(),
  })
  .refine((o) => o.productId !== undefined || o.sku !== undefined, {
    message: 'needs a productId or a sku',
    path: ['productId'],
  });
export type DoorOrder = z.output<typeof DoorOrder>;

/** At most this many orders per request: a flash deal's minute fits, a flood does not. */
export const MAX_ORDERS_PER_REQUEST = 500;

export const DoorBody = z.strictObject({
  orders: z
    .array(DoorOrder, { error: 'must be a list of orders' })
    .min(1, 'must hold at least one order')
    .max(MAX_ORDERS_PER_REQUEST, `must hold at most ${MAX_ORDERS_PER_REQUEST} orders per request`),
});

export type DoorParse = { ok: true; orders: DoorOrder[] } | { ok: false; error: string };

/** The raw request text to orders, or one sentence saying where the body is wrong. */
export function parseDoorBody(text: string): DoorParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: `The body is not JSON: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
  const parsed = parseWith(DoorBody, json);
  if (!parsed.ok) return { ok: false, error: located(parsed.errors) };
  return { ok: true, orders: parsed.value.orders };
}

const located = (errors: LocatedError[]) =>
  `The body is not a valid order list:\n${describeErrors(errors, 10)}`;

/** Where an order came from: the command API's `source` (`api` for the door itself). */
export type OrderSource = 'api' | 'shopify' | 'tiktok';

export interface OrderCommand {
  /** The command id: the same order always gives the same id. */
  id: string;
  /** `room.events`: the live room's events from POST /api/audience (node/audienceRoute.ts). */
  command: 'sale' | 'sale.cancel' | 'room.events';
  args: Record<string, unknown>;
  orderId: string;
}

export const saleCommandId = (orderId: string) => `order:${orderId}`;
export const cancelCommandId = (orderId: string) => `order-cancel:${orderId}`;

export interface CommandOptions {
  source: OrderSource;
  /** Buyer names masked (`a***a`) before they reach the controller and so the overlays. */
  maskBuyers: boolean;
}

/** One order to the one command that records it (or takes it back). */
export function orderCommand(order: DoorOrder, options: CommandOptions): OrderCommand {
  if (order.status === 'cancelled' || order.status === 'refunded') {
    return {
      id: cancelCommandId(order.orderId),
      command: 'sale.cancel',
      args: { orderId: order.orderId },
      orderId: order.orderId,
    };
  }
  const buyer = order.buyer ? (options.maskBuyers ? maskBuyer(order.buyer) : order.buyer) : null;
  const args: Record<string, unknown> = {
    orderId: order.orderId,
    quantity: order.quantity,
    price: order.unitPrice,
    source: options.source,
  };
  if (order.productId !== undefined) args.productId = order.productId;
  if (order.sku !== undefined) args.sku = order.sku;
  if (buyer) args.buyer = buyer;
  if (order.createdAt !== undefined) args.at = new Date(order.createdAt).toISOString();
  return { id: saleCommandId(order.orderId), command: 'sale', args, orderId: order.orderId };
}
