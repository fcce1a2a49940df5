import { describe, expect, it } from 'vitest';
import { parseAllOptions } from '../../../../overlay/all/all.options';
import { parseCountdownOptions } from '../../../../overlay/countdown/countdown.options';
import {
  OptionReader,
  colour,
  flag,
  number,
  type ParsedOptions,
} from '../../../../overlay/lib/options';
import { parseLowerThirdOptions } from '../../../../overlay/lower-third/lower-third.options';
import { optionProblemText } from '../../../../overlay/lib/optionProblem';
import { parseNextUpOptions } from '../../../../overlay/next-up/next-up.options';
import { parseStockOptions } from '../../../../overlay/stock/stock.options';
import { parseTickerOptions } from '../../../../overlay/ticker/ticker.options';

function ok<T>(parsed: ParsedOptions<T>): T {
  if (!parsed.ok) throw new Error(parsed.errors.map(optionProblemText).join('; '));
  return parsed.options;
}

function errors<T>(parsed: ParsedOptions<T>): string[] {
  if (parsed.ok) throw new Error('expected errors');
  // As an English page's error box says them.
  return parsed.errors.map(optionProblemText);
}

describe('common options', () => {
  it('defaults to a dark, solid, landscape overlay with the orange accent', () => {
    expect(ok(parseLowerThirdOptions(''))).toEqual({
      layout: 'landscape',
      theme: 'dark',
      accent: '#ff5a1f',
      font: 'inter',
      style: 'solid',
      position: 'bottom-left',
      scale: 1,
      safe: false,
      mask: false,
      still: false,
      transport: 'auto',
      lang: 'en',
      cta: null,
      currencyDisplay: 'symbol',
      decimals: 'auto',
    });
  });

  it('turns the TikTok safe zone on by default in portrait, and lets it be turned off', () => {
    expect(ok(parseStockOptions('?layout=portrait')).safe).toBe(true);
    expect(ok(parseStockOptions('?layout=portrait&safe=0')).safe).toBe(false);
    expect(ok(parseStockOptions('?layout=landscape&safe=1')).safe).toBe(true);
  });

  it('draws a page still only when asked (the Live preview), as a flag', () => {
    expect(ok(parseStockOptions('?still=1')).still).toBe(true);
    expect(ok(parseStockOptions('?still')).still).toBe(true);
    expect(ok(parseStockOptions('?still=off')).still).toBe(false);
    expect(ok(parseStockOptions('')).still).toBe(false);
  });

  it('reads every common option', () => {
    const o = ok(
      parseTickerOptions(
        '?layout=portrait&theme=light&accent=%2300AAFF&font=condensed&style=glass&position=center-right&scale=1.5&mask&transport=broadcast',
      ),
    );
    expect(o).toMatchObject({
      layout: 'portrait',
      theme: 'light',
      accent: '#00aaff',
      font: 'condensed',
      style: 'glass',
      position: 'center-right',
      scale: 1.5,
      mask: true,
      transport: 'broadcast',
    });
  });

  it('accepts obs and relay transports (they fall back with a note on the page)', () => {
    expect(ok(parseNextUpOptions('?transport=obs')).transport).toBe('obs');
    expect(ok(parseNextUpOptions('?transport=relay')).transport).toBe('relay');
  });

  it.each([
    ['accent=zzz', 'accent: "zzz" is not a colour (use a hex like ff5a1f)'],
    ['layout=square', 'layout: "square" is not one of landscape, portrait'],
    ['theme=blue', 'theme: "blue" is not one of dark, light'],
    ['font=comic', 'font: "comic" is not one of inter, system, condensed, rounded, serif, mono'],
    ['style=neon', 'style: "neon" is not one of solid, glass, outline'],
    [
      'position=middle',
      'position: "middle" is not one of bottom-left, bottom-right, bottom-center, top-left, top-right, top-center, center-left, center-right',
    ],
    ['scale=4', 'scale: "4" is not a number from 0.5 to 3'],
    ['scale=', 'scale: "" is not a number from 0.5 to 3'],
    ['safe=maybe', 'safe: "maybe" is not on or off (use 1 or 0)'],
    ['mask=2', 'mask: "2" is not on or off (use 1 or 0)'],
    ['still=please', 'still: "please" is not on or off (use 1 or 0)'],
    ['transport=ws', 'transport: "ws" is not one of auto, broadcast, obs, relay'],
    ['acent=ff0000', 'acent: unknown option (did you mean accent?)'],
    [
      'foo=1',
      'foo: unknown option (known: layout, theme, accent, font, style, position, scale, safe, mask, still, transport, lang, cta, currencyDisplay, decimals)',
    ],
    ['scale=1&scale=2', 'scale: given 2 times (keep one)'],
  ])('%s is a located error', (query, message) => {
    expect(errors(parseLowerThirdOptions(query))).toEqual([message]);
  });

  it('reports every bad option at once', () => {
    const parsed = parseCountdownOptions('?accent=zzz&mode=timer&urgent=-1');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.key)).toEqual(['accent', 'mode', 'urgent']);
  });
});

