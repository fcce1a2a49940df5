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
 * When the show row is not in it (every sale), the transaction is IndexedDB's own, not Dexie's
 * (`sendSale`: same-run A/B in bench 7's blocks, 6 Dec, 150 sales each way: the write stage
 * median 1.9 against 2.8 ms with commands 100 ms apart, 2.4 against 3.5 back to back; p95 of a
 * command alone 14.9 against 17.7), and it is told to commit as soon as its
 * two requests are sent (`IDBTransaction.commit()`): the browser commits right after the add,
 * without waiting for this thread to take the requests' results and let the transaction go
 * (one round trip, and on a busy main thread a whole task or frame; bench A/B of 160 sales each
 * way in alternating blocks, 6 Dec: back to back p95 17.9 vs 20.6 ms, median 8.9 vs 9.7; a
 * command alone, 100 ms after the last, p95 15.7 vs 18.1). A refused add
 * writes nothing (the transaction aborts: e2e 010 re-sends a command id) and the careful append
 * takes over as before.
 * A missing previous row is only known once the row is in: that row is taken out again (only
 * if it is still ours) before the careful append writes where the log really ends.
 */
import type { ShowEvent } from '../../shared/show';
import type { EventRow, FlashcueDb } from './db';
import { appendEvent, statusAfter, type AppendResult } from './eventLog';

/** The log's table, as db.ts names it for Dexie. */
const EVENTS = 'events';

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
  const sent = await sendSale(db.isOpen() ? db.backendDB() : (await db.open()).backendDB(), entry);
  if (sent.refused) return appendEvent(db, showId, event, commandId);
  if (!sent.previous) {
    await db.transaction('rw', db.events, async () => {
      const row = await db.events.get([showId, seq]);
      if (row && row.loggedAt === entry.loggedAt && row.commandId === entry.commandId)
        await db.events.delete([showId, seq]);
    });
    return appendEvent(db, showId, event, commandId);
  }
  return { entry, duplicate: false };
}

interface Sent {
  /** Whether the row before it was there. */
  previous: boolean;
  /** The add was refused (a taken seq or a known command id): nothing was written. */
  refused: boolean;
}

/**
 * The sale's transaction on IndexedDB itself, under the Dexie database's open connection: the
 * add and the previous row's key (`getKey`: the row itself is not read), then `commit()`.
 * Strict durability, as db.ts opens every Dexie transaction. Dexie's promise and transaction
 * machinery is left out of the one write on a sale's path; no live query reads the events
 * table (they read shows, run sheets and platform orders), so none misses the change.
 */
function sendSale(idb: IDBDatabase, entry: EventRow): Promise<Sent> {
  return new Promise((done, fail) => {
    const tx = idb.transaction(EVENTS, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(EVENTS);
    const before = entry.seq > 1 ? store.getKey([entry.showId, entry.seq - 1]) : null;
    const added = store.add(entry);
    // A refused add aborts the transaction, with the add's ConstraintError; any other abort
    // (the disk full, the database closed) saved nothing and says why.
    tx.onabort = () =>
      added.error?.name === 'ConstraintError'
        ? done({ previous: true, refused: true })
        : fail(tx.error ?? added.error ?? new Error('The sale was not saved.'));
    tx.onerror = (e) => e.stopPropagation(); // answered here, not at the database
    tx.oncomplete = () =>
      done({ previous: !before || before.result !== undefined, refused: false });
    tx.commit?.();
  });
}
