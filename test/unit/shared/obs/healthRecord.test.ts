/** The per-minute health record: OBS's running totals folded per minute; the report's sentence. */
import { describe, expect, test } from 'vitest';
import type { HealthSample } from '../../../../shared/obs/health';
import {
  droppedShare,
  foldSample,
  healthNotes,
  MINUTE_MS,
  type HealthMinute,
} from '../../../../shared/obs/healthRecord';

const T = Date.UTC(2026, 2, 15, 19, 0, 0);

function sample(read: number, dropped: number, congestion = 0): HealthSample {
  return {
    at: read * 1000,
    stream: {
      outputActive: true,
      outputReconnecting: false,
      outputCongestion: congestion,
      outputBytes: read * 750_000,
      outputSkippedFrames: dropped,
      outputTotalFrames: read * 30,
    },
    record: {
      outputActive: false,
      outputPaused: false,
      outputTimecode: '00:00:00.000',
      outputBytes: 0,
    },
    stats: {
      activeFps: 30,
      averageFrameRenderTime: 2,
      renderSkippedFrames: 0,
      renderTotalFrames: read * 30,
      availableDiskSpace: 100_000,
    },
  };
}

/** Reads once a second from T for `seconds`, dropping `perRead` frames a read from `from`. */
function record(seconds: number, perRead: (read: number) => number): HealthMinute[] {
  const rows = new Map<number, HealthMinute>();
  let previous: HealthSample | null = null;
  let dropped = 0;
  let row: HealthMinute | null = null;
  for (let read = 1; read <= seconds; read++) {
    dropped += perRead(read);
    const s = sample(read, dropped);
    row = foldSample(row, 'show-1', previous, s, T + read * 1000);
    rows.set(row.minute, row);
    previous = s;
  }
  return [...rows.values()];
}

describe('foldSample', () => {
  test('one row per minute; the first read counts nothing, the others their differences', () => {
    const rows = record(150, () => 0);
    expect(rows.map((r) => r.minute)).toEqual([T, T + MINUTE_MS, T + 2 * MINUTE_MS]);
    expect(rows[0]).toMatchObject({
      showId: 'show-1',
      frames: 58 * 30,
      dropped: 0,
      streaming: true,
    });
    expect(rows[1]!.frames).toBe(60 * 30);
  });

  test('dropped frames land in their minute; a restarted counter is not a negative', () => {
    const rows = record(120, (read) => (read > 60 ? 4 : 0)); // 4 of 30 frames from minute 2
    expect(droppedShare(rows[0]!)).toBe(0);
    // Reads 60–119 fall in minute 2; drops start at read 61: 59 reads of 4 over 60 × 30 frames.
    expect(droppedShare(rows[1]!)).toBeCloseTo((59 * 4) / 1800, 5);
    const restarted = sample(1, 0);
    const row = foldSample(rows[1]!, 'show-1', sample(119, 240), restarted, T + 119_500);
    expect(row.frames).toBe(rows[1]!.frames + 30);
  });
});

describe('healthNotes', () => {
  test('a viewer fall in a minute that dropped 12 % of frames gets a note; a calm fall none', () => {
    const rows = record(180, (read) =>
      read > 120 && read <= 180 ? (read % 25 === 0 ? 90 : 0) : 0,
    );
    // 2 reads of 90 dropped in minute 3 (1800 frames): 10 %. Make it plainer: set it directly.
    rows[2] = { ...rows[2]!, frames: 1800, dropped: 216 };
    const viewers = [
      { t: 0, at: T, concurrent: 500 },
      { t: 60_000, at: T + 60_000, concurrent: 480 }, // calm minute, a small dip
      { t: 150_000, at: T + 150_000, concurrent: 300 }, // falls in minute 3
    ];
    const notes = healthNotes(viewers, rows);
    expect(notes).toEqual([
      { t: 150_000, from: 480, to: 300, dropped: 0.12, congestion: 0, reconnecting: false },
    ]);
    const calm = rows.map((r) => ({ ...r, dropped: 0 }));
    expect(healthNotes(viewers, calm)).toEqual([]);
  });
});
