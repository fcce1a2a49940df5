/**
 * The stream-health record in and out of show files (issue 19): read beside the log on export,
 * stored under the imported show's id on import. An import adds the minutes the database does
 * not hold yet and never replaces one it does (a re-import of a file leaves the record as it is).
 */
import { toArchivedHealth, type ArchivedHealthMinute } from '../../shared/obs/healthArchive';
import type { FlashcueDb } from './db';

export async function loadHealth(db: FlashcueDb, showId: string): Promise<ArchivedHealthMinute[]> {
  return toArchivedHealth(await db.healthMinutes.where('showId').equals(showId).toArray());
}

export async function restoreHealth(
  db: FlashcueDb,
  showId: string,
  rows: readonly ArchivedHealthMinute[],
): Promise<void> {
  if (!rows.length) return;
  const held = new Set(
    (await db.healthMinutes.where('showId').equals(showId).primaryKeys()).map(([, m]) => m),
  );
  const missing = rows.filter((r) => !held.has(r.minute)).map((r) => ({ ...r, showId }));
  if (missing.length) await db.healthMinutes.bulkAdd(missing);
}
