/** A show's poll log rows read back for the report: checked with zod, replayed, as lines. */
import { PollEventSchema, type PollEvent } from '../../shared/poll/events';
import { pollLines } from '../../shared/poll/report';
import { replayPolls } from '../../shared/poll/state';
import type { PollLogRow } from '../db/db';

export function linesFromRows(rows: readonly PollLogRow[]) {
  const events: PollEvent[] = [];
  for (const row of rows) {
    const parsed = PollEventSchema.safeParse(row.event);
    if (parsed.success) events.push(parsed.data);
  }
  return pollLines(replayPolls(events));
}
