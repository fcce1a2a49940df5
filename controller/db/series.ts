/** Series of linked run sheets (issue 18), as stored; saving them is controller/plan/keepSeries.ts. */
import type { FlashcueDb, SeriesRow } from './db';

/** Newest first. */
export async function listSeries(db: FlashcueDb): Promise<SeriesRow[]> {
  return db.series.orderBy('createdAt').reverse().toArray();
}
