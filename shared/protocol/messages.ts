/**
 * The message catalogue: one typed, versioned envelope for every transport. Any app on the
 * obs-websocket can broadcast anything, so every message is parsed here before use.
 * Written with zod/mini so an overlay page stays small.
 */
import * as z from 'zod/mini';
import { APP, PROTOCOL_VERSION, isFlashcueEnvelope } from './envelope.js';

export { APP, PROTOCOL_VERSION, isFlashcueEnvelope };

import { OverlayViewSchema } from './viewSchema.js';
import { nonneg, nullable, text } from './fields.js';
import { RoomMessage } from './roomMessage.js';
import { PollMessage } from './pollMessage.js';

export { OverlayViewSchema };

const envelope = { app: z.literal(APP), v: z.literal(PROTOCOL_VERSION) };

/**
 * A full view of the show. Ordering: `term` first (a backup controller that took over the
 * show raises it, so the old primary's views lose even if its log ran further; absent = 1),
 * then `logSeq` (events in the show's log, never goes back, even across a controller reload);
 * within one controller `session`, `n` counts sends, so a stale heartbeat that arrives late
 * is dropped.
 */
export const ViewMessage = z.object({
  ...envelope,
  kind: z.literal('view'),
  showId: text(64),
  session: text(64),
  term: z.optional(nonneg()),
  logSeq: nonneg(),
  n: nonneg(),
  view: OverlayViewSchema,
});

/** A page that just started asks the controller for the current view. */
export const HelloMessage = z.object({
  ...envelope,
  kind: z.literal('hello'),
  sender: text(64),
  role: z.enum(['overlay', 'host', 'remote', 'tool']),
});

export const CommandMessage = z.object({
  ...envelope,
  kind: z.literal('command'),
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  command: text(64),
  args: z.optional(z.record(z.string(), z.unknown())),
  sender: z.optional(text(64)),
});

export const AckMessage = z.object({
  ...envelope,
  kind: z.literal('ack'),
  id: z.string().check(z.maxLength(128)),
  ok: z.boolean(),
  result: z.optional(z.unknown()),
  error: z.optional(text(2000)),
});

/**
 * Several acks in one message, only for a sender that asks for them (the `npm start` order
 * intake, `sender: "flashcue-intake"`): the relay's rate limit counts messages, and the door
 * sends orders in batches. Every other client gets one `ack` per command, as documented.
 */
export const INTAKE_SENDER = 'flashcue-intake';
export const AcksMessage = z.object({
  ...envelope,
  kind: z.literal('acks'),
  acks: z
    .array(
      z.object({
        id: z.string().check(z.maxLength(128)),
        ok: z.boolean(),
        result: z.optional(z.unknown()),
        error: z.optional(text(2000)),
      }),
    )
    .check(z.maxLength(500)),
});

/** An uploaded image, sent apart from the views that refer to it by `ref`. */
export const AssetMessage = z.object({
  ...envelope,
  kind: z.literal('asset'),
  ref: z.string().check(z.regex(/^asset:[a-z0-9-]{1,40}$/)),
  data: z
    .string()
    .check(
      z.maxLength(4_000_000),
      z.regex(/^data:image\/(png|jpeg|gif|webp|avif|svg\+xml);base64,/),
    ),
});

/**
 * The producer's custom words (issue 16), every language's, as saved with the look: each
 * overlay page takes its own language's. Sent like the view (on change, on hello, on a
 * heartbeat), so a page inside OBS gets them with no password in its URL.
 */
