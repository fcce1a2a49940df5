/** Across shows: the product performance database, shows side by side, show-over-show growth. */
import { describe, expect, test } from 'vitest';
import type { RunSheet } from '../../../../shared/runsheet';
import type { ShowEvent } from '../../../../shared/show';
import {
  compareShows,
  growth,
  productHistory,
  seriesGrowth,
  sortProductHistory,
  type ShowRecord,
} from '../../../../shared/report/history';
import { buildReport } from '../../../../shared/report/showReport';
import { drive, T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';
import { mainShow, S } from '../../../support/reportScenario';

const WEEK = 7 * 24 * 3600 * S;
/** The same log a number of weeks later: every event shifts together, so it stays valid. */
const later = (events: readonly ShowEvent[], weeks: number) =>
  events.map((e) => ({ ...e, at: e.at + weeks * WEEK }));
const record = (
  showId: string,
  sheet: RunSheet,
  events: ShowEvent[],
  weeks: number,
): ShowRecord => ({
  showId,
  title: `Show ${showId}`,
  startedAt: T0 + weeks * WEEK,
  sheet,
  events: later(events, weeks),
});

// A: the hand-driven show (GMV 163700, 6 orders, unique 1000, peak 300): buds then mask.
const a = mainShow();
// B: buds only — 2 × 199.00 = 39800, unique 500, peak 150; on air 100 s.
const b = drive();
b.ok({ type: 'show.start' });
b.ok({ type: 'show.next' });
b.ok({ type: 'sale', quantity: 2 });
b.ok({ type: 'viewers', concurrent: 150, unique: 500 });
b.advance(100 * S);
b.ok({ type: 'show.end' });
// C: the mask, renamed in this run sheet; unique viewers never entered; 1 × 59.00.
const cSheet = makeSheet((s) => void (s.products[1]!.name = 'Face Mask v2'));
const c = drive(cSheet);
c.ok({ type: 'show.start' });
c.ok({ type: 'show.goto', index: 3 });
c.ok({ type: 'sale' });
c.advance(50 * S);
c.ok({ type: 'show.end' });

const shows = [
  record('A', a.sheet, a.log, 0),
  record('B', b.sheet, b.log, 1),
  record('C', cSheet, c.log, 2),
];
const reports = shows.map((s) => ({ showId: s.showId, report: buildReport(s.sheet, s.events) }));

describe('productHistory', () => {
  const history = productHistory([shows[2]!, shows[0]!, shows[1]!]); // any order in, date order out
  const buds = history.find((h) => h.productId === 'buds')!;
  const mask = history.find((h) => h.productId === 'mask')!;

  test('every product featured, keyed by id; lamp was never featured', () => {
    expect(history.map((h) => h.productId).sort()).toEqual(['buds', 'mask']);
  });

  test('buds per show: position, time allocated and on air, units, orders, conversion, GMV', () => {
    expect(
      buds.appearances.map((x) => [
        x.showId,
        x.position,
        x.allocatedMs / S,
        x.onAirMs / S,
        x.units,
        x.orders,
        x.conversion,
        x.gmv,
      ]),
    ).toEqual([
      ['A', 1, 420, 560, 7, 4, 4 / 1000, 128_300],
      ['B', 1, 420, 100, 2, 1, 1 / 500, 39_800],
    ]);
    // Pooled conversion: (4 + 1) / (1000 + 500).
    expect(buds).toMatchObject({
      shows: 2,
      units: 9,
      orders: 5,
      gmv: 168_100,
      currency: 'CNY',
      averagePosition: 1,
      lastFeaturedAt: T0 + WEEK,
    });
    expect(buds.conversion).toBeCloseTo(5 / 1500, 15);
  });

  test('mask: renamed between shows, conversion unknown where unique viewers were', () => {
    expect(mask.names).toEqual(['Face Mask v2', 'Hydrating Face Mask']);
    expect(mask.appearances.map((x) => [x.showId, x.position, x.units, x.conversion])).toEqual([
      ['A', 2, 6, 2 / 1000],
      ['C', 1, 1, null],
    ]);
    expect(mask.conversion).toBe(2 / 1000); // only A's viewers are known
    expect(mask.averagePosition).toBe(1.5);
  });

  test('money is not added across currencies', () => {
    const jpy = makeSheet((s) => {
      s.show.currency = 'JPY';
      s.products[0] = {
        id: 'buds',
        name: 'Wireless Earbuds',
        retailPrice: 2_980,
        livePrice: 1_980,
        stock: 10,
      };
      s.segments[2] = { id: 'f-buds', kind: 'flash', productId: 'buds', durationSec: 120 };
    });
    const d = drive(jpy);
    d.ok({ type: 'show.start' });
    d.ok({ type: 'sale', productId: 'buds' });
    const mixed = productHistory([shows[0]!, record('D', jpy, d.log, 3)]).find(
      (h) => h.productId === 'buds',
    )!;
    expect(mixed).toMatchObject({ gmv: null, currency: null, units: 8 });
  });

  test('sortable: by units, by conversion ascending, unknowns last', () => {
    expect(sortProductHistory(history, 'units').map((h) => h.productId)).toEqual(['buds', 'mask']);
    expect(sortProductHistory(history, 'conversion', 'asc').map((h) => h.productId)).toEqual([
      'mask',
      'buds',
    ]);
    const withUnknown = [{ ...buds, gmv: null }, mask];
    expect(sortProductHistory(withUnknown, 'gmv', 'asc').map((h) => h.productId)).toEqual([
      'mask',
      'buds',
    ]);
    expect(sortProductHistory(withUnknown, 'gmv', 'desc').map((h) => h.productId)).toEqual([
      'mask',
      'buds',
    ]);
    expect(sortProductHistory(history, 'name', 'asc').map((h) => h.productId)).toEqual([
      'mask',
      'buds',
    ]); // "face mask v2" < "wireless…"
  });
});

describe('compareShows', () => {
  const cmp = compareShows(reports);

  test('side-by-side totals', () => {
    expect(cmp.columns.map((c) => c.showId)).toEqual(['A', 'B', 'C']);
    const values = (key: string) => cmp.totals.find((t) => t.key === key)!.values;
    expect(values('gmv')).toEqual([163_700, 39_800, 5_900]);
    expect(values('orders')).toEqual([6, 1, 1]);
    expect(values('uniqueViewers')).toEqual([1000, 500, null]);
    expect(values('conversionRate')).toEqual([0.006, 0.002, null]);
    expect(values('deals')).toEqual([1, 0, 0]);
    expect(values('totalHostCost')).toEqual([null, null, null]);
  });

  test('per-product rows, a gap where a show did not feature it', () => {
    expect(
      cmp.products.map((p) => [p.productId, p.cells.map((cell) => cell && cell.units)]),
    ).toEqual([
      ['buds', [7, 2, null]],
      ['mask', [6, null, 1]],
    ]);
  });
});

describe('seriesGrowth', () => {
  test('each show against the one before, null for the first and for unknowns', () => {
    const points = seriesGrowth([reports[1]!, reports[2]!, reports[0]!]); // sorted by date
    expect(points.map((p) => p.showId)).toEqual(['A', 'B', 'C']);
    expect(Object.values(points[0]!.growth).every((g) => g === null)).toBe(true);
    expect(points[0]!.conversionChange).toBeNull();
    // B against A: GMV (39800 − 163700) / 163700; unique 500 vs 1000 → −0.5; peak 150 vs 300 → −0.5;
    // conversion 0.002 vs 0.006 → −2/3, a change of −0.004.
    expect(points[1]!.growth.gmv).toBeCloseTo((39_800 - 163_700) / 163_700, 15);
    expect(points[1]!.growth).toMatchObject({
      uniqueViewers: -0.5,
      peakConcurrent: -0.5,
      orders: (1 - 6) / 6,
    });
    expect(points[1]!.growth.conversionRate).toBeCloseTo(-2 / 3, 15);
    expect(points[1]!.conversionChange).toBeCloseTo(-0.004, 15);
    // C against B: unique and peak unknown in C → null.
    expect(points[2]!.growth).toMatchObject({
      uniqueViewers: null,
      peakConcurrent: null,
      conversionRate: null,
    });
    expect(points[2]!.growth.gmv).toBeCloseTo((5_900 - 39_800) / 39_800, 15);
  });

  test('a zero base gives null growth, not Infinity', () => {
    expect(growth(100, 0)).toBeNull();
    expect(growth(0, 100)).toBe(-1);
    expect(growth(null, 100)).toBeNull();
  });
});
