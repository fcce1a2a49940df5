/** Per product, per deal, the timeline and the chart series of the hand-driven show (scenario.ts). */
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../../../shared/report/showReport';
import { drive, T0 } from '../../../support/driver';
import { mainShow, S } from '../../../support/reportScenario';

const show = mainShow();
const report = buildReport(show.sheet, show.log);
const row = (id: string) => report.products.find((p) => p.productId === id)!;

describe('per product', () => {
  test('buds: three slots (one a revisit via goto), pauses counted out', () => {
    const buds = row('buds');
    // s-buds 120→420 less 30 s paused; f-buds 420→570 less 20 s; s-buds again 640→800.
    expect(
      buds.slots.map((s) => [
        s.ordinal,
        s.segmentId,
        s.plannedMs / S,
        s.onAirMs / S,
        s.pausedMs / S,
      ]),
    ).toEqual([
      [2, 's-buds', 300, 270, 30],
      [3, 'f-buds', 120, 130, 20],
      [5, 's-buds', 300, 160, 0],
    ]);
    expect(buds.onAirMs).toBe((270 + 130 + 160) * S);
    expect(buds.plannedMs).toBe((300 + 120 + 300) * S); // the revisit is planned again
    expect(buds.allocatedMs).toBe((300 + 120) * S); // the plan gave it two segments
    expect(buds.positions).toEqual([2, 3]);
    expect(buds.presentationOrder).toBe(1);
  });

  test('buds: sales in and outside the deal, per slot, rates', () => {
    const buds = row('buds');
    // 299×1 (opening, retail) + 199×2 + 129×3 (deal) + 199×1 = 128300; the undone deal sale is out.
    expect(buds).toMatchObject({ orders: 4, units: 7, gmv: 128_300 });
    expect(buds.inDeals).toEqual({ orders: 1, units: 3, gmv: 38_700 });
    expect(buds.outsideDeals).toEqual({ orders: 3, units: 4, gmv: 89_600 });
    // The opening's sale falls in no buds slot.
    expect(buds.slots.map((s) => [s.orders, s.units, s.gmv])).toEqual([
      [1, 2, 39_800],
      [1, 3, 38_700],
      [1, 1, 19_900],
    ]);
    expect(buds.unitsPerMinuteOnAir).toBeCloseTo(7 / (560 / 60), 12); // 0.75
    expect(buds.sellThrough).toBe(7 / 100);
    expect(buds.remainingStock).toBe(93);
    expect(buds.dealIds).toHaveLength(1);
  });

  test('mask: restocked by stock.set, so sell-through passes 1', () => {
    const mask = row('mask');
    expect(mask).toMatchObject({
      orders: 2,
      units: 6,
      gmv: 35_400,
      onAirMs: 70 * S,
      presentationOrder: 2,
      remainingStock: 2,
    });
    expect(mask.sellThrough).toBe(6 / 5);
    expect(mask.unitsPerMinuteOnAir).toBeCloseTo(6 / (70 / 60), 12);
  });

  test('lamp: never featured, no time → rate null', () => {
    expect(row('lamp')).toMatchObject({
      featured: false,
      onAirMs: 0,
      unitsPerMinuteOnAir: null,
      presentationOrder: null,
      slots: [],
    });
  });

  test('the per-product figures add up to the totals', () => {
    const sum = (pick: (p: (typeof report.products)[number]) => number) =>
      report.products.reduce((a, p) => a + pick(p), 0);
    expect(sum((p) => p.gmv)).toBe(report.totals.gmv);
    expect(sum((p) => p.units)).toBe(report.totals.units);
    expect(sum((p) => p.onAirMs) + report.totals.onAirWithoutProductMs).toBe(report.totals.onAirMs);
  });
});

describe('flash deals', () => {
  test('an extended deal frozen by a pause', () => {
    const [deal] = report.deals;
    // Deadline 420+90 = 510, +30 extension = 540, +20 frozen = 560. Clock ran 560−420−20 = 120 s.
    expect(deal).toMatchObject({
      productId: 'buds',
      productName: 'Wireless Earbuds',
      price: 12_900,
      planned: true,
      segmentIndex: 2,
      startAt: T0 + 420 * S,
      endAt: T0 + 560 * S,
      startMs: 420 * S,
      endMs: 560 * S,
      plannedMs: 90 * S,
      extendedMs: 30 * S,
      frozenMs: 20 * S,
      actualMs: 120 * S,
      cap: 10,
      orders: 1,
      units: 3,
      gmv: 38_700,
      endReason: 'expired',
      soldOutAfterMs: null,
      running: false,
    });
  });

  test('a deal that sells out records when', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.advance(10 * S);
    s.ok({ type: 'deal.start', productId: 'mask', price: 4_900, seconds: 60, quantity: 2 });
    s.advance(12 * S);
    s.ok({ type: 'sale', quantity: 2 });
    const [deal] = buildReport(s.sheet, s.log).deals;
    expect(deal).toMatchObject({
      endReason: 'soldout',
      soldOutAfterMs: 12 * S,
      actualMs: 12 * S,
      units: 2,
      gmv: 9_800,
      cap: 2,
    });
  });

  test('a running deal is measured so far, and settled when its deadline passed', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'deal.start', productId: 'lamp', seconds: 60 });
    s.advance(25 * S);
    expect(buildReport(s.sheet, s.log, { now: s.now() }).deals[0]).toMatchObject({
      running: true,
      actualMs: 25 * S,
      endAt: null,
    });
    const later = buildReport(s.sheet, s.log, { now: s.now() + 100 * S }).deals[0];
    expect(later).toMatchObject({ running: false, actualMs: 60 * S, endReason: 'expired' });
  });
});

