import { describe, expect, it } from 'vitest';
import { fitText, graphemes, truncateGraphemes } from '../../../../shared/text/fit';

/** A fake box: a line holds `width / size` characters (graphemes), up to `lines` lines. */
const box =
  (width: number, lines: number, locale?: string) =>
  (size: number, text: string): boolean =>
    Math.ceil(graphemes(text, locale).length / Math.floor(width / size)) <= lines;

const limits = { max: 42, min: 28, step: 2 };

describe('text that fits its card', () => {
  it('keeps the design size when the name fits', () => {
    expect(fitText('面膜', box(800, 2), limits)).toEqual({
      fontSize: 42,
      text: '面膜',
      truncated: false,
    });
  });

  it('shrinks a long name before cutting it', () => {
    const name = '玻尿酸深层补水保湿面膜十片装限量版礼盒套装'; // 21 graphemes
    const fitted = fitText(name, box(400, 2), limits);
    expect(fitted.truncated).toBe(false);
    expect(fitted.fontSize).toBeLessThan(42);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(28);
  });

  it('cuts at the smallest size, by grapheme, with an ellipsis', () => {
    const name = '玻尿酸深层补水保湿面膜十片装限量版礼盒套装玻尿酸深层补水保湿面膜十片装';
    const fitted = fitText(name, box(280, 2), limits);
    expect(fitted).toEqual({ fontSize: 28, text: `${name.slice(0, 19)}…`, truncated: true });
  });

  it('never splits a Thai cluster or an emoji', () => {
    const thai = 'ครีมบำรุงผิวหน้า';
    // ค รี ม บำ | รุ ง …: a vowel mark stays with its consonant.
    expect(truncateGraphemes(thai, 5, 'th')).toBe('ครีมบำรุ…');
    expect(truncateGraphemes(thai, 9, 'th')).toBe('ครีมบำรุงผิวห…');
    const family = 'Gift 👨‍👩‍👧‍👦 box';
    expect(truncateGraphemes(family, 6)).toBe('Gift 👨‍👩‍👧‍👦…');
  });

  it('leaves a short text alone', () => {
    expect(truncateGraphemes('Mask', 10)).toBe('Mask');
  });
});
