/**
 * Keeps the per-minute health record of the show on air (Dexie `healthMinutes`, version 16):
 * each of OBS's health readings is folded into its minute's row (shared/obs/healthRecord.ts),
 * written when the minute turns and every few readings in between, so a crash loses seconds.
 * Only the primary records: it is the device whose link to OBS the show depends on.
 */
import { foldSample, type HealthMinute } from '../../shared/obs/healthRecord';
import type { HealthSample } from '../../shared/obs/health';
import type { FlashcueDb } from '../db/db';

/** Readings between writes of the current minute (one a second: ten seconds). */
const WRITE_EVERY = 10;

export function createHealthRecorder(
  db: FlashcueDb,
  liveShowId: () => string | null,
  now: () => number = Date.now,
) {
  let previous: HealthSample | null = null;
  let row: HealthMinute | null = null;
  let unwritten = 0;
  const write = (r: HealthMinute) => void db.healthMinutes.put(r).catch(() => {});
  return {
    /** A reading from OBS; null when the link restarted (counters may have too). */
    note(sample: HealthSample | null): void {
      const showId = liveShowId();
      if (!sample || !showId) {
        if (row && unwritten) write(row);
        previous = null;
        row = null;
        unwritten = 0;
        return;
      }
      const next = foldSample(row, showId, previous, sample, now());
      if (row && (row.minute !== next.minute || row.showId !== next.showId) && unwritten)
        write(row);
      row = next;
      previous = sample;
      unwritten += 1;
      if (unwritten >= WRITE_EVERY) {
        write(row);
        unwritten = 0;
      }
    },
  };
}
