/** The charts' data, empty states and text summaries. */
import { describe, expect, test } from 'vitest';
import {
  gmvChart,
  reportCharts,
  stockChart,
  unitsChart,
  viewerChart,
} from '../../../../../controller/report/charts/chartData';
import { buildReport } from '../../../../../shared/report/showReport';
import { drive } from '../../../../support/driver';
import { mainShow } from '../../../../support/reportScenario';

const main = () => {
  const s = mainShow();
  return buildReport(s.sheet, s.log);
};

describe('charts of a show that sold', () => {
  test('GMV: a running total in major units over minutes, segment bands and the deal window', () => {
    const chart = gmvChart(main());
    expect(chart.empty).toBeNull();
    expect(chart.points[0]).toEqual({ x: 0, y: 0 });
    expect(chart.points.at(-1)).toEqual({ x: 800 / 60, y: 1637 });
    expect(chart.bands.map((b) => b.kind)).toEqual([
      'opening',
      'product',
      'flash',
      'product',
      'product',
    ]);
    expect(chart.deals).toEqual([
      { x1: 7, x2: expect.any(Number), label: 'Flash deal 1: Wireless Earbuds' },
    ]);
    expect(chart.summary).toBe(
      'GMV reached CN¥1,637.00 over 13:20 from 6 orders; the most came during "Wireless Earbuds" (CN¥398.00); CN¥387.00 was sold in 1 flash deal.',
    );
  });

  test('units: featured products, most first; the lamp never featured is left out', () => {
    expect(unitsChart(main()).bars).toEqual([
      { name: 'Wireless Earbuds', units: 7 },
      { name: 'Hydrating Face Mask', units: 6 },
    ]);
  });

  test('stock: only products whose stock moved, with the sell-out time in the summary', () => {
    const chart = stockChart(main());
    expect(new Set(chart.points.map((p) => p.name))).toEqual(
      new Set(['Wireless Earbuds', 'Hydrating Face Mask']),
    );
    expect(chart.summary).toContain('Hydrating Face Mask 5 → 2 (sold out at 10:00)');
  });

  test('viewers: the counts as dots, the line carried to the end', () => {
    const chart = viewerChart(main());
    expect(chart.dots).toEqual([
      { x: 3, y: 100 },
      { x: 440 / 60, y: 300 },
      { x: 760 / 60, y: 200 },
    ]);
    expect(chart.points.at(-1)).toEqual({ x: 800 / 60, y: 200 });
    expect(chart.summary).toBe(
      'Peak 300 concurrent viewers at 7:20; time-weighted average 209.7 over 3 counts.',
    );
  });
});

describe('empty states, never a broken chart', () => {
  test('a show never started: every chart says so', () => {
    const s = drive();
    const charts = reportCharts(buildReport(s.sheet, []));
    expect(charts.map((c) => c.empty)).toEqual([
      'The show has not started: there is nothing to chart yet.',
      'No units were sold in this show.',
      'The show has not started: there is nothing to chart yet.',
      'No concurrent-viewer counts were entered during the show.',
    ]);
  });

  test('a show with no sales and no viewer counts', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.advance(60_000);
    s.ok({ type: 'show.next' });
    s.advance(60_000);
    s.ok({ type: 'show.end' });
    const report = buildReport(s.sheet, s.log);
    const [gmv, units, stock, viewers] = reportCharts(report);
    expect(gmv!.empty).toMatch(/No sales/);
    expect(units!.empty).toMatch(/No units/);
    expect(stock!.empty).toMatch(/No stock changed/);
    expect(viewers!.empty).toMatch(/No concurrent-viewer counts/);
    for (const chart of [gmv, units, stock, viewers]) expect(chart!.summary).toBe(chart!.empty);
    expect(JSON.stringify(reportCharts(report))).not.toMatch(/NaN|Infinity|null,"y"/);
  });
});
