/**
 * A FlashcueDb on its own in-memory IndexedDB (fake-indexeddb), so tests never share data.
 * Reopen with the same factory to simulate a page reload.
 */
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { FlashcueDb } from '../../controller/db/db';

export function openTestDb(factory: IDBFactory = new IDBFactory(), name = 'flashcue-test') {
  return new FlashcueDb(name, { indexedDB: factory, IDBKeyRange });
}

/** The Dexie databases with a write hook, each checked against the connection it writes on. */
const hooked = new Map<FlashcueDb, () => void>();
let patched = false;

/**
 * Runs `hook` as each write to `events` reaches storage; a hook that throws fails the write
 * the way IndexedDB would. Set on IndexedDB's own store methods (fake-indexeddb's), not as a
 * Dexie middleware: the sale's append writes on IndexedDB itself (controller/db/appendAt.ts).
 */
export function beforeEventWrite(db: FlashcueDb, hook: () => void) {
  hooked.set(db, hook);
  if (patched) return;
  patched = true;
  for (const method of ['add', 'put', 'delete'] as const) {
    const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
    Object.defineProperty(IDBObjectStore.prototype, method, {
      configurable: true,
      writable: true,
      value: function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.name === 'events')
          for (const [owner, run] of hooked)
            if (owner.isOpen() && owner.backendDB() === this.transaction.db) run();
        return original.apply(this, args);
      },
    });
  }
}

/** Makes every write to `events` fail like a full disk while `failing()` is true. */
export function failEventWrites(db: FlashcueDb, failing: () => boolean) {
  beforeEventWrite(db, () => {
    if (failing()) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}
