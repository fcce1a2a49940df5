import { afterEach, describe, expect, it } from 'vitest';
import { loadOnAirWords } from '../../../../overlay/lib/words.svelte';
import { locales, useLocale } from '../../../../shared/i18n/locale';
import { optionProblemText } from '../../../../overlay/lib/optionProblem';
import type { OptionError, ParsedOptions } from '../../../../overlay/lib/options';
import { parseLowerThirdOptions } from '../../../../overlay/lower-third/lower-third.options';
import { parseStockOptions } from '../../../../overlay/stock/stock.options';

const errorsOf = (parsed: ParsedOptions<unknown>): OptionError[] =>
  parsed.ok ? [] : parsed.errors;

// One query per kind of problem the pages can report.
const BAD = [
  '?accent=zzz',
  '?layout=square',
  '?scale=4',
  '?safe=maybe',
  '?acent=ff0000',
  '?foo=1',
  '?scale=1&scale=2',
  '?lang=xx',
  `?cta=${'x'.repeat(80)}`,
];

describe('the error box’s detail lines', () => {
  afterEach(async () => {
    useLocale('en', undefined);
    await loadOnAirWords('en');
  });

  it('in English: the option, the value as typed, and what it should be', () => {
    const all = [
      ...BAD.flatMap((q) => errorsOf(parseLowerThirdOptions(q))),
      ...errorsOf(parseStockOptions('?low=lots')),
    ];
    expect(new Set(all.map((e) => e.problem.code)).size).toBe(10);
    expect(all.map(optionProblemText)).toEqual([
      'accent: "zzz" is not a colour (use a hex like ff5a1f)',
      'layout: "square" is not one of landscape, portrait',
      'scale: "4" is not a number from 0.5 to 3',
      'safe: "maybe" is not on or off (use 1 or 0)',
      'acent: unknown option (did you mean accent?)',
      expect.stringMatching(/^foo: unknown option \(known: layout, theme, accent, .*, cta\b/),
      'scale: given 2 times (keep one)',
      `lang: "xx" is not a language (use one of ${locales.join(', ')})`,
      `cta: "${'x'.repeat(40)}…" is longer than 60 characters`,
      'low: "lots" is not a number of units or a percentage (use 10 or 20%)',
    ]);
  });

  it('are in the page’s language, the option and the value as typed', async () => {
    useLocale('zh-CN', undefined);
    await loadOnAirWords('zh-CN');
    const [layout] = errorsOf(parseLowerThirdOptions('?layout=square'));
    expect(optionProblemText(layout!)).toBe('layout："square" 不是可选值之一：landscape, portrait');
    useLocale('th', undefined);
    await loadOnAirWords('th');
    const [scale] = errorsOf(parseLowerThirdOptions('?scale=9'));
    expect(optionProblemText(scale!)).toBe('scale: "9" ไม่ใช่ตัวเลขตั้งแต่ 0.5 ถึง 3');
    // Nothing of the English sentence is left but the names and values.
    expect(optionProblemText(scale!)).not.toMatch(/is not|number|from/);
  });
});
