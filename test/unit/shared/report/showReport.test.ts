/** The show report on a hand-driven show whose figures are worked out by hand (scenario.ts). */
import { describe, expect, test } from 'vitest';
import { replay } from '../../../../shared/show';
import { buildReport, reportFromContext } from '../../../../shared/report/showReport';
import { drive, T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';
import { mainShow, S } from '../../../support/reportScenario';

const show = mainShow();
const report = buildReport(show.sheet, show.log);

describe('totals', () => {
  test('GMV, orders, units leave the undone order out', () => {
    // Live orders: 299×1 + 199×2 + 129×3 + 59×5 + 59×1 + 199×1 (the 2nd deal sale was undone)
    // = 29900 + 39800 + 38700 + 29500 + 5900 + 19900 = 163700 minor units.
    expect(report.totals.gmv).toBe(163_700);
    expect(report.totals.orders).toBe(6);
    expect(report.totals.units).toBe(1 + 2 + 3 + 5 + 1 + 1);
    expect(report.totals.undoneOrders).toBe(1);
    // 163700 / 6 = 27283.33… → 27283.
    expect(report.totals.averageOrderValue).toBe(27_283);
  });

  test('durations: actual = on air + paused, planned from the sheet', () => {
    expect(report.totals.plannedMs).toBe(30 * 60 * S);
    expect(report.totals.plannedSegmentsMs).toBe((120 + 300 + 120 + 240 + 60 + 180) * S);
    expect(report.totals.actualMs).toBe(800 * S);
    expect(report.totals.pausedMs).toBe((30 + 20) * S);
    expect(report.totals.onAirMs).toBe(750 * S);
    expect(report.totals.onAirWithoutProductMs).toBe(120 * S); // the opening
  });

  test('no target → gmvVsTarget null; a target → a fraction', () => {
    expect(report.totals.targetGmv).toBeNull();
    expect(report.totals.gmvVsTarget).toBeNull();
    const sheet = makeSheet((s) => void (s.show.targetGmv = 200_000));
    const r = buildReport(sheet, show.log);
    expect(r.totals.gmvVsTarget).toBeCloseTo(163_700 / 200_000, 12); // 0.8185
  });

  test('the header says what was measured and when', () => {
    expect(report.show).toEqual({
      sheetId: 'sheet-test',
      title: 'Test show',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      startedAt: T0,
      endedAt: T0 + 800 * S,
      status: 'ended',
      asOf: T0 + 800 * S,
    });
  });
});

describe('viewers and conversion', () => {
  test('peak, time-weighted average, unique, conversion and verdict', () => {
    // Samples 100 @180 s, 300 @440 s, 200 @760 s; the show ends at 800 s.
    // (100×260 + 300×320 + 200×40) / 620 = 130000 / 620 = 209.677…
    expect(report.viewers.peakConcurrent).toBe(300);
    expect(report.viewers.averageConcurrent).toBeCloseTo(130_000 / 620, 10);
    expect(report.viewers.samples).toBe(3);
    expect(report.viewers.uniqueViewers).toBe(1000);
    expect(report.viewers.conversionRate).toBe(6 / 1000);
    expect(report.viewers.benchmark).toEqual({ low: 0.05, high: 0.15 });
    expect(report.viewers.verdict).toBe('below');
  });

  test('unique unknown → conversion and verdict null; no samples → peak/average null', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'sale', productId: 'lamp' });
    const r = buildReport(s.sheet, s.log);
    expect(r.viewers).toMatchObject({
      peakConcurrent: null,
      averageConcurrent: null,
      uniqueViewers: null,
      conversionRate: null,
      verdict: null,
    });
  });

  test('zero unique viewers → conversion null, never NaN or Infinity', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'viewers', unique: 0 });
    expect(buildReport(s.sheet, s.log).viewers.conversionRate).toBeNull();
    s.ok({ type: 'sale', productId: 'lamp' });
    expect(buildReport(s.sheet, s.log).viewers).toMatchObject({
      uniqueViewers: 0,
      conversionRate: null,
      verdict: null,
    });
  });

  test.each([
    [4, 100, 'below'],
    [5, 100, 'within'], // exactly 5 % is inside the band
    [15, 100, 'within'], // exactly 15 % too
    [16, 100, 'above'],
  ] as const)('%i orders of %i unique viewers → %s', (orders, unique, expected) => {
    const s = drive();
    s.ok({ type: 'show.start' });
    for (let i = 0; i < orders; i++) s.ok({ type: 'sale', productId: 'lamp', quantity: 1 });
    s.ok({ type: 'viewers', unique });
    expect(buildReport(s.sheet, s.log).viewers.verdict).toBe(expected);
  });

  test('a single sample at the last moment averages to itself', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'viewers', concurrent: 42 });
    expect(buildReport(s.sheet, s.log).viewers.averageConcurrent).toBe(42);
  });
});

describe('edge cases', () => {
  test('a show with no sales', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.advance(60 * S);
    s.ok({ type: 'show.end' });
    const r = buildReport(s.sheet, s.log);
    expect(r.totals).toMatchObject({
      gmv: 0,
      orders: 0,
      units: 0,
      averageOrderValue: null,
      actualMs: 60 * S,
      onAirMs: 60 * S,
    });
    expect(r.series.gmvOverTime).toEqual([
      { t: 0, at: T0, gmv: 0 },
      { t: 60 * S, at: T0 + 60 * S, gmv: 0 },
    ]);
    expect(r.products.every((p) => p.sellThrough === 0 && !p.featured)).toBe(true);
  });

  test('a show not started yet reports zeros, not errors', () => {
    const r = buildReport(makeSheet(), []);
    expect(r.show.status).toBe('not-started');
    expect(r.totals).toMatchObject({ gmv: 0, actualMs: 0, onAirMs: 0 });
    expect(r.runs).toEqual([]);
    expect(r.series.stockBurnDown).toBeNull();
  });

  test('a live show is measured "so far" up to now, a running pause included', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.advance(100 * S);
    s.ok({ type: 'show.pause' });
    s.advance(40 * S);
    const r = buildReport(s.sheet, s.log, { now: s.now() });
    expect(r.show.status).toBe('live');
    // 140 s since the start, 40 of them paused and still paused.
    expect(r.totals).toMatchObject({ actualMs: 140 * S, pausedMs: 40 * S, onAirMs: 100 * S });
    expect(r.runs[0]).toMatchObject({ open: true, onAirMs: 100 * S, pausedMs: 40 * S });
  });

  test('reportFromContext of a replayed context equals buildReport, bar the burn-down', () => {
    const ctx = replay(show.sheet, show.log).context;
    const fromContext = reportFromContext(ctx);
    expect(fromContext.series.stockBurnDown).toBeNull();
    expect({ ...fromContext, series: { ...fromContext.series, stockBurnDown: null } }).toEqual({
      ...report,
      series: { ...report.series, stockBurnDown: null },
    });
  });
});
