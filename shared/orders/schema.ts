/**
 * The zod shape of imported orders as a show file carries them (`platform` in
 * "flashcue.show"): every field typed and bounded, so a hand-edited file is refused with the
 * place of the problem rather than stored.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../time';
import { ORDER_FORMATS } from './types';

const Time = z.number({ error: 'must be a time (ms since 1970)' }).int().nonnegative().max(8.64e15);
const Minor = z
  .number({ error: 'must be an amount in minor units' })
  .int('must be whole minor units')
  .nonnegative('must not be negative')
  .max(1e13, 'is implausibly large');
const Units = z.number({ error: 'must be a number' }).int().nonnegative().max(1_000_000);
const Text = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`);
const Count = z.number().int().nonnegative().max(1e7);

export const PlatformLineSchema = z.strictObject({
  key: Text(140).min(1),
  format: z.enum(ORDER_FORMATS, { error: 'must be tiktok or shopify' }),
  orderId: Text(64).min(1),
  line: Units.min(1),
  sku: Text(200).nullable(),
  platformSkuId: Text(200).nullable(),
  name: Text(200),
  quantity: Units,
  returned: Units,
  unitPrice: Minor,
  amount: Minor,
  refunded: Minor,
  cancelled: z.boolean(),
  placedAt: Time,
  buyer: Text(60).nullable(),
  status: Text(80),
  row: Count,
});

const Nullable = (schema: z.ZodNumber) => schema.nullable();

export const LiveSummarySchema = z.strictObject({
  gmv: Nullable(Minor),
  skuOrders: Nullable(Count),
  customers: Nullable(Count),
  viewers: Nullable(z.number().int().nonnegative().max(1e10)),
  uniqueViewers: Nullable(z.number().int().nonnegative().max(1e10)),
  avgWatchSeconds: Nullable(z.number().int().nonnegative().max(86_400)),
  productClicks: Nullable(Count),
});

export const PlatformMetaSchema = z.strictObject({
  window: z
    .strictObject({ from: Time, to: Time })
    .refine((w) => w.from <= w.to, 'must start before it ends'),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
  imports: z
    .array(
      z.strictObject({
        at: Time,
        format: z.enum(ORDER_FORMATS),
        file: Text(260),
        lines: Count,
        added: Count,
        changed: Count,
      }),
    )
    .max(1000),
  summary: LiveSummarySchema.nullable(),
});

/** Far above a show's share of any export. */
export const MAX_ARCHIVED_LINES = 200_000;

export const PlatformArchiveSchema = z.strictObject({
  meta: PlatformMetaSchema.nullable(),
  lines: z.array(PlatformLineSchema).max(MAX_ARCHIVED_LINES, 'holds too many order lines'),
});
