import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../../../shared/i18n/price';

const always = { currencyDisplay: 'symbol', decimals: 'always' } as const;

describe('prices in the overlay language', () => {
  it('reads ¥149 in Chinese, whole prices without decimals by default', () => {
    expect(formatPrice(14900, 'CNY', 'zh-CN')).toBe('¥149');
    expect(formatPrice(14950, 'CNY', 'zh-CN')).toBe('¥149.50');
  });

  it('lets the producer pick how English shows yuan', () => {
    expect(formatPrice(14900, 'CNY', 'en', always)).toBe('CN¥149.00');
    expect(formatPrice(14900, 'CNY', 'en', { ...always, currencyDisplay: 'narrowSymbol' })).toBe(
      '¥149.00',
    );
    expect(formatPrice(14900, 'CNY', 'en', { ...always, currencyDisplay: 'code' })).toMatch(
      /^CNY\s149\.00$/,
    );
    expect(formatPrice(14900, 'CNY', 'en')).toBe('CN¥149.00');
    expect(formatPrice(14900, 'CNY', 'en', { currencyDisplay: 'symbol', decimals: 'trim' })).toBe(
      'CN¥149',
    );
    expect(formatPrice(14900, 'CNY', 'zh-CN', always)).toBe('¥149.00');
  });

  it('groups thousands as each language does', () => {
    expect(formatPrice(123456700, 'CNY', 'zh-CN')).toBe('¥1,234,567');
    expect(formatPrice(123456700, 'USD', 'en')).toBe('$1,234,567.00');
    expect(formatPrice(123456750, 'EUR', 'de')).toMatch(/^1\.234\.567,50\s€$/);
    expect(formatPrice(1234567, 'IDR', 'id')).toMatch(/^Rp\s?1\.234\.567$/);
    expect(formatPrice(1990000, 'VND', 'vi')).toMatch(/^1\.990\.000\s₫$/);
  });

  it('knows currencies without minor units', () => {
    expect(formatPrice(1980, 'JPY', 'ja', always)).toBe('￥1,980');
    expect(formatPrice(1980, 'JPY', 'en', always)).toBe('¥1,980');
  });
});
