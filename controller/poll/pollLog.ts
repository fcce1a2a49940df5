/**
 * Each show's poll and giveaway events in IndexedDB (`pollLog`, Dexie version 17), beside the
 * show's own log: appended in order, read back and checked with zod on a reload (a row this
 * build cannot read is skipped and counted). Votes arrive in bursts, so appends are gathered:
 * one bulk write per `delayMs`, and `flush` on pagehide. Framework-free, tested on
 * fake-indexeddb.
 */
import type { FlashcueDb } from '../db/db';
import { PollEventSchema, type PollEvent } from '../../shared/poll/events';

export const POLL_SAVE_DELAY_MS = 250;

export function createPollLog(db: FlashcueDb, delayMs = POLL_SAVE_DELAY_MS) {
  let due: Array<{ showId: string; seq: number; event: PollEvent }> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = due;
    due = [];
    if (rows.length) await db.pollLog.bulkPut(rows);
  }

  return {
    async load(showId: string): Promise<{ events: PollEvent[]; skipped: number; lastSeq: number }> {
      await flush();
      const rows = await db.pollLog.where('showId').equals(showId).sortBy('seq');
      const events: PollEvent[] = [];
      let skipped = 0;
      for (const row of rows) {
        const parsed = PollEventSchema.safeParse(row.event);
        if (parsed.success) events.push(parsed.data);
        else skipped += 1;
      }
      return { events, skipped, lastSeq: rows[rows.length - 1]?.seq ?? 0 };
    },
    /** Appends `event` as entry `seq` of the show's poll log (written within `delayMs`). */
    append(showId: string, seq: number, event: PollEvent): void {
      due.push({ showId, seq, event });
      timer ??= setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}
export type PollLog = ReturnType<typeof createPollLog>;
