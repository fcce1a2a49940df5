import { describe, expect, it } from 'vitest';
import type { SeriesDef } from '../../../../shared/import/series';
import { buildReport } from '../../../../shared/report/showReport';
import { parseSeriesBonus } from '../../../../shared/series/bonus';
import { seriesReport, type SeriesShow } from '../../../../shared/series/report';
import { drive } from '../../../support/driver';

const series: SeriesDef = {
  id: 'glow',
  title: 'Glow series',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  productsPerSession: 2,
  basePerSession: 150000,
  sessions: [1, 2, 3, 4].map((n) => ({
    index: n,
    sheetId: `glow-${n}`,
    date: `2026-04-0${n}T19:00:00+08:00`,
    theme: `Week ${n}`,
  })),
  bonuses: [
    parseSeriesBonus('growth', '500 CNY if week 4 viewers > week 1 by 30%', 'CNY'),
    parseSeriesBonus('orders', '300 CNY if week 2 orders >= 2', 'CNY'),
  ],
};

/** An ended show of `orders` single sales and `viewers` unique viewers. */
function show(sheetId: string, startedAt: number, viewers: number, orders: number): SeriesShow {
  const d = drive();
  d.ok({ type: 'show.start' });
  d.ok({ type: 'show.next' });
  for (let i = 0; i < orders; i++) d.ok({ type: 'sale' });
  d.ok({ type: 'viewers', unique: viewers });
  d.advance(60_000);
  d.ok({ type: 'show.end' });
  return {
    showId: `${sheetId}@${startedAt}`,
    runSheetId: sheetId,
    status: 'ended',
    startedAt,
    report: buildReport(d.sheet, d.log),
  };
}

describe('seriesReport', () => {
  it('reads week over week and leaves sessions not run empty, with the bonus not yet decided', () => {
    const r = seriesReport(series, [show('glow-1', 1, 1000, 10), show('glow-2', 2, 1100, 1)]);
    expect(r.sessionsRun).toBe(2);
    expect(r.weeks.map((w) => w.figures?.viewers ?? null)).toEqual([1000, 1100, null, null]);
    expect(r.weeks[1]!.change.viewers).toBeCloseTo(0.1);
    expect(r.weeks[1]!.change.orders).toBeCloseTo(-0.9);
    expect(r.weeks[1]!.change.conversionPoints).toBeCloseTo(1 / 1100 - 10 / 1000);
    expect(r.bonuses.map((b) => b.status)).toEqual(['not-yet', 'not-met']);
    expect(r.bonusesEarned).toBe(0);
  });

  it('evaluates the growth bonus once week 4 has run, from the latest show of each sheet', () => {
    const shows = [
      show('glow-1', 1, 1000, 10),
      show('glow-2', 2, 1100, 3),
      show('glow-4', 4, 1200, 12),
      show('glow-4', 5, 1400, 14), // a rerun: the latest counts
      show('other', 6, 9999, 1),
    ];
    const r = seriesReport(series, shows);
    expect(r.weeks[3]!.figures?.viewers).toBe(1400);
    expect(r.bonuses[0]).toMatchObject({ status: 'met', actual: 1400 });
    expect(r.bonuses[0]!.growth).toBeCloseTo(0.4);
    expect(r.bonuses[1]!.status).toBe('met');
    expect(r.bonusesEarned).toBe(80000);
  });

  it('ignores shows that never ended', () => {
    const live = { ...show('glow-1', 1, 1000, 10), status: 'live' };
    expect(seriesReport(series, [live]).sessionsRun).toBe(0);
  });
});
