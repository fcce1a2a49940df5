/**
 * A batch of decided events into the log in ONE IndexedDB transaction (the order door's
 * throughput, issue 15 §2: one strict commit per batch instead of one per order). Like
 * `appendAt`, nothing is read first: the rows at `seq`, `seq + 1`, … and a key lookup of the
 * row before them go out together. A taken seq, a command id logged before, or a log cut
 * behind the writer's back aborts the whole transaction — nothing of the batch is written —
 * and the caller falls back to deciding and appending the batch one command at a time.
 */
import type { ShowEvent } from '../../shared/show';
import type { EventRow, FlashcueDb, ShowRow } from './db';
import { statusAfter } from './eventLog';

export class BatchRefused extends Error {
  override name = 'BatchRefused';
}

export async function appendBatchAt(
  db: FlashcueDb,
  showId: string,
  seq: number,
  items: ReadonlyArray<{ event: ShowEvent; commandId: string | null }>,
): Promise<EventRow[]> {
  const loggedAt = Date.now();
  const rows: EventRow[] = items.map(({ event, commandId }, i) => ({
    showId,
    seq: seq + i,
    at: event.at,
    event,
    commandId: commandId || null,
    loggedAt,
  }));
  const status = rows.reduce<Partial<ShowRow> | null>(
    (found, row) => ({ ...found, ...statusAfter(row.event) }),
    null,
  );
  const moves = status && Object.keys(status).length ? status : null;
  const tables = moves ? [db.shows, db.events] : [db.events];
  try {
    await db.transaction('rw', tables, async () => {
      const [previous] = await Promise.all([
        seq > 1 ? db.events.get([showId, seq - 1]) : true,
        db.events.bulkAdd(rows),
        moves ? db.shows.update(showId, moves) : 1,
      ]);
      if (!previous) throw new BatchRefused('the log moved');
    });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'ConstraintError' || name === 'BulkError' || name === 'BatchRefused')
      throw new BatchRefused(String(name));
    throw error;
  }
  return rows;
}
