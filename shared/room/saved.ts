/**
 * What the controller keeps of the room across a reload (issue 17): the question queue with
 * its pin, the per-segment counts and the peak the room reported — aggregates only. Room events
 * are never kept one by one (a busy room sends thousands an hour), and viewer samples already
 * live in the show's log as `viewers` events. Read back through zod: a row written by an older
 * or broken build is dropped in words instead of breaking the Live screen.
 */
import { z } from 'zod';
import { emptyRoom, type RoomState } from './room.js';
import type { RoomTally } from './tally.js';
import { QUEUE_LIMIT } from './questions.js';

const Count = z.number().int().nonnegative().max(1e12);
const Text = (max: number) => z.string().max(max);

const SavedQuestion = z.object({
  id: Text(16),
  at: z.number(),
  user: z.object({ id: Text(64), name: Text(64) }),
  text: Text(400),
  segmentIndex: z.number().int().nullable(),
  answered: z.boolean(),
  answeredAt: z.number().nullable(),
});

const SavedCounts = z.object({
  comments: Count,
  questions: Count,
  answered: Count,
  gifts: Count,
  diamonds: Count,
  likes: Count,
  follows: Count,
  shares: Count,
  joins: Count,
});

export const SavedRoom = z.object({
  v: z.literal(1),
  questions: z.object({
    items: z.array(SavedQuestion).max(QUEUE_LIMIT * 5),
    pinnedId: Text(16).nullable(),
    nextId: z.number().int().positive(),
  }),
  /** Segment index (as text: an object key) → counts; `-1` is off any segment. */
  tally: z.record(z.string().regex(/^-?\d{1,4}$/), SavedCounts),
  peak: Count.nullable(),
});
export type SavedRoom = z.infer<typeof SavedRoom>;

/** The part of the room worth keeping. */
export function saveRoom(state: RoomState): SavedRoom {
  return {
    v: 1,
    questions: state.questions,
    tally: Object.fromEntries(Object.entries(state.tally)),
    peak: state.sampler.peak,
  };
}

/** A kept room back into a live one (the sampler starts afresh; its peak is kept). */
export function restoreRoom(
  raw: unknown,
): { ok: true; state: RoomState } | { ok: false; error: string } {
  const parsed = SavedRoom.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `${issue?.path.join('.') || 'room'}: ${issue?.message ?? 'wrong shape'}`,
    };
  }
  const saved = parsed.data;
  const fresh = emptyRoom();
  const tally: RoomTally = {};
  for (const [key, counts] of Object.entries(saved.tally)) tally[Number(key)] = counts;
  return {
    ok: true,
    state: {
      ...fresh,
      questions: saved.questions,
      tally,
      sampler: { ...fresh.sampler, peak: saved.peak },
    },
  };
}
