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
 *
 * When the show row is not in it (every sale), the transaction is told to commit as soon as its
 * two requests are sent (`IDBTransaction.commit()`): the browser commits right after the add,
 * without waiting for this thread to take the requests' results and let the transaction go
 * (one round trip, and on a busy main thread a whole task or frame; bench A/B of 160 sales each
 * way in alternating blocks, 6 Dec: back to back p95 17.9 vs 20.6 ms, median 8.9 vs 9.7; a
 * command alone, 100 ms after the last, p95 15.7 vs 18.1). A refused add
 * writes nothing (Chromium then aborts the transaction: e2e 010 re-sends a command id) and the
 * careful append takes over as before.
 * A missing previous row is only known once the row is in: that row is taken out again (only
 * if it is still ours) before the careful append writes where the log really ends.
 *
 * Tried and reverted (6 Dec): the sale's transaction on IndexedDB itself, not through Dexie
 * (`getKey` of the previous row, `add`, `commit()`): the write stage median 1.9 against 2.8 ms
 * in bench 7's same-run A/B. But the Report's live queries read the events table, and Dexie
 * wakes them only from its own middleware (or another tab's notice): the Report's figures went
 * stale (e2e 701, the unique viewers saved and never shown). Waking them by hand would lean on
 * Dexie's internal same-window event name.
 */
import type { Transaction } from 'dexie';
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
  if (!status) return appendSale(db, entry, event);
  const tables = [db.shows, db.events];
  try {
    await db.transaction('rw', tables, async () => {
      const [previous] = await Promise.all([
        seq > 1 ? db.events.get([showId, seq - 1]) : true,
        db.events.add(entry),
        db.shows.update(showId, status),
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

/** The append of an event that leaves the show row alone, committed as soon as it is sent. */
async function appendSale(
  db: FlashcueDb,
  entry: EventRow,
  event: ShowEvent,
): Promise<AppendResult> {
  const { showId, seq, commandId } = entry;
  // Filled in the transaction's scope: a closure's writes, which TypeScript does not follow.
  const seen: { previous: unknown; refused: Error | null } = { previous: true, refused: null };
  try {
    await db.transaction('rw', db.events, (tx) => {
      const before = seq > 1 ? db.events.get([showId, seq - 1]) : Promise.resolve(true);
      // Refused (a taken seq, a known command id): nothing written. Caught here, so the scope
      // ends normally and nothing tries to abort a transaction already committing.
      const added = db.events.add(entry).then(
        () => null,
        // Dexie rejects with its own errors (DexieError extends Error).
        (error: unknown) => error as Error,
      );
      commitNow(tx);
      return Promise.all([before, added]).then(([previous, refused]) => {
        seen.previous = previous;
        seen.refused = refused;
      });
    });
  } catch (error) {
    // Chromium aborts a committing transaction whose request failed (UnknownError): the refusal
    // is what counts then. Any other failure saved nothing and says so.
    if (!seen.refused) throw error;
  }
  if (seen.refused) {
    if (seen.refused.name !== 'ConstraintError') throw seen.refused;
    return appendEvent(db, showId, event, commandId);
  }
  if (!seen.previous) {
    await db.transaction('rw', db.events, async () => {
      const row = await db.events.get([showId, seq]);
      if (row && row.loggedAt === entry.loggedAt && row.commandId === entry.commandId)
        await db.events.delete([showId, seq]);
    });
    return appendEvent(db, showId, event, commandId);
  }
  return { entry, duplicate: false };
}

/** Lets the browser commit once the requests sent so far are done (where it can be asked). */
function commitNow(tx: Transaction): void {
  const native = (tx as { idbtrans?: { commit?: () => void } }).idbtrans;
  try {
    native?.commit?.();
  } catch {
    // Already committing or finished: it commits on its own.
  }
}
