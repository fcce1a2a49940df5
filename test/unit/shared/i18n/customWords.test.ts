import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeMessage } from '../../../../shared/i18n/check-messages.mjs';
import { ON_AIR_KEYS, ON_AIR_PHRASES } from '../../../../shared/i18n/onAirPhrases';
import {
  checkSlot,
  checkWords,
  phrase,
  pluralForms,
  readWords,
  withWord,
  wordProblemSentence,
} from '../../../../shared/i18n/words';

const en = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, unknown>;

describe('the on-air phrases a producer may replace', () => {
  it('are every on-air message of en.json but the error box’s, worded and filled as there', () => {
    const onAir = Object.keys(en).filter(
      (k) => k.startsWith('ov_') && !/^ov_(error|opt|note)_/.test(k),
    );
    expect([...ON_AIR_KEYS].sort()).toEqual(onAir.sort());
    for (const key of ON_AIR_KEYS) {
      const message = en[key];
      const wording =
        typeof message === 'string'
          ? message
          : (message as Array<{ match: Record<string, string> }>)[0]!.match['countPlural=*'];
      expect(wording, key).toBe(ON_AIR_PHRASES[key].en);
      const described = describeMessage(message);
      expect('inputs' in described && [...described.inputs].sort(), key).toEqual(
        [...ON_AIR_PHRASES[key].params].sort(),
      );
    }
  });
});

describe('a replacement', () => {
  it('keeps every placeholder and invents none, said where it is', () => {
    expect(checkSlot('zh-CN', 'ov_stock_only_left', '仅剩 {count} 件！')).toBeNull();
    expect(checkSlot('zh-CN', 'ov_stock_only_left', '仅剩 {cout} 件！')).toBe(
      'Custom words, 简体中文, "Only {count} left": {cout} is not a placeholder of this phrase (it has {count})',
    );
    expect(checkSlot('en', 'ov_just_bought', '{buyer} got one!')).toBe(
      'Custom words, English, "{buyer} just bought {product}": {product} is missing (the phrase must keep {buyer}, {product})',
    );
    expect(checkSlot('en', 'ov_sold_out', 'Gone {soon}')).toMatch(
      /\{soon\} is not a placeholder of this phrase \(it has none\)$/,
    );
    expect(checkSlot('en', 'ov_nope', 'x')).toMatch(/ov_nope is not an on-air phrase$/);
    expect(checkSlot('xx', 'ov_sold_out', 'x')).toMatch(/xx is not a language Flashcue speaks$/);
  });

  it('may give each plural form of its language its own words; only there {count} may go', () => {
    expect(pluralForms('en')).toEqual(['one', 'other']);
    expect(pluralForms('zh-CN')).toEqual(['other']);
    expect(checkSlot('en', 'ov_stock_only_left#one', 'Only one left!')).toBeNull();
    expect(checkSlot('zh-CN', 'ov_stock_only_left#one', '只剩一件')).toBe(
      'Custom words, 简体中文, "Only {count} left" (one): one is not a plural form of this language (it has other)',
    );
    expect(checkSlot('en', 'ov_sold_out#one', 'x')).toMatch(/this phrase has no plural forms$/);

    const words = {
      'ov_stock_only_left#one': 'Only one left!',
      ov_stock_only_left: 'Just {count}!',
    };
    const rules = new Intl.PluralRules('en');
    const translation = (p: { count: number }) => `Only ${p.count} left`;
    expect(phrase(words, 'ov_stock_only_left', translation, { count: 1 }, rules)).toBe(
      'Only one left!',
    );
    expect(phrase(words, 'ov_stock_only_left', translation, { count: 3 }, rules)).toBe('Just 3!');
    expect(phrase({}, 'ov_stock_only_left', translation, { count: 3 }, rules)).toBe('Only 3 left');
  });

  it('read back from storage keeps the good ones and drops a bad one alone', () => {
    const stored = {
      'zh-CN': { ov_stock_only_left: '仅剩 {count} 件！', ov_sold_out: 42, ov_up_next: '{x}' },
      th: 'nonsense',
      en: { ov_sold_out: 'All gone' },
    };
    expect(readWords(stored)).toEqual({
      'zh-CN': { ov_stock_only_left: '仅剩 {count} 件！' },
      en: { ov_sold_out: 'All gone' },
    });
    expect(readWords(null)).toEqual({});
    expect(checkWords({ en: { ov_up_next: '{x}' } })).toEqual([
      'Custom words, English, "Up next": {x} is not a placeholder of this phrase (it has none)',
    ]);
  });
});

describe('editing one replacement', () => {
  it('sets, refuses without touching what was saved, and clears back to the translation', () => {
    const set = withWord({}, 'zh-CN', 'ov_stock_only_left', ' 仅剩 {count} 件！ ');
    expect(set).toEqual({
      ok: true,
      words: { 'zh-CN': { ov_stock_only_left: '仅剩 {count} 件！' } },
    });
    const saved = set.ok ? set.words : {};
    const refused = withWord(saved, 'zh-CN', 'ov_stock_only_left', '仅剩 {n} 件');
    expect(refused).toEqual({
      ok: false,
      problem: {
        locale: 'zh-CN',
        slot: 'ov_stock_only_left',
        fault: { code: 'unknown', name: 'n', allowed: ['count'] },
      },
    });
    expect(!refused.ok && wordProblemSentence(refused.problem)).toBe(
      'Custom words, 简体中文, "Only {count} left": {n} is not a placeholder of this phrase (it has {count})',
    );
    expect(withWord(saved, 'zh-CN', 'ov_stock_only_left', '  ')).toEqual({ ok: true, words: {} });
  });
});
