/**
 * The poll and giveaway log: every change is one event, appended to the show's poll log
 * (controller/db, Dexie version 17) and applied to the state by `applyPollEvent` — so a
 * reloaded controller replays the log to the same counts, and an auditor replays a draw from
 * its logged entrants and seed. Checked with zod when read back: a row this build cannot read
 * is skipped and counted, never thrown.
 */
import { z } from 'zod';

export const QUESTION_CAP = 120;
export const LABEL_CAP = 40;
export const KEYWORD_CAP = 40;
export const MAX_OPTIONS = 4;
export const MAX_KEYWORDS = 8;
/**
 * Caps are in graphemes (cleanText); a grapheme may be several code points (a family emoji is
 * seven), so the stored text is allowed eight code points per grapheme.
 */
const capped = (cap: number) =>
  z
    .string()
    .min(1)
    .max(cap * 8);
/** Voter and entrant handles as the room gives them (shared/room/text caps names at 32). */
const Handle = z.string().min(1).max(64);
const At = z.number().int().nonnegative();
const Id = z.string().min(1).max(16);

export const PollOptionSchema = z.object({
  label: capped(LABEL_CAP),
  keywords: z.array(capped(KEYWORD_CAP)).max(MAX_KEYWORDS),
});
export type PollOption = z.output<typeof PollOptionSchema>;

export const EntrantSchema = z.object({ id: Handle, name: capped(32) });
export type Entrant = z.output<typeof EntrantSchema>;

export const PollEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('poll.open'),
    pollId: Id,
    question: capped(QUESTION_CAP),
    options: z.array(PollOptionSchema).min(2).max(MAX_OPTIONS),
    at: At,
  }),
  z.object({
    type: z.literal('poll.vote'),
    pollId: Id,
    voter: Handle,
    option: z
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIONS - 1),
    at: At,
  }),
  z.object({ type: z.literal('poll.close'), pollId: Id, at: At }),
  z.object({
    type: z.literal('poll.confirm'),
    pollId: Id,
    /** The option(s) put on air as the result: one, or the tied ones when a tie is confirmed. */
    winners: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(MAX_OPTIONS - 1),
      )
      .min(1)
      .max(MAX_OPTIONS),
    at: At,
  }),
  z.object({ type: z.literal('poll.clear'), pollId: Id, at: At }),
  z.object({
    type: z.literal('giveaway.open'),
    giveawayId: Id,
    keyword: capped(KEYWORD_CAP),
    seconds: z.number().int().min(5).max(3600),
    at: At,
  }),
  z.object({ type: z.literal('giveaway.enter'), giveawayId: Id, entrant: EntrantSchema, at: At }),
  z.object({
    type: z.literal('giveaway.draw'),
    giveawayId: Id,
    /** The PRNG seed (unsigned 32-bit): the same entrants and seed always draw the same winner. */
    seed: z.number().int().min(0).max(0xffffffff),
    /** Who was drawn (kept so an audit can compare with its own replay). */
    winner: EntrantSchema,
    at: At,
  }),
  z.object({ type: z.literal('giveaway.clear'), giveawayId: Id, at: At }),
]);
export type PollEvent = z.output<typeof PollEventSchema>;
