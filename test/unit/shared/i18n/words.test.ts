import { describe, expect, it } from 'vitest';
import { matchLocale } from '../../../../shared/i18n/locale';
import {
  checkCustomWord,
  fillPattern,
  phrase,
  placeholdersOf,
} from '../../../../shared/i18n/words';

describe('custom words', () => {
  const onlyLeft = (p: { count: number }) => `Only ${p.count} left`;

  it('replace a phrase in any language, placeholders filled', () => {
    expect(phrase({}, 'ov_stock_only_left', onlyLeft, { count: 4 })).toBe('Only 4 left');
    expect(
      phrase({ ov_stock_only_left: '仅剩 {count} 件！' }, 'ov_stock_only_left', onlyLeft, {
        count: 4,
      }),
    ).toBe('仅剩 4 件！');
  });

  it('are checked against the phrase’s own placeholders, with a located sentence', () => {
    expect(checkCustomWord('ov_stock_only_left', '仅剩 {count} 件！', ['count'])).toBeNull();
    expect(checkCustomWord('ov_stock_only_left', 'Almost gone!', ['count'])).toBeNull();
    expect(checkCustomWord('ov_stock_only_left', 'Only {cout} left', ['count'])).toBe(
      'ov_stock_only_left: {cout} is not a placeholder of this phrase (it has {count})',
    );
    expect(checkCustomWord('ov_sold_out', 'Gone {', [])).toBe(
      'ov_sold_out: a { or } without a name',
    );
  });

  it('leave an unknown placeholder as written', () => {
    expect(fillPattern('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(placeholdersOf('{buyer} bought {product}, {buyer}!')).toEqual(['buyer', 'product']);
  });
});

describe('languages from a URL', () => {
  it('accept any case and the usual aliases', () => {
    expect(matchLocale('zh-cn')).toBe('zh-CN');
    expect(matchLocale('zh_Hant')).toBe('zh-TW');
    expect(matchLocale('pt')).toBe('pt-BR');
    expect(matchLocale('TH')).toBe('th');
    expect(matchLocale('xx')).toBeNull();
    expect(matchLocale('')).toBeNull();
  });
});
