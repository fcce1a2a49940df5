/** The seller's product history from the shows that ended, read once for a command API query. */
import { productHistory, type ProductHistory } from '../../shared/report/history';
import type { FlashcueDb } from '../db/db';
import { loadEvents } from '../db/eventLog';

export async function pastProductHistory(db: FlashcueDb): Promise<ProductHistory[]> {
  const ended = await db.shows.where('status').equals('ended').toArray();
  const records = await Promise.all(
    ended
      .filter((row) => row.startedAt !== null)
      .map(async (row) => ({
        showId: row.id,
        title: row.sheet.show.title,
        startedAt: row.startedAt,
        sheet: row.sheet,
        events: (await loadEvents(db, row.id)).map((r) => r.event),
      })),
  );
  return productHistory(records);
}
