/** Saved run sheets and shows, live from IndexedDB (one liveQuery each, shared by all readers). */
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';
import type { FlashcueDb, RunSheetRow, ShowRow } from '../db/db';
import { listRunSheets } from '../db/runSheets';
import { listShows } from '../db/eventLog';

function live<T>(query: () => Promise<T>, initial: T) {
  let value = initial;
  const subscribe = createSubscriber((update) => {
    const sub = liveQuery(query).subscribe({
      next: (next) => {
        value = next;
        update();
      },
    });
    return () => sub.unsubscribe();
  });
  return () => {
    subscribe();
    return value;
  };
}

export class Library {
  #sheets: () => RunSheetRow[];
  #shows: () => ShowRow[];

  constructor(readonly db: FlashcueDb) {
    this.#sheets = live(() => listRunSheets(db), []);
    this.#shows = live(() => listShows(db), []);
  }

  get sheets(): RunSheetRow[] {
    return this.#sheets();
  }

  get shows(): ShowRow[] {
    return this.#shows();
  }
}
