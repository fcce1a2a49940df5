/**
 * The zod shape of a show file ("flashcue.show" v2, v1 read too; see archive.ts): every field typed and
 * bounded, every event exactly one the machine knows, with no extra fields.
 */
import { z } from 'zod';
import type { ShowEvent } from './types';
import { OrderId, OrderSource } from './orders';
import { PlatformArchiveSchema } from '../orders/schema';
import { ReplanEventSchema } from './replan';
import { MarkerEventSchema } from '../marker/marker';
import { SavedRoom } from '../room/saved';
import { HealthArchiveSchema } from '../obs/healthArchive';

export const SHOW_ARCHIVE_FORMAT = 'flashcue.show';
/** 2: the live room's kept counts and question log (`room`, issue 17); version 1 files still open. */
export const SHOW_ARCHIVE_VERSION = 2;
/**
 * Far above a real show (a long, busy one logs a few thousand events). The import replays the
 * log, and replay grows faster than the log (each sale copies the list of sales before it:
 * 20,000 events take about 5 s), so a hostile file must not be able to ask for much more.
 */
export const MAX_ARCHIVE_EVENTS = 50_000;

const Time = z
  .number({ error: 'must be a time (ms since 1970)' })
  .int('must be whole milliseconds')
  .nonnegative('must not be negative')
  .max(8.64e15, 'is not a real date');
const NullableTime = Time.nullable();
const Whole = (max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .nonnegative('must not be negative')
    .max(max, 'is implausibly large');
const ShowId = z
  .string({ error: 'must be text' })
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may use only letters, digits and _ . : -');
const ProductRef = z
  .string({ error: 'must be a product id' })
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters');
const Price = z
  .number({ error: 'must be a price in minor units' })
  .int('must be whole minor units')
  .nonnegative('must not be negative')
  .max(1e13, 'is implausibly large');

const bare = <T extends string>(type: T) => z.strictObject({ type: z.literal(type), at: Time });

export const EventSchema = z.discriminatedUnion(
  'type',
  [
    bare('show.start'),
    bare('show.next'),
    bare('show.prev'),
    z.strictObject({ type: z.literal('show.goto'), index: Whole(1000), at: Time }),
    z.strictObject({
      type: z.literal('show.pause'),
      freezeDeal: z.boolean({ error: 'must be true or false' }),
      at: Time,
    }),
    bare('show.resume'),
    bare('show.end'),
    z.strictObject({
      type: z.literal('deal.start'),
      productId: ProductRef,
      price: Price,
      seconds: Whole(24 * 3600).min(1, 'must be at least 1 second'),
      quantity: Whole(100_000).min(1, 'must be at least 1').nullable(),
      planned: z.boolean({ error: 'must be true or false' }),
      at: Time,
    }),
    z.strictObject({
      type: z.literal('deal.extend'),
      seconds: Whole(24 * 3600).min(1, 'must be at least 1 second'),
      at: Time,
    }),
    bare('deal.end'),
    z.strictObject({
      type: z.literal('sale'),
      productId: ProductRef,
      quantity: Whole(100_000).min(1, 'must be at least 1'),
      buyer: z
        .string({ error: 'must be text' })
        .max(60, 'must be at most 60 characters')
        .nullable(),
      // Order fields (issue 15): optional, so logs from before them still import.
      orderId: OrderId.optional(),
      sku: z
        .string({ error: 'must be text' })
        .min(1, 'must not be empty')
        .max(64, 'must be at most 64 characters')
        .optional(),
      price: Price.optional(),
      placedAt: Time.optional(),
      source: OrderSource.optional(),
      at: Time,
    }),
    bare('sale.undo'),
    z.strictObject({
      type: z.literal('sale.cancel'),
      orderId: OrderId,
      restock: z.boolean({ error: 'must be true or false' }),
      at: Time,
    }),
    z.strictObject({
      type: z.literal('stock.set'),
      productId: ProductRef,
      remaining: Whole(1e9),
      at: Time,
    }),
    z.strictObject({
      type: z.literal('viewers'),
      concurrent: Whole(1e9).nullable(),
      unique: Whole(1e10).nullable(),
      at: Time,
    }),
    bare('lowerThird.show'),
    bare('lowerThird.hide'),
    z.strictObject({
      type: z.literal('cue'),
      text: z
        .string({ error: 'must be text' })
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters'),
      at: Time,
    }),
    ReplanEventSchema,
    MarkerEventSchema,
  ],
  { error: 'is not an event Flashcue knows' },
);

// The schema must produce exactly the machine's events: a mismatch fails type-checking here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _eventsMatch: Same<z.infer<typeof EventSchema>, ShowEvent> = true;
void _eventsMatch;

/** A show as a primary controller hands it to a new backup: what replay needs besides the log. */
export const ShowMetaSchema = z.strictObject({
  id: ShowId,
  runSheetId: z
    .string({ error: 'must be text' })
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters'),
  createdAt: Time,
  changes: z.string({ error: 'must be text' }).max(10_000, 'must be at most 10,000 characters'),
  sheet: z.unknown(),
});

export const ArchiveSchema = z.strictObject({
  format: z.literal(SHOW_ARCHIVE_FORMAT),
  version: z.union([z.literal(1), z.literal(SHOW_ARCHIVE_VERSION)], {
    error: `must be 1 or ${SHOW_ARCHIVE_VERSION}`,
  }),
  exportedAt: z.string({ error: 'must be text' }).max(40),
  show: z.strictObject({
    id: ShowId,
    runSheetId: z
      .string({ error: 'must be text' })
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters'),
    status: z.enum(['ready', 'live', 'ended'], { error: 'must be ready, live or ended' }),
    createdAt: Time,
    startedAt: NullableTime,
    endedAt: NullableTime,
    changes: z.string({ error: 'must be text' }).max(10_000, 'must be at most 10,000 characters'),
    /** The term history (shows rows since database version 11). */
    terms: z
      .array(
        z.strictObject({
          term: Whole(1e6).min(1, 'must be at least 1'),
          startSeq: Whole(1e9).min(1, 'must be at least 1'),
          device: z.string({ error: 'must be text' }).max(64, 'must be at most 64 characters'),
        }),
      )
      .max(1000, 'holds more than 1,000 terms')
      .optional(),
    /** Files written before the one term field held only the current term. */
    term: Whole(1e6).min(1, 'must be at least 1').optional(),
  }),
  sheet: z.unknown(),
  events: z
    .array(
      z.strictObject({
        seq: Whole(1e9).min(1, 'must be at least 1'),
        commandId: z
          .string({ error: 'must be text' })
          .min(1, 'must not be empty')
          .max(200, 'must be at most 200 characters')
          .nullable(),
        event: EventSchema,
      }),
      { error: 'must be a list of events' },
    )
    .max(MAX_ARCHIVE_EVENTS, `holds more than ${MAX_ARCHIVE_EVENTS.toLocaleString('en')} events`),
  /** Imported platform orders (issue 15), absent in files from before them. */
  platform: PlatformArchiveSchema.optional(),
  /** The per-minute stream-health record (issue 19), absent in files from before it. */
  health: HealthArchiveSchema.optional(),
  /** The live room's per-segment counts and question log (version 2; absent without a room). */
  room: SavedRoom.optional(),
});
