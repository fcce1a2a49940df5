/**
 * The run sheet: the plan of one show. Everything from outside (imports, the editor, the
 * command API) passes through these schemas before it reaches the machine or the database.
 * Money is integer minor units of `currency`; durations are whole seconds.
 */
import { z } from 'zod';
import { Commission } from './commission';
import {
  Count,
  CurrencyCode,
  Id,
  ImageRef,
  Money,
  OptionalText,
  PositiveSeconds,
  Text,
  TimeZone,
} from './fields';
import { coded } from '../validation';

export { Id } from './fields';
export { Commission } from './commission';

export const RUNSHEET_FORMAT = 'flashcue.runsheet';
export const RUNSHEET_VERSION = 1;

export const Product = z
  .object({
    id: Id,
    name: Text(120),
    sku: OptionalText(64),
    /** The platforms' own SKU ids for it (TikTok Shop's SKU ID…): orders name it by these. */
    platformSkuIds: z
      .array(Text(64).regex(/^[^\s,;]+$/, 'must be one SKU id, without spaces, commas or ;'))
      .max(20, 'keep to at most 20 platform SKU ids')
      .optional(),
    category: OptionalText(64),
    retailPrice: Money,
    livePrice: Money,
    flashPrice: Money.optional(),
    stock: Count,
    flashSeconds: PositiveSeconds.optional(),
    flashQuantity: Count.positive('must be at least 1').optional(),
    image: ImageRef.optional(),
    talkingPoints: z
      .array(
        Text(200).regex(
          /^[^\r\n]*$/,
          coded('one_line', 'must be one line: put each point on its own'),
        ),
      )
      .max(12, coded('max_points', 'keep to at most 12 talking points'))
      .default([]),
  })
  .superRefine((product, ctx) => {
    if (product.livePrice > product.retailPrice) {
      ctx.addIssue({
        code: 'custom',
        path: ['livePrice'],
        message: 'is above the retail price: the live price is the discount the host reveals',
        params: { code: 'live_above_retail' },
      });
    }
    if (product.flashPrice !== undefined && product.flashPrice > product.livePrice) {
      ctx.addIssue({
        code: 'custom',
        path: ['flashPrice'],
        message: 'is above the live price: a flash deal must be cheaper than the live price',
        params: { code: 'flash_above_live' },
      });
    }
  });

const segmentBase = {
  id: Id,
  title: OptionalText(120),
  durationSec: PositiveSeconds,
};

export const OpeningSegment = z.object({ ...segmentBase, kind: z.literal('opening') });

export const ProductSegment = z.object({
  ...segmentBase,
  kind: z.literal('product'),
  productId: Id,
});

export const FlashSegment = z.object({
  ...segmentBase,
  kind: z.literal('flash'),
  productId: Id,
  /** Deal price; defaults to the product's flash price, then its live price. */
  price: Money.optional(),
  /** Deal length; defaults to the product's flash length, then the segment's duration. */
  dealSeconds: PositiveSeconds.optional(),
  quantity: Count.positive('must be at least 1').optional(),
});

export const ENGAGEMENT_ACTIVITIES = ['poll', 'giveaway', 'mystery', 'qa'] as const;

export const EngagementSegment = z.object({
  ...segmentBase,
  kind: z.literal('engagement'),
  activity: z.enum(ENGAGEMENT_ACTIVITIES, {
    error: coded('activity', 'must be poll, giveaway, mystery or qa'),
  }),
  label: Text(120),
  /** The product a mystery reveal or giveaway is about, if any. */
  productId: Id.optional(),
});

export const BreakSegment = z.object({ ...segmentBase, kind: z.literal('break') });

export const ClosingSegment = z.object({
  ...segmentBase,
  kind: z.literal('closing'),
  /** The last-call product, if the closing pushes one. */
  productId: Id.optional(),
});

export const SEGMENT_KINDS = [
  'opening',
  'product',
  'flash',
  'engagement',
  'break',
  'closing',
] as const;

