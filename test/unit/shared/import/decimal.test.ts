import { describe, expect, test } from 'vitest';
import {
  decimalEvidence,
  fileDecimalMark,
  readAmount,
  readMoney,
} from '../../../../shared/import/decimal';

const minor = (text: string, currency = 'CNY', hint?: '.' | ',') => {
  const r = readMoney(text, currency, hint);
  return typeof r === 'string' ? r : r.minor;
};

describe('decimal money', () => {
  test.each([
    ['1.299,00', 129900],
    ['1,299.00', 129900],
    ['¥199', 19900],
    ['199 CNY', 19900],
    ['RMB199', 19900],
    ['199元', 19900],
    ['1 299,50', 129950],
    ["1'299.50", 129950],
    ['0,5', 50],
    ['19,99', 1999],
    ['1.234.567', 123456700],
    ['1,234,567.89', 123456789],
    ['+5', 500],
    ['US$ 3', 300],
    ['0', 0],
  ])('%s → %d', (text, expected) => {
    expect(minor(text)).toBe(expected);
  });

  test.each([
    ['-5', 'must not be negative'],
    ['(5)', 'must not be negative'],
    ['abc', '"abc" is not a number'],
    ['1,2,3', 'is not a number'],
    ['1.2.3,4,5', 'is not a number'],
    ['12,34.5', 'is not a number'],
    ['5.', 'is not a number'],
    ['0.999', 'more than 2 decimal places'],
    ['12.345,678', 'more than 2 decimal places'],
    ['20 EUR', 'is in EUR'],
  ])('%s is refused', (text, message) => {
    expect(minor(text)).toEqual(expect.stringContaining(message));
  });

  test('the "1,299" shape: file evidence first, then what the currency allows', () => {
    expect(minor('1,299', 'CNY', ',')).toMatch(/more than 2 decimal/);
    expect(minor('1.299', 'CNY', ',')).toBe(129900);
    expect(minor('1,299')).toBe(129900);
    expect(minor('1,299', 'JPY')).toBe(1299);
    expect(minor('1.299', 'KWD')).toBe(1299);
    const guessed = readMoney('1,299', 'CNY');
    expect(guessed).toEqual({
      minor: 129900,
      guessed: expect.stringMatching(/thousands separator/),
      guess: { text: '1,299', read: '1299', sep: ',', as: 'thousands' },
    });
  });

  test('evidence per cell and per file', () => {
    expect(decimalEvidence('1.299,00')).toBe(',');
    expect(decimalEvidence('1,299')).toBeUndefined();
    expect(decimalEvidence('0,299')).toBe(',');
    expect(decimalEvidence('1.299.000')).toBe(',');
    expect(fileDecimalMark(['1,299', '19,99', ''])).toBe(',');
    expect(fileDecimalMark(['1.50', '19,99'])).toBeUndefined();
  });
});

describe('decimal problems as codes for the controller language', () => {
  test('each problem carries a code and its values', () => {
    expect(readAmount('12 USD', 'CNY')).toMatchObject({
      code: 'dec_other_currency',
      params: { code: 'USD', currency: 'CNY' },
    });
    expect(readAmount('abc', 'CNY')).toMatchObject({
      code: 'dec_not_number',
      params: { text: 'abc' },
    });
    expect(readAmount('1.2.3,4', 'CNY')).toMatchObject({ code: 'dec_separators' });
    expect(readAmount('-5', 'CNY')).toMatchObject({ code: 'not_negative' });
    expect(readAmount('1.5', 'JPY')).toMatchObject({
      code: 'dec_whole_amount',
      params: { currency: 'JPY' },
    });
    expect(readAmount('1.2345', 'CNY')).toMatchObject({
      code: 'dec_decimals',
      params: { digits: 2, currency: 'CNY' },
    });
    // The string readers keep the English phrase.
    expect(readMoney('abc', 'CNY')).toBe('"abc" is not a number');
  });
});
