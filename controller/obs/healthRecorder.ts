/**
 * Keeps the per-minute health record of the show on air (Dexie `healthMinutes`, version 16):
 * each of OBS's health readings is folded into its minute's row (shared/obs/healthRecord.ts),
 * written when the minute turns and every few readings in between, so a crash loses seconds.
 * Only the primary records: it is the device whose link to OBS the show depends on.
 *
 * A recorder that starts a minute afresh (a reload of the controller, a new link to OBS) may
 * find that minute already stored: it reads the stored row once and adds its own counts to it,
 * so a reload mid-show loses the seconds not yet written, never the minute.
 */
import { foldSample, mergeMinutes, type HealthMinute } from '../../shared/obs/healthRecord';
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
  /** What was stored for the current row's minute before this recorder began it. */
  let stored: Promise<HealthMinute | undefined> = Promise.resolve(undefined);
  /** The last write: a minute begun again is read only once what was held for it is stored. */
  let written: Promise<unknown> = Promise.resolve();
  const write = (r: HealthMinute) => {
    written = stored
      .then((before) => db.healthMinutes.put(before ? mergeMinutes(before, r) : r))
      .catch(() => {});
  };
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
      const fresh = !row || row.minute !== next.minute || row.showId !== next.showId;
      if (row && fresh && unwritten) write(row);
      if (fresh)
        stored = written
          .then(() => db.healthMinutes.get([next.showId, next.minute]))
          .catch(() => undefined);
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