describe('timeline', () => {
  test('every run and deal, in time order, segment before the deal it opens', () => {
    expect(report.timeline.map((e) => [e.type, e.label, e.startMs / S, e.endMs / S])).toEqual([
      ['segment', 'Opening', 0, 120],
      ['segment', 'Wireless Earbuds', 120, 420],
      ['segment', 'Wireless Earbuds', 420, 570],
      ['deal', 'Flash deal: Wireless Earbuds', 420, 560],
      ['segment', 'Hydrating Face Mask', 570, 640],
      ['segment', 'Wireless Earbuds', 640, 800],
    ]);
    expect(report.timeline[0]!.startAt).toBe(T0);
  });
});

describe('series', () => {
  test('GMV over time: 0 at the start, each order, the end point; the undone order is left out', () => {
    expect(report.series.gmvOverTime.map((p) => [p.t / S, p.gmv])).toEqual([
      [0, 0],
      [60, 29_900],
      [150, 69_700],
      [430, 108_400],
      [600, 137_900],
      [620, 143_800],
      [700, 163_700],
      [800, 163_700],
    ]);
  });

  test('stock burn-down from the log: sales, the undo and the stock.set', () => {
    const burn = report.series.stockBurnDown!;
    expect(burn.buds!.map((p) => [p.t / S, p.remaining, p.cause])).toEqual([
      [0, 100, 'start'],
      [60, 99, 'sale'],
      [150, 97, 'sale'],
      [430, 94, 'sale'],
      [450, 93, 'sale'],
      [455, 94, 'undo'],
      [700, 93, 'sale'],
      [800, 93, 'end'],
    ]);
    expect(burn.mask!.map((p) => [p.t / S, p.remaining, p.cause])).toEqual([
      [0, 5, 'start'],
      [600, 0, 'sale'],
      [610, 3, 'stock.set'],
      [620, 2, 'sale'],
      [800, 2, 'end'],
    ]);
    expect(burn.lamp!.map((p) => p.remaining)).toEqual([20, 20]);
  });

  test('a correction before the start is folded into the starting stock', () => {
    const s = drive();
    s.ok({ type: 'stock.set', productId: 'lamp', remaining: 7 });
    s.ok({ type: 'show.start' });
    expect(buildReport(s.sheet, s.log).series.stockBurnDown!.lamp![0]).toMatchObject({
      t: 0,
      remaining: 7,
      cause: 'start',
    });
  });

  test('bands, units per product, viewer curve', () => {
    expect(report.series.segmentBands.map((b) => [b.start / S, b.end / S, b.kind])).toEqual([
      [0, 120, 'opening'],
      [120, 420, 'product'],
      [420, 570, 'flash'],
      [570, 640, 'product'],
      [640, 800, 'product'],
    ]);
    expect(report.series.unitsPerProduct.map((u) => [u.productId, u.units])).toEqual([
      ['buds', 7],
      ['mask', 6],
      ['lamp', 0],
    ]);
    expect(report.series.viewerCurve.map((v) => [v.t / S, v.concurrent])).toEqual([
      [180, 100],
      [440, 300],
      [760, 200],
    ]);
  });
});

describe('orders', () => {
  test('every order with its price in force, run and undo time', () => {
    expect(
      report.orders.map((o) => [
        o.t / S,
        o.productId,
        o.quantity,
        o.unitPrice,
        o.priceKind,
        o.run,
        o.undoneAt === null,
      ]),
    ).toEqual([
      [60, 'buds', 1, 29_900, 'retail', 1, true],
      [150, 'buds', 2, 19_900, 'live', 2, true],
      [430, 'buds', 3, 12_900, 'deal', 3, true],
      [450, 'buds', 1, 12_900, 'deal', 3, false],
      [600, 'mask', 5, 5_900, 'live', 4, true],
      [620, 'mask', 1, 5_900, 'live', 4, true],
      [700, 'buds', 1, 19_900, 'live', 5, true],
    ]);
    expect(report.runs.map((r) => r.gmv)).toEqual([29_900, 39_800, 38_700, 35_400, 19_900]);
  });
});
