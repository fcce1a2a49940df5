/**
 * The series' next show for the last call's recap (issue 19): looked up once when a show is
 * opened (the series table, Dexie version 15), then read synchronously by every view.
 */
import type { NextShow } from '../../shared/cards/cards';
import { nextShowOf } from '../../shared/cards/nextShow';
import type { RunSheet } from '../../shared/runsheet';
import type { FlashcueDb } from '../db/db';

export class NextShowLookup {
  current: NextShow | null = null;
  #asked = 0;

  /** Looks the sheet up; `found` runs when a next show is known, so views can carry it. */
  load(db: FlashcueDb, sheet: RunSheet, now: number, found: () => void): void {
    const ask = ++this.#asked;
    this.current = null;
    db.series
      .toArray()
      .then((series) => {
        if (ask !== this.#asked) return; // another show was opened meanwhile
        this.current = nextShowOf(series, sheet.id, sheet.show.timeZone, now);
        if (this.current) found();
      })
      // No series table to read (a closing database): the recap just leaves the line out.
      .catch(() => undefined);
  }
}