export const WordsMessage = z.object({
  ...envelope,
  kind: z.literal('words'),
  words: z
    .record(
      z.string().check(z.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)),
      z
        .record(
          z.string().check(z.regex(/^ov_[a-z_]{1,40}(#(zero|one|two|few|many|other))?$/)),
          text(120),
        )
        .check(z.refine((slots) => Object.keys(slots).length <= 64)),
    )
    .check(z.refine((langs) => Object.keys(langs).length <= 16)),
});

// Controller to controller: the primary streams its log so remote controllers mirror it and
// one of them can take over. The payloads (`event`, `show`) are checked by the mirror with the
// controller's full schemas, so overlays never carry them.

const device = () => z.string().check(z.minLength(1), z.maxLength(64));
/** Which term wrote which part of the log: term k covers seqs from its `startSeq` on. */
const TermStart = z.object({
  term: z.number().check(z.int(), z.minimum(1)),
  startSeq: z.number().check(z.int(), z.minimum(1)),
  device: device(),
});

/** The primary's heartbeat: who holds the show, in which term, how far its log runs. */
export const PrimaryMessage = z.object({
  ...envelope,
  kind: z.literal('primary'),
  showId: text(64),
  title: text(200),
  device: device(),
  deviceName: text(80),
  term: z.number().check(z.int(), z.minimum(1)),
  terms: z.array(TermStart).check(z.minLength(1), z.maxLength(1000)),
  lastSeq: nonneg(),
  phase: z.enum(['ready', 'live', 'ended']),
  /** How far the show's poll log runs (absent from builds before polls reached backups). */
  pollSeq: z.optional(nonneg()),
});

/** Log entries in seq order: one per append, or a chunk answering a sync. */
export const LogMessage = z.object({
  ...envelope,
  kind: z.literal('log'),
  showId: text(64),
  device: device(),
  term: z.number().check(z.int(), z.minimum(1)),
  entries: z
    .array(
      z.object({
        seq: z.number().check(z.int(), z.minimum(1)),
        commandId: nullable(text(200)),
        event: z.unknown(),
      }),
    )
    .check(z.maxLength(500)),
});

/**
 * Entries of the show's poll log (polls and giveaways, controller/poll), for the backups: one
 * message per burst of votes, or a chunk answering a sync. Events are checked by the backup.
 */
export const PollLogMessage = z.object({
  ...envelope,
  kind: z.literal('pollLog'),
  showId: text(64),
  device: device(),
  term: z.number().check(z.int(), z.minimum(1)),
  entries: z
    .array(z.object({ seq: z.number().check(z.int(), z.minimum(1)), event: z.unknown() }))
    .check(z.maxLength(500)),
});

/** The show as the primary froze it (the run sheet, checked by the mirror), for a new remote. */
export const SheetMessage = z.object({
  ...envelope,
  kind: z.literal('sheet'),
  showId: text(64),
  device: device(),
  to: device(),
  show: z.unknown(),
});

/** A remote asks for the log from `fromSeq` on (and the sheet when it has none). */
export const SyncMessage = z.object({
  ...envelope,
  kind: z.literal('sync'),
  showId: text(64),
  device: device(),
  fromSeq: z.number().check(z.int(), z.minimum(1)),
  needSheet: z.boolean(),
  /** The poll log from this seq on, too (a backup behind on the poll log). */
  pollFromSeq: z.optional(z.number().check(z.int(), z.minimum(1))),
});

export const FlashcueMessage = z.discriminatedUnion('kind', [
  ViewMessage,
  HelloMessage,
  CommandMessage,
  AckMessage,
  AcksMessage,
  AssetMessage,
  WordsMessage,
  RoomMessage,
  PollMessage,
  PrimaryMessage,
  LogMessage,
  PollLogMessage,
  SheetMessage,
  SyncMessage,
]);

export type ViewMessage = z.infer<typeof ViewMessage>;
export type HelloMessage = z.infer<typeof HelloMessage>;
export type CommandMessage = z.infer<typeof CommandMessage>;
export type AckMessage = z.infer<typeof AckMessage>;
export type AcksMessage = z.infer<typeof AcksMessage>;
export type AssetMessage = z.infer<typeof AssetMessage>;
export type WordsMessage = z.infer<typeof WordsMessage>;
export type PrimaryMessage = z.infer<typeof PrimaryMessage>;
export type LogMessage = z.infer<typeof LogMessage>;
export type PollLogMessage = z.infer<typeof PollLogMessage>;
export type SheetMessage = z.infer<typeof SheetMessage>;
export type SyncMessage = z.infer<typeof SyncMessage>;
export type TermStart = z.infer<typeof TermStart>;
export type FlashcueMessage = z.infer<typeof FlashcueMessage>;

export type Parsed =
  { ok: true; message: FlashcueMessage } | { ok: false; reason: 'foreign' | 'invalid' };

/**
 * One parse per message: a controller has several listeners on each transport (view
 * publisher, command server, replica, command client), and every one of them gets the same
 * object, so a flood costs one validation per message, not four.
 */
const parsedOnce = new WeakMap<object, Parsed>();

export function parseMessage(data: unknown): Parsed {
  if (!isFlashcueEnvelope(data)) return { ok: false, reason: 'foreign' };
  const known = parsedOnce.get(data as object);
  if (known) return known;
  const parsed = FlashcueMessage.safeParse(data);
  const result: Parsed = parsed.success
    ? { ok: true, message: parsed.data }
    : { ok: false, reason: 'invalid' };
  parsedOnce.set(data as object, result);
  return result;
}
