/**
 * The sales path's append: one IndexedDB transaction whose only wait is its commit. The
 * single writer (the show runner) knows the next seq, so nothing is read first: the new row
 * and a key lookup of the row before it go out together, and
 * - the primary key [showId+seq] refuses a seq someone else took (ConstraintError),
 * - the unique index [showId+commandId] refuses a command id seen before (ConstraintError),
 * - a missing previous row (the log was cut behind the writer's back) aborts the transaction,
 * each falling back to `appendEvent`, which reads first and settles which case it was. The
 * show row is in the transaction only for show.start / show.end, whose status it moves.
 * Measured in `npm run bench` (1c): this removed 2–3 main-thread waits per sale.
 */
import type { ShowEvent } from '../../shared/show';
import type { EventRow, FlashcueDb } from './db';
import { appendEvent, statusAfter, type AppendResult } from './eventLog';

class LogMoved extends Error {
  override name = 'LogMoved';
}

export async function appendAt(
  db: FlashcueDb,
  showId: string,
  seq: number,
  event: ShowEvent,
  commandId: string | null,
): Promise<AppendResult> {
  const entry: EventRow = {
    showId,
    seq,
    at: event.at,
    event,
    commandId: commandId || null,
    loggedAt: Date.now(),
  };
  const status = statusAfter(event);
  const tables = status ? [db.shows, db.events] : [db.events];
  try {
    await db.transaction('rw', tables, async () => {
      const [previous] = await Promise.all([
        seq > 1 ? db.events.get([showId, seq - 1]) : true,
        db.events.add(entry),
        status ? db.shows.update(showId, status) : 1,
      ]);
      if (!previous) throw new LogMoved();
    });
    return { entry, duplicate: false };
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name !== 'ConstraintError' && name !== 'LogMoved') throw error;
    return appendEvent(db, showId, event, commandId);
  }
}
