/**
 * `marker.add` (issue 19): the producer marks a moment for the highlight reel. Logged as an
 * event like every command, so replay and the report see the same markers. `decide` fills in
 * what was on air (segment, product) and the show time, and keeps OBS's recording timecode
 * when the controller read one: the event alone says where the moment is, in the show and in
 * the recording file, even after the run sheet is replanned.
 */
import { z } from 'zod';
import { focusProductId } from '../show/derive';
import { refusal, type Refusal } from '../show/refusal';
import type { ShowContext, ShowEvent } from '../show/types';

/** A day of recording, in ms: far above any show, and an end to a hostile number. */
const MAX_RECORD_MS = 24 * 3600 * 1000;

const Label = z.string({ error: 'must be text' }).trim().max(60, 'must be at most 60 characters');
const RecordMs = z
  .number({ error: 'must be a number of milliseconds' })
  .int('must be whole milliseconds')
  .nonnegative('must not be negative')
  .max(MAX_RECORD_MS, 'must be at most 24 hours');

/** `recordMs` is normally filled in by the controller from OBS; a tool that knows it may give it. */
export const MarkerCommand = z.strictObject({
  type: z.literal('marker.add'),
  label: Label.optional(),
  recordMs: RecordMs.optional(),
});
export type MarkerCommand = z.infer<typeof MarkerCommand>;

export const MarkerEventSchema = z.strictObject({
  type: z.literal('marker.add'),
  label: z.string().max(60).nullable(),
  showMs: z.number().int().nonnegative().max(8.64e15),
  segmentIndex: z.number().int().nonnegative().max(1000).nullable(),
  productId: z.string().min(1).max(64).nullable(),
  recordMs: RecordMs.nullable(),
  at: z.number().int().nonnegative().max(8.64e15),
});

type Phase = 'ready' | 'live' | 'ended';

export function decideMarker(
  phase: Phase,
  ctx: ShowContext,
  cmd: MarkerCommand,
  at: number,
): { ok: true; event: ShowEvent } | Refusal {
  if (phase !== 'live' || ctx.startedAt === null)
    return phase === 'ready'
      ? refusal('Start the show before you add a marker.', 'need_start', { action: 'marker' })
      : refusal("The show has ended: you can't add a marker now.", 'need_not_ended', {
          action: 'marker',
        });
  return {
    ok: true,
    event: {
      type: 'marker.add',
      label: cmd.label ? cmd.label : null,
      showMs: Math.max(0, at - ctx.startedAt),
      segmentIndex: ctx.onAir?.index ?? null,
      productId: focusProductId(ctx) ?? null,
      recordMs: cmd.recordMs ?? null,
      at,
    },
  };
}

/** OBS's `outputTimecode` ("01:02:03.456") in ms; null when it is not one. */
export function parseTimecode(timecode: string): number | null {
  const match = /^(\d{1,3}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(timecode.trim());
  if (!match) return null;
  const [, h, m, s, frac = '0'] = match;
  const ms = ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
  return ms <= MAX_RECORD_MS ? ms : null;
}

/** "00:12:31": whole seconds, hours always shown (what video editors' chapter lists read). */
export function formatTimecode(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}
