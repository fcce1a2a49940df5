import { describe, expect, it } from 'vitest';
import { evaluateBonus, parseSeriesBonus, type WeekFigures } from '../../../../shared/series/bonus';

const week = (viewers: number | null, gmv = 0, orders = 0): WeekFigures => ({
  viewers,
  peakViewers: null,
  gmv,
  orders,
  conversion: viewers ? orders / viewers : null,
});

describe('parseSeriesBonus', () => {
  it('reads the growth condition of the issue', () => {
    const b = parseSeriesBonus('growth', '500 CNY if week 4 viewers > week 1 by 30%', 'CNY');
    expect(b.amount).toBe(50000);
    expect(b.condition).toEqual({
      kind: 'growth',
      metric: 'viewers',
      session: 4,
      base: 1,
      percent: 30,
    });
  });

  it('reads a session threshold, a series sum, and the seed’s "N+ thing" style', () => {
    expect(parseSeriesBonus('a', '300 CNY if week 2 orders >= 150', 'CNY').condition).toEqual({
      kind: 'threshold',
      metric: 'orders',
      session: 2,
      strict: false,
      value: 150,
    });
    expect(parseSeriesBonus('b', '1,000 CNY if series gmv >= 200k', 'CNY').condition).toEqual({
      kind: 'threshold',
      metric: 'gmv',
      session: 'series',
      strict: false,
      value: 20_000_000,
    });
    expect(
      parseSeriesBonus('c', '200 CNY if week 3 2000+ peak viewers', 'CNY').condition,
    ).toMatchObject({
      metric: 'peakViewers',
      session: 3,
      value: 2000,
    });
    expect(
      parseSeriesBonus('d', '100 CNY if week 1 conversion > 5%', 'CNY').condition,
    ).toMatchObject({
      metric: 'conversion',
      strict: true,
      value: 0.05,
    });
  });

  it('keeps what it cannot read as a note, and no amount in another currency', () => {
    const b = parseSeriesBonus('x', '300 CNY if 50+ questions answered', 'CNY');
    expect(b.condition).toBeNull();
    expect(b.amount).toBe(30000);
    expect(parseSeriesBonus('y', '50 USD if week 2 orders >= 10', 'CNY').amount).toBeNull();
    expect(parseSeriesBonus('z', 'a bonus at our discretion', 'CNY')).toMatchObject({
      amount: null,
      condition: null,
    });
  });
});

describe('evaluateBonus', () => {
  const growth = parseSeriesBonus('g', '500 CNY if week 4 viewers > week 1 by 30%', 'CNY');

  it('is not yet decided while week 4 has not run, and says which week it waits for', () => {
    const r = evaluateBonus(growth, [week(1000), null, null, null]);
    expect(r.status).toBe('not-yet');
    expect(r.waitingFor).toEqual([{ session: 4, metric: 'viewers', reason: 'not-run' }]);
    expect(r.target).toBeCloseTo(1300);
  });

  it('is met above +30% and not met at or below it, with the figures', () => {
    const met = evaluateBonus(growth, [week(1000), week(1100), week(1200), week(1400)]);
    expect(met).toMatchObject({ status: 'met', actual: 1400 });
    expect(met.growth).toBeCloseTo(0.4);
    expect(evaluateBonus(growth, [week(1000), null, null, week(1300)]).status).toBe('not-met');
  });

  it('waits for a figure never recorded rather than calling it missed', () => {
    const r = evaluateBonus(growth, [week(null), null, null, week(1500)]);
    expect(r.status).toBe('not-yet');
    expect(r.waitingFor).toEqual([{ session: 1, metric: 'viewers', reason: 'unknown' }]);
  });

  it('sums the series once every session has run', () => {
    const sum = parseSeriesBonus('s', '1000 CNY if series gmv >= 200000', 'CNY');
    expect(evaluateBonus(sum, [week(1, 9_000_000), week(1, 9_000_000), null]).status).toBe(
      'not-yet',
    );
    const done = evaluateBonus(sum, [week(1, 9_000_000), week(1, 9_000_000), week(1, 2_500_000)]);
    expect(done).toMatchObject({ status: 'met', actual: 20_500_000, target: 20_000_000 });
    const pooled = parseSeriesBonus('p', '10 CNY if series conversion >= 5%', 'CNY');
    expect(evaluateBonus(pooled, [week(100, 0, 4), week(300, 0, 16)]).actual).toBeCloseTo(0.05);
  });

  it('never decides a sentence it could not read', () => {
    const note = parseSeriesBonus('n', '300 CNY if 50+ questions answered', 'CNY');
    expect(evaluateBonus(note, [week(1)]).status).toBe('not-yet');
  });
});
