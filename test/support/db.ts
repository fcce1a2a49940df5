/**
 * A FlashcueDb on its own in-memory IndexedDB (fake-indexeddb), so tests never share data.
 * Reopen with the same factory to simulate a page reload.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FlashcueDb } from '../../controller/db/db';

export function openTestDb(factory: IDBFactory = new IDBFactory(), name = 'flashcue-test') {
  return new FlashcueDb(name, { indexedDB: factory, IDBKeyRange });
}

/**
 * Runs `hook` as each write to `events` reaches storage; a hook that throws fails the write
 * the way IndexedDB would. Install it before the db opens (Dexie builds its stack then).
 */
export function beforeEventWrite(db: FlashcueDb, hook: () => void) {
  db.use({
    stack: 'dbcore',
    name: 'test-before-event-write',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'events') return table;
        return {
          ...table,
          mutate: (req) => {
            try {
              hook();
            } catch (error) {
              return Promise.reject(error);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
}

/** Makes every write to `events` fail like a full disk while `failing()` is true. */
export function failEventWrites(db: FlashcueDb, failing: () => boolean) {
  beforeEventWrite(db, () => {
    if (failing()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}
