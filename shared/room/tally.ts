/**
 * Per-segment counts of the room: what the report shows beside the sales ("which slot drew the
 * gifts, the follows, the questions"). Counted as events arrive; the counts — never the events
 * one by one — are what the controller keeps (a busy room sends thousands an hour).
 */
import type { RoomEvent } from './events.js';

export interface RoomCounts {
  comments: number;
  questions: number;
  answered: number;
  gifts: number;
  diamonds: number;
  likes: number;
  follows: number;
  shares: number;
  joins: number;
}

/** Key `-1`: before the first segment or after the last (the room is open, the show is not). */
export type RoomTally = Record<number, RoomCounts>;

export const OFF_SEGMENT = -1;

export const zeroCounts = (): RoomCounts => ({
  comments: 0,
  questions: 0,
  answered: 0,
  gifts: 0,
  diamonds: 0,
  likes: 0,
  follows: 0,
  shares: 0,
  joins: 0,
});

function bump(tally: RoomTally, segmentIndex: number | null, add: Partial<RoomCounts>): RoomTally {
  const key = segmentIndex ?? OFF_SEGMENT;
  const counts = { ...(tally[key] ?? zeroCounts()) };
  for (const [field, n] of Object.entries(add) as [keyof RoomCounts, number][]) counts[field] += n;
  return { ...tally, [key]: counts };
}

/** Counts one room event in the segment on air (viewer counts and the stream's end are not counts). */
export function countEvent(
  tally: RoomTally,
  segmentIndex: number | null,
  event: RoomEvent,
  isQuestion = false,
): RoomTally {
  switch (event.kind) {
    case 'chat':
      return bump(tally, segmentIndex, { comments: 1, questions: isQuestion ? 1 : 0 });
    case 'gift':
      return bump(tally, segmentIndex, { gifts: event.count, diamonds: event.diamonds });
    case 'like':
      return bump(tally, segmentIndex, { likes: event.count });
    case 'follow':
      return bump(tally, segmentIndex, { follows: 1 });
    case 'share':
      return bump(tally, segmentIndex, { shares: 1 });
    case 'member':
      return bump(tally, segmentIndex, { joins: 1 });
    default:
      return tally;
  }
}

/** A question answered: counted in the segment on air when the host answered it. */
export const countAnswered = (tally: RoomTally, segmentIndex: number | null): RoomTally =>
  bump(tally, segmentIndex, { answered: 1 });

export function totalCounts(tally: RoomTally): RoomCounts {
  const total = zeroCounts();
  for (const counts of Object.values(tally))
    for (const field of Object.keys(total) as (keyof RoomCounts)[]) total[field] += counts[field];
  return total;
}
