import { afterEach, describe, expect, it } from 'vitest';
import { loadOnAirWords } from '../../../../overlay/lib/words.svelte';
import { useLocale } from '../../../../shared/i18n/locale';
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

  it('read in English exactly as the parsers word them', () => {
    const all = [
      ...BAD.flatMap((q) => errorsOf(parseLowerThirdOptions(q))),
      ...errorsOf(parseStockOptions('?low=lots')),
    ];
    expect(new Set(all.map((e) => e.problem.code)).size).toBe(10);
    for (const error of all) expect(optionProblemText(error)).toBe(error.message);
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