export const Segment = z.discriminatedUnion(
  'kind',
  [OpeningSegment, ProductSegment, FlashSegment, EngagementSegment, BreakSegment, ClosingSegment],
  {
    error: coded(
      'segment_kind',
      'kind must be one of opening, product, flash, engagement, break, closing',
    ),
  },
);

export const ShowDetails = z.object({
  title: Text(160),
  /** ISO 8601 with an offset, e.g. 2026-03-15T19:00:00Z. */
  scheduledStart: z.iso
    .datetime({
      offset: true,
      error: coded(
        'iso_datetime',
        'must be an ISO date-time with a time zone offset, e.g. 2026-03-15T19:00:00Z',
      ),
    })
    .optional(),
  timeZone: TimeZone.default('UTC'),
  currency: CurrencyCode,
  durationSec: PositiveSeconds,
  expectedViewers: Count.optional(),
  targetGmv: Money.optional(),
  /** Seeds' session_format / session_type, e.g. product_showcase_with_flash_sales. */
  format: OptionalText(80),
  commission: Commission.optional(),
  /**
   * When a product's live price comes into force: from the show's start, or from the first
   * time the product is on air (until then it sells at retail — the "price reveal").
   */
  livePriceFrom: z.enum(['showStart', 'firstOnAir']).default('firstOnAir'),
  notes: OptionalText(2000),
});

/** Products one run sheet may hold: far above a show's worth, a bound for hostile imports. */
export const MAX_PRODUCTS = 500;

export const RunSheet = z
  .object({
    format: z.literal(RUNSHEET_FORMAT, { error: `must be "${RUNSHEET_FORMAT}"` }),
    version: z.literal(RUNSHEET_VERSION, { error: `must be ${RUNSHEET_VERSION}` }),
    id: Id,
    show: ShowDetails,
    products: z.array(Product).max(MAX_PRODUCTS, `at most ${MAX_PRODUCTS} products per show`),
    segments: z.array(Segment).min(1, 'a run sheet needs at least one segment').max(1000),
  })
  .superRefine(checkReferences, {
    // Run even when other fields failed, so one import reports every problem at once.
    when: () => true,
  });

/** Unique ids and resolved references. Defensive: it may see a sheet that failed elsewhere. */
function checkReferences(sheet: unknown, ctx: z.RefinementCtx): void {
  const raw = sheet as { products?: unknown; segments?: unknown };
  const products = Array.isArray(raw.products) ? (raw.products as Array<{ id?: unknown }>) : [];
  const segments = Array.isArray(raw.segments)
    ? (raw.segments as Array<{ id?: unknown; productId?: unknown }>)
    : [];
  const productIds = new Set<unknown>();
  products.forEach((product, i) => {
    const id = product?.id;
    if (typeof id !== 'string') return;
    if (productIds.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['products', i, 'id'],
        message: `"${id}" is used by another product`,
        params: { code: 'product_id_taken', id },
      });
    }
    productIds.add(id);
  });
  const segmentIds = new Set<unknown>();
  segments.forEach((segment, i) => {
    const id = segment?.id;
    if (typeof id === 'string' && segmentIds.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments', i, 'id'],
        message: `"${id}" is used by another segment`,
        params: { code: 'segment_id_taken', id },
      });
    }
    segmentIds.add(id);
    const ref = segment?.productId;
    if (typeof ref === 'string' && !productIds.has(ref)) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments', i, 'productId'],
        message: `refers to product "${ref}", which is not in the product list`,
        params: { code: 'unknown_product', id: ref },
      });
    }
  });
}

export type Product = z.infer<typeof Product>;
export type Segment = z.infer<typeof Segment>;
export type SegmentKind = Segment['kind'];
export type FlashSegment = z.infer<typeof FlashSegment>;
export type Commission = z.infer<typeof Commission>;
export type ShowDetails = z.infer<typeof ShowDetails>;
export type RunSheet = z.infer<typeof RunSheet>;
/** What a caller may hand in: defaults not yet applied. */
export type RunSheetInput = z.input<typeof RunSheet>;
