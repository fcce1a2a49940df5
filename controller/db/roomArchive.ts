/**
 * The live room's kept row (`rooms`, shared/room/saved.ts) in and out of a show file (issue 17,
 * archive version 2): the per-segment counts and the question log go with the show, so an
 * imported file gives the same report room table. Called inside the archive's transactions.
 */
import { SavedRoom } from '../../shared/room/saved';
import type { FlashcueDb } from './db';

/** The show's kept room for a file, or undefined (none, or a row this build cannot read). */
export async function keptRoom(db: FlashcueDb, showId: string): Promise<SavedRoom | undefined> {
  const row = await db.rooms.get(showId);
  const parsed = row ? SavedRoom.safeParse(row.room) : null;
  return parsed?.success ? parsed.data : undefined;
}

/**
 * Stores a file's room under `showId`. `keep`: a show already here keeps its own room row when
 * it has one (the same show re-imported: its counts are the ones it kept itself).
 */
export async function restoreKeptRoom(
  db: FlashcueDb,
  showId: string,
  room: SavedRoom,
  now: number,
  { keep = false }: { keep?: boolean } = {},
): Promise<void> {
  if (keep && (await db.rooms.get(showId))) return;
  await db.rooms.put({ showId, room, updatedAt: now });
}
