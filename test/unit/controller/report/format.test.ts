import { describe, expect, test } from 'vitest';
import {
  count,
  decimal,
  duration,
  growth,
  money,
  overUnder,
  percent,
  points,
  slug,
} from '../../../../controller/report/format';

describe('figures for people', () => {
  test('unknown is a dash, never NaN, Infinity or 0', () => {
    for (const f of [count, decimal, percent, growth, points, duration]) {
      expect(f(null)).toBe('—');
      expect(f(Number.NaN)).toBe('—');
      expect(f(Number.POSITIVE_INFINITY)).toBe('—');
    }
    expect(money(null, 'CNY')).toBe('—');
    expect(money(undefined, 'CNY')).toBe('—');
  });

  test('money in the show currency, from minor units', () => {
    expect(money(123456, 'CNY')).toBe('CN¥1,234.56');
    expect(money(1980, 'JPY')).toBe('¥1,980');
  });

  test('rates, growth and points', () => {
    expect(percent(0.0833)).toBe('8.3%');
    expect(growth(0.125)).toBe('+12.5%');
    expect(growth(-0.03)).toBe('−3.0%');
    expect(points(0.012)).toBe('+1.2 pts');
  });

  test('durations as clocks, over and under a plan', () => {
    expect(duration(0)).toBe('0:00');
    expect(duration(65_000)).toBe('1:05');
    expect(duration(3_723_000)).toBe('1:02:03');
    expect(overUnder(90_000)).toBe('+1:30');
    expect(overUnder(-20_000)).toBe('−0:20');
    expect(overUnder(200)).toBe('±0:00');
  });

  test('file names', () => {
    expect(slug('Spring Glow Live! Été')).toBe('spring-glow-live-ete');
    expect(slug('直播')).toBe('show');
  });
});
