/** Saved run sheets and shows, live from IndexedDB (one liveQuery each, shared by all readers). */
import { liveValue } from './liveQuery.svelte';
import type { FlashcueDb, RunSheetRow, ShowRow } from '../db/db';
import { listRunSheets } from '../db/runSheets';
import { listShows } from '../db/eventLog';

export class Library {
  #sheets: () => RunSheetRow[];
  #shows: () => ShowRow[];

  constructor(readonly db: FlashcueDb) {
    this.#sheets = liveValue(() => listRunSheets(db), [], 'run sheets');
    this.#shows = liveValue(() => listShows(db), [], 'shows');
  }

  get sheets(): RunSheetRow[] {
    return this.#sheets();
  }

  get shows(): ShowRow[] {
    return this.#shows();
  }
}
