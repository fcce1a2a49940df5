/** Across shows: history search and CSV, series groups, comparisons read as experiments. */
import { describe, expect, test } from 'vitest';
import {
  compareEntries,
  endedShows,
  historyCsv,
  productHistoryOf,
  searchHistory,
  seriesGroups,
  seriesOf,
  type EntryLike,
} from '../../../../../controller/report/across/acrossData';
import { parseChanges } from '../../../../../controller/report/changes';
import { seriesChart } from '../../../../../controller/report/charts/chartData';
import type { RunSheet } from '../../../../../shared/runsheet';
import { buildReport } from '../../../../../shared/report/showReport';
import { drive, T0 } from '../../../../support/driver';
import { makeSheet } from '../../../../support/sheets';

const DAY = 86_400_000;

/** A short show on `sheet`, `days` after T0: `buds` sales of `units` each, unique viewers 100. */
function entry(
  id: string,
  days: number,
  sales: number[],
  sheet: RunSheet = makeSheet(),
  changes = '',
): EntryLike {
  const s = drive(sheet);
  s.advance(days * DAY);
  s.ok({ type: 'show.start' });
  s.ok({ type: 'show.next' });
  for (const quantity of sales) {
    s.advance(10_000);
    s.ok({ type: 'sale', quantity });
  }
  s.ok({ type: 'viewers', unique: 100 });
  s.advance(10_000);
  s.ok({ type: 'show.end' });
  const report = buildReport(sheet, s.log);
  return {
    row: { id, runSheetId: sheet.id, status: 'ended', startedAt: report.show.startedAt, sheet },
    report,
    changes: parseChanges(changes),
  };
}

const renamed = makeSheet((s) => {
  s.id = 'other-sheet';
  s.show.title = 'Weekend special';
  s.products[0]!.name = 'Earbuds Pro';
});

describe('product history', () => {
  test('ended shows only; searchable by any name or the id', () => {
    const ready: EntryLike = {
      ...entry('r', 0, []),
      row: { ...entry('r', 0, []).row, status: 'ready', startedAt: null },
    };
    const entries = [entry('a', 0, [1, 2]), entry('b', 7, [3], renamed), ready];
    expect(endedShows(entries).map((e) => e.row.id)).toEqual(['a', 'b']);
    const history = productHistoryOf(entries);
    const buds = history.find((h) => h.productId === 'buds')!;
    expect(buds).toMatchObject({
      shows: 2,
      units: 6,
      orders: 3,
      names: ['Earbuds Pro', 'Wireless Earbuds'],
    });
    expect(searchHistory(history, 'wireless').map((h) => h.productId)).toEqual(['buds']);
    expect(searchHistory(history, 'PRO earbuds').map((h) => h.productId)).toEqual(['buds']);
    expect(searchHistory(history, 'BUDS').map((h) => h.productId)).toEqual(['buds']);
    expect(searchHistory(history, '  ')).toHaveLength(history.length);
  });

  test('the CSV has one row per product per show', () => {
    const entries = [entry('a', 0, [1, 2]), entry('b', 7, [3])];
    const csv = historyCsv(
      productHistoryOf(entries),
      new Map([
        ['a', 'Asia/Shanghai'],
        ['b', 'Asia/Shanghai'],
      ]),
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'product_id,name,show_id,show_title,show_start_local,time_zone,presentation_order,allocated_s,on_air_s,orders,units,unique_viewers,conversion,gmv,currency',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      'buds,Wireless Earbuds,a',
      'buds,Wireless Earbuds,b',
    ]);
    expect(lines[1]).toContain(',2,3,100,0.02,597.00,CNY');
    expect(lines[1]).toContain(`${new Date(T0 + 8 * 3_600_000).toISOString().slice(0, 10)} `);
  });
});

describe('series and comparison', () => {
  test('recurring shows group by run sheet or by title; a lone show is no series', () => {
    const entries = [entry('a', 0, [1]), entry('b', 7, [2]), entry('c', 14, [1], renamed)];
    expect(seriesGroups(entries, 'sheet').map((g) => g.entries.map((e) => e.row.id))).toEqual([
      ['a', 'b'],
    ]);
    const sameTitle = makeSheet((s) => (s.id = 'copy-of-sheet'));
    const byTitle = seriesGroups([...entries, entry('d', 21, [4], sameTitle)], 'title');
    expect(byTitle.map((g) => g.entries.map((e) => e.row.id))).toEqual([['a', 'b', 'd']]);
  });

  test("week over week: growth against the show before, with each show's changes", () => {
    const [group] = seriesGroups(
      [entry('b', 7, [2], undefined, 'Changed the order'), entry('a', 0, [1])],
      'sheet',
    );
    const rows = seriesOf(group!);
    expect(rows.map((r) => r.showId)).toEqual(['a', 'b']);
    expect(rows[1]!.growth.gmv).toBe(1);
    expect(rows[1]!.conversionChange).toBeCloseTo(0);
    expect(rows[1]!.changes.note).toBe('Changed the order');
    const chart = seriesChart(rows, () => 'Asia/Shanghai');
    expect(chart.bars).toEqual([
      { label: '16 Mar 2026', gmv: 199, growth: '' },
      { label: '23 Mar 2026', gmv: 398, growth: '+100.0%' },
    ]);
    expect(chart.summary).toBe(
      'GMV went from CN¥199.00 on 16 Mar 2026 to CN¥398.00 on 23 Mar 2026; the latest show changed +100.0% against the one before.',
    );
  });

  test('a series in two currencies is not charted on one scale', () => {
    const jpy = makeSheet((s) => (s.show.currency = 'JPY'));
    const [group] = seriesGroups([entry('a', 0, [1]), entry('b', 7, [1], jpy)], 'title');
    expect(seriesChart(seriesOf(group!), () => 'UTC').empty).toMatch(/different currencies/);
  });

  test('side by side: oldest first, the notes of each show alongside', () => {
    const cmp = compareEntries([
      entry(
        'new',
        7,
        [2],
        undefined,
        '{"flashcue":"changes","v":1,"variables":["startTime"],"note":""}',
      ),
      entry('old', 0, [1]),
    ]);
    expect(cmp.columns.map((c) => c.showId)).toEqual(['old', 'new']);
    expect(cmp.changes.map((c) => c.variables)).toEqual([[], ['startTime']]);
    expect(cmp.totals.find((t) => t.key === 'units')!.values).toEqual([1, 2]);
    expect(cmp.products.map((p) => p.productId)).toEqual(['buds']);
  });
});
