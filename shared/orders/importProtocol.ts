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
import type { PlatformReport } from './platformReport';
import { ORDER_FORMATS } from './types';

const Id = z.number().int().nonnegative();
const DbName = z.string().min(1).max(200);
const ShowId = z.string().min(1).max(200);
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
/**
 * Store the parsed lines placed within the window beside the show's log, in one transaction
 * of the worker's own connection to the app's database (so 20,000 lines never cross to the
 * page); `abort` with the same id rolls it back.
 */
const Store = z.strictObject({
  kind: z.literal('store'),
  id: Id,
  db: DbName,
  showId: ShowId,
  options: ParseOptionsSchema,
  window: WindowSchema,
  timeZone: z.string().min(1).max(64),
  file: z.string().max(260),
  now: Time,
});
const Abort = z.strictObject({ kind: z.literal('abort'), id: Id });
/**
 * The platform block of a show's report: the report rebuilt from the show's own log, the
 * stored lines read by the worker itself, reconciled there. The answer leaves the attributed
 * lines in the worker (kept for `csv`): the page shows figures, not 20,000 rows.
 */
const Reconcile = z.strictObject({
  kind: z.literal('reconcile'),
  id: Id,
  db: DbName,
  showId: ShowId,
  sheet: z.record(z.string(), z.unknown()),
  events: z.array(EventSchema),
  now: Time,
});
/** The last reconciled show's lines as the platform-orders CSV. */
const Csv = z.strictObject({
  kind: z.literal('csv'),
  id: Id,
  showId: ShowId,
  currency: z.string().min(3).max(3),
  timeZone: z.string().min(1).max(64),
});
/** Let go of the rows: the import is done or was cancelled. */
const Forget = z.strictObject({ kind: z.literal('forget'), id: Id });

export const WorkerRequestSchema = z.discriminatedUnion('kind', [
  ReadFile,
  ReadPayload,
  Preview,
  Store,
  Abort,
  Reconcile,
  Csv,
  Forget,
]);
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

const Sentence = z.string().max(2000);
const Params = z.record(z.string().max(40), z.union([z.string().max(2000), z.number()]));
const Coded = { code: z.string().max(60).optional(), params: Params.optional() };
const Warning = z.strictObject({
  row: z.number().int().nullable(),
  message: Sentence,
  ...Coded,
});
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
    kind: z.literal('stored'),
    id: Id,
    outcome: z.strictObject({
      format: z.enum(ORDER_FORMATS),
      inWindow: z.number().int().nonnegative(),
      outside: z.number().int().nonnegative(),
      added: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
    }),
  }),
  z.strictObject({ kind: z.literal('csv'), id: Id, text: z.string() }),
  // The reconciled report is the worker's own pure output over inputs checked above; it is
  // checked here at its top (totals, an empty line list and the lines' count) only.
  z.strictObject({
    kind: z.literal('report'),
    id: Id,
    lineCount: z.number().int().nonnegative(),
    report: z
      .custom<PlatformReport>(
        (v) =>
          Figures.safeParse((v as { totals?: unknown } | null)?.totals).success &&
          (v as { lines?: unknown }).lines instanceof Array,
        'must be a platform report',
      )
      .nullable(),
  }),
  z.strictObject({ kind: z.literal('error'), id: Id, message: Sentence, ...Coded }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;
