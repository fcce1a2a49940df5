/** The health strip under the viewer curve: cells on the chart's x scale, and the sentences. */
import { describe, expect, test } from 'vitest';
import { place, viewerHealth } from '../../../../../controller/report/charts/healthChart';
import { MINUTE_MS, minuteOf, type HealthMinute } from '../../../../../shared/obs/healthRecord';
import { buildReport } from '../../../../../shared/report/showReport';
import { mainShow } from '../../../../support/reportScenario';

const s = mainShow();
const report = buildReport(s.sheet, s.log);
const start = report.show.startedAt!;
const row = (at: number, dropped = 0): HealthMinute => ({
  showId: 'show-1',
  minute: minuteOf(start + at),
  frames: 1800,
  dropped,
  renderFrames: 1800,
  renderSkipped: 0,
  congestion: 0,
  reconnecting: false,
  streaming: true,
  recording: false,
});

describe('viewerHealth', () => {
  test('the viewers fell from 300 to 200 at 12:40 in a minute that dropped 12 %: one sentence', () => {
    const minutes = [row(0), row(440_000), row(760_000, 216)];
    const health = viewerHealth(report, minutes)!;
    expect(health.notes).toEqual(['Viewers fell at 12:40 — 12% frames dropped.']);
    const bad = health.cells.filter((c) => c.level === 'bad');
    expect(bad).toHaveLength(1);
    // The cell lies where the fall is on the chart's axis (minutes since the start).
    expect(bad[0]!.x1).toBeLessThanOrEqual(760 / 60);
    expect(bad[0]!.x2).toBeGreaterThan(760 / 60);
    expect(bad[0]!.x2 - bad[0]!.x1).toBeLessThanOrEqual(1);
    expect(bad[0]!.title).toMatch(/^\d+:\d\d–\d+:\d\d: 12% frames dropped$/);
    // The same fall in a calm minute is not put down to the stream.
    expect(viewerHealth(report, [row(760_000)])!.notes).toEqual([]);
  });

  test('no record, no strip', () => {
    expect(viewerHealth(report, [])).toBeNull();
    expect(viewerHealth(report, [row(-10 * MINUTE_MS)])).toBeNull();
  });
});

describe('place', () => {
  test("a cell's edges on the drawn scale, as shares of the SVG's width", () => {
    // Plot drew 0–10 minutes from x = 52 px to x = 620 px in an SVG 640 px wide.
    const frame = {
      domain: [0, 10] as [number, number],
      range: [52, 620] as [number, number],
      width: 640,
    };
    const at = place({ x1: 2, x2: 3 }, frame, 10);
    expect(at.left * 640).toBeCloseTo(52 + 2 * 56.8, 6);
    expect(at.width * 640).toBeCloseTo(56.8, 6);
    // No curve drawn (no viewer counts): the whole width is the show.
    const whole = place({ x1: 2, x2: 3 }, null, 10);
    expect([whole.left, whole.width].map((v) => v.toFixed(6))).toEqual(['0.200000', '0.100000']);
  });
});
