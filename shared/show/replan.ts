/**
 * `show.replan`: new planned lengths for segments still to come (issue 18's advice, applied
 * by one click or the command API). Logged as an event carrying the old and new lengths, so
 * a replay rebuilds the same plan and the report can show what was changed, and when.
 */
import { z } from 'zod';
import type { ShowContext, ShowEvent } from './types';

const Index = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(999, 'is implausibly large');
const Seconds = z
  .number({ error: 'must be a number of seconds' })
  .int('must be whole seconds')
  .min(1, 'must be at least 1 second')
  .max(24 * 3600, 'must be at most 24 hours');
const Label = z.string({ error: 'must be text' }).trim().max(40, 'must be at most 40 characters');

/** Not strict: a whole proposal from `show.advice` (reasons and all) is a valid command. */
export const ReplanCommand = z.object({
  type: z.literal('show.replan'),
  segments: z
    .array(
      z.object({
        index: Index,
        durationSec: Seconds,
        /** When given, must name the segment at `index` (a guard against a stale proposal). */
        segmentId: z.string({ error: 'must be text' }).max(64).optional(),
      }),
      { error: 'must be a list of {index, durationSec}' },
    )
    .min(1, 'must change at least one segment')
    .max(200, 'is implausibly long'),
  proposal: Label.optional(),
  /** A proposal's id, kept as its label when `proposal` is not given. */
  id: Label.optional(),
});
export type ReplanCommand = z.infer<typeof ReplanCommand>;

export const ReplanEventSchema = z.strictObject({
  type: z.literal('show.replan'),
  segments: z
    .array(z.strictObject({ index: Index, from: Seconds, durationSec: Seconds }))
    .min(1)
    .max(200),
  proposal: z.string().max(40).nullable(),
  at: z.number().int().nonnegative().max(8.64e15),
});

type ReplanEvent = Extract<ShowEvent, { type: 'show.replan' }>;
type Decision = { ok: true; event: ReplanEvent } | { ok: false; error: string };

export function decideReplan(
  phase: 'ready' | 'live' | 'ended',
  ctx: ShowContext,
  cmd: ReplanCommand,
  at: number,
): Decision {
  if (phase !== 'live')
    return {
      ok: false,
      error: 'Replanning changes the segments still to come: the show must be live.',
    };
  const onAir = ctx.onAir?.index ?? -1;
  const count = ctx.sheet.segments.length;
  const seen = new Set<number>();
  for (const s of cmd.segments) {
    if (s.index >= count)
      return {
        ok: false,
        error: `There is no segment ${s.index + 1}: the run sheet has ${count}.`,
      };
    if (s.index <= onAir)
      return {
        ok: false,
        error: `Segment ${s.index + 1} is on air or over: only later segments can be replanned.`,
      };
    const id = ctx.sheet.segments[s.index]!.id;
    if (s.segmentId !== undefined && s.segmentId !== id)
      return {
        ok: false,
        error: `Segment ${s.index + 1} is “${id}”, not “${s.segmentId}”: ask for fresh advice.`,
      };
    if (seen.has(s.index)) return { ok: false, error: `Segment ${s.index + 1} is named twice.` };
    seen.add(s.index);
  }
  return {
    ok: true,
    event: {
      type: 'show.replan',
      segments: cmd.segments.map((s) => ({
        index: s.index,
        from: ctx.sheet.segments[s.index]!.durationSec,
        durationSec: s.durationSec,
      })),
      proposal: cmd.proposal ?? cmd.id ?? null,
      at,
    },
  };
}

/** The machine's guard: every named segment still to come. */
export function canReplan(ctx: ShowContext, e: ReplanEvent): boolean {
  const onAir = ctx.onAir?.index ?? -1;
  return e.segments.every((s) => s.index > onAir && s.index < ctx.sheet.segments.length);
}

export function applyReplan(ctx: ShowContext, e: ReplanEvent): ShowContext {
  const segments = [...ctx.sheet.segments];
  for (const s of e.segments)
    segments[s.index] = { ...segments[s.index]!, durationSec: s.durationSec };
  return { ...ctx, now: Math.max(ctx.now, e.at), sheet: { ...ctx.sheet, segments } };
}
