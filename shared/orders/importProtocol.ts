/**
 * The messages between the Report screen and the import worker
 * (controller/report/platform/import.worker.ts), checked with zod on both sides: the page
 * trusts nothing it did not build itself, and the worker refuses a request it cannot read
 * with a sentence instead of dying silently. Every request carries an id; the answer (or the
 * progress on the way) carries the same id, so a late answer to a superseded request is
 * dropped by the page.
 */
import { z } from 'zod';
import { EventSchema } from '../show/eventSchema';
import { PlatformLineSchema, PlatformMetaSchema } from './schema';
import type { PlatformReport } from './platformReport';
import { ORDER_FORMATS } from './types';

const Id = z.number().int().nonnegative();
const Time = z.number().int().nonnegative().max(8.64e15);
export const WindowSchema = z
  .strictObject({ from: Time, to: Time })
  .refine((w) => w.from <= w.to, 'must start before it ends');

export const ParseOptionsSchema = z.strictObject({
  currency: z.string().min(3).max(3),
  timeZone: z.string().min(1).max(64),
  format: z.enum(ORDER_FORMATS).optional(),
});

/** Read a file into rows, kept in the worker (CSV in 1 MB chunks, XLSX whole). */
const ReadFile = z.strictObject({ kind: z.literal('read'), id: Id, file: z.instanceof(Blob) });
/** Rows from the command API's `text` or `base64`. */
const ReadPayload = z.strictObject({
  kind: z.literal('readPayload'),
  id: Id,
  text: z.string().optional(),
  base64: z.string().optional(),
});
/** Parse the rows held (again only when the options changed) and sum what is in the window. */
const Preview = z.strictObject({
  kind: z.literal('preview'),
  id: Id,
  options: ParseOptionsSchema,
  window: WindowSchema.nullable(),
});
/** The parsed lines placed within the window, for the page to store. */
const Take = z.strictObject({
  kind: z.literal('take'),
  id: Id,
  options: ParseOptionsSchema,
  window: WindowSchema,
});
/** The platform block of a show's report: built from the show's own log, reconciled here. */
const Reconcile = z.strictObject({
  kind: z.literal('reconcile'),
  id: Id,
  sheet: z.record(z.string(), z.unknown()),
  events: z.array(EventSchema),
  now: Time,
  lines: z.array(PlatformLineSchema),
  meta: PlatformMetaSchema.nullable(),
  remembered: z.array(z.tuple([z.string(), z.string()])),
});
/** Let go of the rows: the import is done or was cancelled. */
const Forget = z.strictObject({ kind: z.literal('forget'), id: Id });

export const WorkerRequestSchema = z.discriminatedUnion('kind', [
  ReadFile,
  ReadPayload,
  Preview,
  Take,
  Reconcile,
  Forget,
]);
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

const Sentence = z.string().max(2000);
const Warning = z.strictObject({ row: z.number().int().nullable(), message: Sentence });
const Figures = z.strictObject({
  orders: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  gmv: z.number().int().nonnegative(),
});

export const PreviewSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(false), errors: z.array(Warning).max(100) }),
  z.strictObject({
    ok: z.literal(true),
    format: z.enum(ORDER_FORMATS),
    lines: z.number().int().nonnegative(),
    kept: z.number().int().nonnegative(),
    figures: Figures,
    /** The first few; `warningCount` says how many there were. */
    warnings: z.array(Warning).max(20),
    warningCount: z.number().int().nonnegative(),
    ignoredColumns: z.array(z.string().max(200)).max(500),
  }),
]);
export type Preview = z.infer<typeof PreviewSchema>;

export const WorkerReplySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('progress'), id: Id, fraction: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('read'), id: Id, rows: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('preview'), id: Id, preview: PreviewSchema }),
  z.strictObject({
    kind: z.literal('lines'),
    id: Id,
    format: z.enum(ORDER_FORMATS),
    lines: z.array(PlatformLineSchema),
    outside: z.number().int().nonnegative(),
  }),
  // The reconciled report is the worker's own pure output over inputs checked above; it is
  // checked here at its top (totals and a line list) only: a deep check of 20,000 attributed
  // lines would put back on the page the very task the worker takes off it.
  z.strictObject({
    kind: z.literal('report'),
    id: Id,
    report: z
      .custom<PlatformReport>(
        (v) =>
          Figures.safeParse((v as { totals?: unknown } | null)?.totals).success &&
          Array.isArray((v as { lines?: unknown }).lines),
        'must be a platform report',
      )
      .nullable(),
  }),
  z.strictObject({ kind: z.literal('error'), id: Id, message: Sentence }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;