describe('parsers', () => {
  it('normalises colours with or without # and in short form', () => {
    expect(colour('FF5A1F')).toEqual({ value: '#ff5a1f' });
    expect(colour('#abc')).toEqual({ value: '#aabbcc' });
    expect(colour('red')).toEqual({ why: { code: 'colour' } });
  });

  it('reads flags the ways people write them', () => {
    for (const on of ['', '1', 'true', 'on', 'yes', 'ON'])
      expect(flag(on)).toEqual({ value: true });
    for (const off of ['0', 'false', 'off', 'no']) expect(flag(off)).toEqual({ value: false });
  });

  it('rejects fractions where a whole number is needed', () => {
    expect(number(1, 10, true)('2.5')).toEqual({ why: { code: 'whole', min: 1, max: 10 } });
    expect(number(1, 10, true)('2')).toEqual({ value: 2 });
  });

  it('clips a very long bad value in the message', () => {
    const reader = new OptionReader(`?theme=${'x'.repeat(100)}`);
    reader.get('theme', 'dark', () => ({ why: { code: 'flag' } }));
    expect(optionProblemText(reader.errors[0]!)).toBe(
      `theme: "${'x'.repeat(40)}…" is not on or off (use 1 or 0)`,
    );
  });
});

describe('per-overlay options', () => {
  it('lower-third: cta overrides the call to action, and empty hides it', () => {
    expect(ok(parseLowerThirdOptions('?cta=Link%20in%20bio')).cta).toBe('Link in bio');
    expect(ok(parseLowerThirdOptions('?cta=')).cta).toBe('');
    expect(errors(parseLowerThirdOptions(`?cta=${'x'.repeat(61)}`))).toEqual([
      `cta: "${'x'.repeat(40)}…" is longer than 60 characters`,
    ]);
  });

  it('countdown: deal mode, 10 s urgency and the mode label by default', () => {
    expect(ok(parseCountdownOptions(''))).toMatchObject({
      mode: 'deal',
      urgent: 10,
      label: null,
      position: 'top-right',
    });
    expect(ok(parseCountdownOptions('?mode=slot&urgent=30&label='))).toMatchObject({
      mode: 'slot',
      urgent: 30,
      label: '',
    });
    expect(errors(parseCountdownOptions('?mode=timer'))).toEqual([
      'mode: "timer" is not one of deal, slot, show, start',
    ]);
  });

  it('stock: low is 10 units by default, or a percentage of the starting stock', () => {
    expect(ok(parseStockOptions('')).low).toEqual({ units: 10 });
    expect(ok(parseStockOptions('?low=3')).low).toEqual({ units: 3 });
    expect(ok(parseStockOptions('?low=20%25')).low).toEqual({ percent: 20 });
    expect(errors(parseStockOptions('?low=lots'))).toEqual([
      'low: "lots" is not a number of units or a percentage (use 10 or 20%)',
    ]);
    expect(errors(parseStockOptions('?low=150%25'))).toHaveLength(1);
  });

  it('ticker: 3 lines held 8 s, burst line from 5 units', () => {
    expect(ok(parseTickerOptions(''))).toMatchObject({
      max: 3,
      hold: 8,
      minBurst: 5,
      position: 'top-left',
    });
    expect(ok(parseTickerOptions('?max=5&hold=2.5&minBurst=0'))).toMatchObject({
      max: 5,
      hold: 2.5,
      minBurst: 0,
    });
    expect(errors(parseTickerOptions('?max=0&hold=0'))).toEqual([
      'max: "0" is not a whole number from 1 to 10',
      'hold: "0" is not a number from 1 to 600',
    ]);
  });

  it('next-up: "Up next" under 10 s by default', () => {
    expect(ok(parseNextUpOptions(''))).toMatchObject({
      soon: 10,
      label: null,
      position: 'bottom-right',
    });
  });

  it('all: takes every card option, rejects the per-card labels it does not use', () => {
    expect(
      ok(
        parseAllOptions(
          '?layout=portrait&cta=Buy&mode=slot&low=20%25&max=2&hold=5&minBurst=3&soon=20',
        ),
      ),
    ).toMatchObject({
      layout: 'portrait',
      safe: true,
      cta: 'Buy',
      mode: 'slot',
      low: { percent: 20 },
      max: 2,
      hold: 5,
      minBurst: 3,
      soon: 20,
    });
    expect(errors(parseAllOptions('?label=x'))[0]).toMatch(/^label: unknown option/);
  });
});
