/** The health record on the show's time axis: where each minute lies and how it is judged. */
import { describe, expect, test } from 'vitest';
import { MINUTE_MS, type HealthMinute } from '../../../../shared/obs/healthRecord';
import { healthStrip, minuteLevel } from '../../../../shared/obs/healthStrip';

const T = Date.UTC(2026, 2, 15, 19, 0, 0);
const row = (minute: number, patch: Partial<HealthMinute> = {}): HealthMinute => ({
  showId: 'show-1',
  minute: T + minute * MINUTE_MS,
  frames: 1800,
  dropped: 0,
  renderFrames: 1800,
  renderSkipped: 0,
  congestion: 0,
  reconnecting: false,
  streaming: true,
  recording: false,
  ...patch,
});

describe('minuteLevel', () => {
  test('the Live pill thresholds, over a whole minute', () => {
    expect(minuteLevel(row(0))).toBe('good');
    expect(minuteLevel(row(0, { dropped: 17 }))).toBe('good'); // 0.9 %
    expect(minuteLevel(row(0, { dropped: 18 }))).toBe('warn'); // 1 %
    expect(minuteLevel(row(0, { dropped: 216 }))).toBe('bad'); // 12 %
    expect(minuteLevel(row(0, { congestion: 0.3 }))).toBe('warn');
    expect(minuteLevel(row(0, { congestion: 0.5 }))).toBe('bad');
    expect(minuteLevel(row(0, { renderSkipped: 90 }))).toBe('bad'); // 5 %
    expect(minuteLevel(row(0, { reconnecting: true }))).toBe('bad');
    expect(minuteLevel(row(0, { streaming: false, frames: 0 }))).toBe('off');
    expect(minuteLevel(row(0, { streaming: false, recording: true, frames: 0 }))).toBe('good');
  });
});

describe('healthStrip', () => {
  test('each minute at its place since the start, clipped to the show', () => {
    // The show ran from 19:00:30 to 19:03:10; the record has 19:00, 19:01, 19:03 (19:02 lost).
    const start = T + 30_000;
    const end = 2 * MINUTE_MS + 40_000;
    const cells = healthStrip([row(3), row(0), row(1, { dropped: 216 })], start, end);
    expect(cells.map((c) => [c.from, c.to, c.level])).toEqual([
      [0, 30_000, 'good'],
      [30_000, 90_000, 'bad'],
      [150_000, 160_000, 'good'],
    ]);
    expect(cells[1]).toMatchObject({ dropped: 0.12, skipped: 0, reconnecting: false });
  });

  test('minutes outside the show, and a show that never started, draw nothing', () => {
    expect(healthStrip([row(-2), row(9)], T, 5 * MINUTE_MS)).toEqual([]);
    expect(healthStrip([row(0)], null, 0)).toEqual([]);
  });
});
