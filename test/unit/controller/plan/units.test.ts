import { describe, expect, test } from 'vitest';
import {
  formatDuration,
  formatMinutes,
  formatMoneyInput,
  formatPercent,
  isoToZonedLocal,
  parseCount,
  parseDuration,
  parseMinutes,
  parseMoney,
  parsePercent,
  zonedLocalToIso,
  zoneOffsetMinutes,
} from '../../../../controller/plan/units';

describe('money typed as decimals', () => {
  test('reads dot or comma decimals exactly into minor units', () => {
    expect(parseMoney('19.90', 'CNY')).toEqual({ ok: true, value: 1990 });
    expect(parseMoney(' 0,29 ', 'EUR')).toEqual({ ok: true, value: 29 });
    expect(parseMoney('1299', 'JPY')).toEqual({ ok: true, value: 1299 });
    expect(parseMoney('1 299.5', 'CNY')).toEqual({ ok: true, value: 129950 });
  });

  test('refuses what is not an amount of this currency, saying why', () => {
    expect(parseMoney('abc', 'CNY')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/amount such as 19.90/),
    });
    expect(parseMoney('-5', 'CNY')).toMatchObject({ ok: false, message: 'must not be negative' });
    expect(parseMoney('1.999', 'CNY')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/more than 2 decimals/),
    });
    expect(parseMoney('12.5', 'JPY')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/whole amount: JPY/),
    });
    expect(parseMoney('19.', 'CNY').ok).toBe(false);
  });

  test('formats back to what parses to the same value', () => {
    for (const [minor, currency] of [
      [1990, 'CNY'],
      [5, 'USD'],
      [1299, 'JPY'],
      [1234, 'KWD'],
    ] as const) {
      const text = formatMoneyInput(minor, currency);
      expect(parseMoney(text, currency)).toEqual({ ok: true, value: minor });
    }
    expect(formatMoneyInput(undefined, 'CNY')).toBe('');
  });
});

describe('counts, durations, minutes, percent', () => {
  test('counts are whole and not negative', () => {
    expect(parseCount('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseCount('1.5').ok).toBe(false);
    expect(parseCount('-1')).toMatchObject({ ok: false, message: 'must not be negative' });
  });

  test('durations read m:ss, h:mm:ss and plain minutes', () => {
    expect(parseDuration('4:30')).toEqual({ ok: true, value: 270 });
    expect(parseDuration('1:02:05')).toEqual({ ok: true, value: 3725 });
    expect(parseDuration('5')).toEqual({ ok: true, value: 300 });
    expect(parseDuration('4:3').ok).toBe(false);
    expect(parseDuration('4:75')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/above 59/),
    });
    expect(formatDuration(270)).toBe('4:30');
    expect(formatDuration(5400)).toBe('90:00');
  });

  test('minutes and percent round-trip without float noise', () => {
    expect(parseMinutes('22.5')).toEqual({ ok: true, value: 1350 });
    expect(formatMinutes(1350)).toBe('22.5');
    expect(parsePercent('7')).toEqual({ ok: true, value: 0.07 });
    expect(parsePercent('12.5%')).toEqual({ ok: true, value: 0.125 });
    expect(parsePercent('120')).toMatchObject({ ok: false });
    expect(formatPercent(0.07)).toBe('7');
  });
});

describe('scheduled start in the show time zone', () => {
  test('wall-clock time in a zone becomes an ISO instant with that zone offset', () => {
    expect(zonedLocalToIso('2026-03-15T19:00', 'Asia/Shanghai')).toBe('2026-03-15T19:00:00+08:00');
    expect(zonedLocalToIso('2026-07-01T20:30', 'Europe/London')).toBe('2026-07-01T20:30:00+01:00');
    expect(zonedLocalToIso('2026-01-01T20:30', 'America/New_York')).toBe(
      '2026-01-01T20:30:00-05:00',
    );
    expect(zonedLocalToIso('2026-01-01T20:30', 'UTC')).toBe('2026-01-01T20:30:00+00:00');
    expect(zonedLocalToIso('not a date', 'UTC')).toBeNull();
  });

  test('an instant shows as the wall-clock time of the zone', () => {
    expect(isoToZonedLocal('2026-03-15T19:00:00Z', 'Asia/Shanghai')).toBe('2026-03-16T03:00');
    expect(isoToZonedLocal('2026-03-15T19:00:00+08:00', 'Asia/Shanghai')).toBe('2026-03-15T19:00');
    expect(isoToZonedLocal(undefined, 'UTC')).toBe('');
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(330);
  });

  test('round trip across zones and seasons', () => {
    for (const zone of [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/Los_Angeles',
      'Australia/Sydney',
    ]) {
      for (const local of ['2026-01-10T08:15', '2026-06-20T21:45']) {
        const iso = zonedLocalToIso(local, zone)!;
        expect(isoToZonedLocal(iso, zone)).toBe(local);
      }
    }
  });
});
