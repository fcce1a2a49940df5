/**
 * Prices as the audience reads them: in the overlay's language, with the currency shown the
 * way the producer picked. zh-CN + CNY reads `¥149`; en + CNY `CN¥149.00` (symbol), `¥149.00`
 * (narrowSymbol) or `CNY 149.00` (code). Digits and grouping are the language's own.
 */
import { minorDigits, toMajor } from '../money';

export interface PriceStyle {
  currencyDisplay: 'symbol' | 'narrowSymbol' | 'code';
  /**
   * `trim`: a whole price drops its zero decimals (¥149, not ¥149.00); `always` keeps them;
   * `auto`: as the language's shops write prices (Chinese and Japanese trim, others keep).
   */
  decimals: 'auto' | 'trim' | 'always';
}

export const DEFAULT_PRICE_STYLE: PriceStyle = { currencyDisplay: 'symbol', decimals: 'auto' };

/** Languages whose shops show whole prices without decimals (¥149, 149円). */
const TRIMS = /^(zh|ja)\b/;

const formats = new Map<string, Intl.NumberFormat>();

function format(locale: string, currency: string, style: PriceStyle, whole: boolean) {
  const key = `${locale}|${currency}|${style.currencyDisplay}|${whole}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: style.currencyDisplay,
      ...(whole && { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
    });
    formats.set(key, f);
  }
  return f;
}

/** `minor` units of `currency` (fen, cents) as text in `locale`. */
export function formatPrice(
  minor: number,
  currency: string,
  locale: string,
  style: PriceStyle = DEFAULT_PRICE_STYLE,
): string {
  const trim = style.decimals === 'trim' || (style.decimals === 'auto' && TRIMS.test(locale));
  const whole = trim && minor % 10 ** minorDigits(currency) === 0;
  return format(locale, currency, style, whole).format(toMajor(minor, currency));
}
