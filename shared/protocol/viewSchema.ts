/**
 * The overlay view as it travels in a `view` message: every field the selector produces,
 * bounded, so an overlay can trust what it draws. Written with zod/mini to keep pages small.
 */
import * as z from 'zod/mini';
import type { OverlayView } from '../view/overlayView';
import { int, nonneg, nullable, text } from './fields.js';

const segmentKind = z.enum(['opening', 'product', 'flash', 'engagement', 'break', 'closing']);

const ProductView = z.object({
  id: text(64),
  name: text(200),
  category: nullable(text(64)),
  /** An http(s) URL, a path, or `asset:<ref>` for an uploaded image sent as an AssetMessage. */
  image: nullable(text(2048)),
  retailPrice: nonneg(),
  livePrice: nonneg(),
  price: nonneg(),
  priceKind: z.enum(['deal', 'live', 'retail']),
  stock: int(),
  initialStock: nonneg(),
  soldOut: z.boolean(),
  talkingPoints: z.array(text(200)).check(z.maxLength(12)),
});

export const OverlayViewSchema = z.object({
  phase: z.enum(['ready', 'live', 'paused', 'ended']),
  title: text(200),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  segment: nullable(
    z.object({
      index: nonneg(),
      count: nonneg(),
      kind: segmentKind,
      title: text(200),
      plannedMs: nonneg(),
      elapsedMs: nonneg(),
      remainingMs: int(),
    }),
  ),
  product: nullable(ProductView),
  lowerThird: z.boolean(),
  deal: nullable(
    z.object({
      productId: text(64),
      price: nonneg(),
      remainingMs: nonneg(),
      totalMs: nonneg(),
      cap: nullable(nonneg()),
      sold: nonneg(),
      frozen: z.boolean(),
    }),
  ),
  next: nullable(
    z.object({
      kind: segmentKind,
      title: text(200),
      productName: nullable(text(200)),
      startsInMs: nonneg(),
    }),
  ),
  show: z.object({ elapsedMs: nonneg(), remainingMs: nonneg(), plannedMs: nonneg() }),
  ticker: z.object({
    recent: z
      .array(
        z.object({
          id: nonneg(),
          buyer: nullable(text(60)),
          productName: text(200),
          quantity: nonneg(),
          agoMs: nonneg(),
        }),
      )
      .check(z.maxLength(20)),
    unitsLastMinute: nonneg(),
    unitsTotal: nonneg(),
  }),
  cue: nullable(z.object({ text: text(200), agoMs: nonneg() })),
  start: nullable(z.object({ inMs: nonneg(), firstDeal: nullable(text(200)) })),
  cards: z.object({
    soldOut: nullable(
      z.object({
        productId: text(64),
        productName: text(200),
        afterMs: nullable(nonneg()),
        agoMs: nonneg(),
      }),
    ),
    // At most three lines each: what the recap card shows (shared/cards/recap.ts RECAP_LINES).
    recap: nullable(
      z.object({
        top: z.array(z.object({ name: text(200), units: nonneg() })).check(z.maxLength(3)),
        open: z
          .array(
            z.object({
              name: text(200),
              price: nonneg(),
              retailPrice: nonneg(),
              left: nonneg(),
              deal: z.boolean(),
            }),
          )
          .check(z.maxLength(3)),
        next: nullable(z.object({ at: nonneg(), timeZone: text(64) })),
      }),
    ),
  }),
});

// The schema and the selector's type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const viewSchemaMatchesSelector: Same<z.infer<typeof OverlayViewSchema>, OverlayView> = true;
void viewSchemaMatchesSelector;
