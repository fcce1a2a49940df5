/** The health recorder keeps one row per minute of the show on air in Dexie (version 16). */
import { expect, test } from 'vitest';
import type { HealthSample } from '../../../../shared/obs/health';
import { createHealthRecorder } from '../../../../controller/obs/healthRecorder';
import { openTestDb } from '../../../support/db';

const T = Date.UTC(2026, 2, 15, 19, 0, 0);
const sample = (read: number, dropped: number): HealthSample => ({
  at: read * 1000,
  stream: {
    outputActive: true,
    outputReconnecting: false,
    outputCongestion: 0,
    outputBytes: 0,
    outputSkippedFrames: dropped,
    outputTotalFrames: read * 30,
  },
  record: {
    outputActive: true,
    outputPaused: false,
    outputTimecode: '00:00:01.000',
    outputBytes: 0,
  },
  stats: {
    activeFps: 30,
    averageFrameRenderTime: 2,
    renderSkippedFrames: 0,
    renderTotalFrames: read * 30,
    availableDiskSpace: 100_000,
  },
});

test('rows per minute for the live show only; nothing while no show is live', async () => {
  const db = openTestDb();
  let now = T;
  let live: string | null = null;
  const recorder = createHealthRecorder(
    db,
    () => live,
    () => now,
  );
  recorder.note(sample(1, 0)); // no show live: not recorded
  live = 'show-1';
  for (let read = 2; read <= 75; read++) {
    now = T + read * 1000;
    recorder.note(sample(read, read > 60 ? (read - 60) * 3 : 0));
  }
  live = null;
  recorder.note(null); // the show ended: what is held is written
  await expect.poll(() => db.healthMinutes.count()).toBe(2);
  const rows = await db.healthMinutes.where('showId').equals('show-1').sortBy('minute');
  expect(rows.map((r) => r.minute)).toEqual([T, T + 60_000]);
  expect(rows[0]).toMatchObject({ frames: 57 * 30, dropped: 0, recording: true });
  expect(rows[1]).toMatchObject({ frames: 16 * 30, dropped: 15 * 3 });
  db.close();
});

test('a recorder begun again mid-minute (a reload) adds to the stored minute, never replaces it', async () => {
  const db = openTestDb();
  let now = T;
  const recorder = (live: string) =>
    createHealthRecorder(
      db,
      () => live,
      () => now,
    );
  const first = recorder('show-1');
  for (let read = 1; read <= 21; read++) {
    now = T + read * 1000;
    first.note(sample(read, read * 3)); // 3 of 30 frames lost a read: 10 %
  }
  // Written every ten reads: at read 20, reads 2–20 counted (the first counts nothing);
  // read 21 was still held when the page went away.
  await expect.poll(async () => (await db.healthMinutes.get(['show-1', T]))?.frames).toBe(570);
  const again = recorder('show-1'); // the reloaded controller, on a new link to OBS
  for (let read = 40; read <= 50; read++) {
    now = T + read * 1000;
    again.note(sample(read, read * 3));
  }
  // Its tenth read (49) writes reads 41–49 on top of the stored 19 reads: 28 reads in all.
  await expect.poll(async () => (await db.healthMinutes.get(['show-1', T]))?.frames).toBe(840);
  const row = (await db.healthMinutes.get(['show-1', T]))!;
  expect(row.dropped).toBe(28 * 3);
  db.close();
});
