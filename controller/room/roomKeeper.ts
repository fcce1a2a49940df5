/**
 * Keeps the live room's aggregates in IndexedDB (`rooms`, Dexie version 14) so the question
 * queue, the pin and the per-segment counts survive a reload — and the room's settings in the
 * settings table. Writes are gathered (a busy room changes the counts many times a second): at
 * most one write per `delayMs`, and `flush` on pagehide. Framework-free, tested on fake-indexeddb.
 */
import type { FlashcueDb } from '../db/db';
import { restoreRoom, saveRoom } from '../../shared/room/saved';
import type { RoomState } from '../../shared/room/room';
import { readRoomSettings, type StoredRoomSettings } from '../../shared/room/settings';

export const ROOM_SETTINGS_KEY = 'room';
export const SAVE_DELAY_MS = 1000;

export function createRoomKeeper(db: FlashcueDb, delayMs = SAVE_DELAY_MS) {
  let due: { showId: string; state: RoomState } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function write(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = due;
    due = null;
    if (next)
      await db.rooms.put({
        showId: next.showId,
        room: saveRoom(next.state),
        updatedAt: Date.now(),
      });
  }

  return {
    /** The show's kept room, or null (none yet, or a row this build cannot read: `error` says why). */
    async load(showId: string): Promise<{ state: RoomState | null; error: string | null }> {
      const row = await db.rooms.get(showId);
      if (!row) return { state: null, error: null };
      const restored = restoreRoom(row.room);
      return restored.ok
        ? { state: restored.state, error: null }
        : { state: null, error: restored.error };
    },
    /** Keeps the room soon (the newest state wins; one write per delay). */
    save(showId: string, state: RoomState): void {
      if (due && due.showId !== showId) void write();
      due = { showId, state };
      timer ??= setTimeout(() => void write(), delayMs);
    },
    flush: write,
    async loadSettings(): Promise<StoredRoomSettings> {
      const row = await db.settings.get(ROOM_SETTINGS_KEY);
      return readRoomSettings(row?.value);
    },
    async saveSettings(settings: StoredRoomSettings): Promise<void> {
      await db.settings.put({ key: ROOM_SETTINGS_KEY, value: settings });
    },
  };
}
export type RoomKeeper = ReturnType<typeof createRoomKeeper>;
