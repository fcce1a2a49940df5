/**
 * The report's room table (issue 17): per segment, which slots held or lost viewers (from the
 * viewer samples in the show's log: the count heard when the slot went on air against the last
 * one heard in it, run by run), and what the room did in it (questions asked and answered,
 * gifts and diamonds, likes, follows, shares — the kept aggregates, shared/room/tally.ts).
 */
import type { RunRow } from '../report/types.js';
import { zeroCounts, type RoomCounts, type RoomTally } from './tally.js';

export interface RoomReportRow extends RoomCounts {
  index: number;
  position: number;
  title: string;
  /** Viewers heard as the segment went on air (its first run), or null with no sample. */
  viewersAtStart: number | null;
  /** The last count heard while it was on air (its last run). */
  viewersAtEnd: number | null;
  /** Sum over its runs of (last count in the run − count at the run's start); null unknown. */
  held: number | null;
}

type Sample = { at: number; concurrent: number };

/** The count in force at `at`: the last sample at or before it. */
function countAt(samples: readonly Sample[], at: number): number | null {
  let found: number | null = null;
  for (const s of samples) {
    if (s.at > at) break;
    found = s.concurrent;
  }
  return found;
}

function runViewers(samples: readonly Sample[], run: Pick<RunRow, 'startAt' | 'endAt'>) {
  const inside = samples.filter((s) => s.at >= run.startAt && s.at <= run.endAt);
  const start = countAt(samples, run.startAt) ?? inside[0]?.concurrent ?? null;
  const end = inside.at(-1)?.concurrent ?? start;
  return { start, end };
}

export function roomReport(
  runs: readonly RunRow[],
  samples: readonly Sample[],
  tally: RoomTally,
): RoomReportRow[] {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const rows = new Map<number, RoomReportRow>();
  for (const run of [...runs].sort((a, b) => a.startAt - b.startAt)) {
    const { start, end } = runViewers(sorted, run);
    const row = rows.get(run.index) ?? {
      ...(tally[run.index] ?? zeroCounts()),
      index: run.index,
      position: run.position,
      title: run.title,
      viewersAtStart: start,
      viewersAtEnd: null,
      held: null,
    };
    row.viewersAtEnd = end ?? row.viewersAtEnd;
    if (start !== null && end !== null) row.held = (row.held ?? 0) + (end - start);
    rows.set(run.index, row);
  }
  return [...rows.values()].sort((a, b) => a.position - b.position);
}
