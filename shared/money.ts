/**
 * Money is exact: integer minor units (cents, fen) inside, decimals only at the edges
 * (the command API, importers) and Intl.NumberFormat for people.
 */

const digitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (CNY 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** True when Intl knows the ISO 4217 code (so formatting can never throw later). */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return Intl.supportedValuesOf ? Intl.supportedValuesOf('currency').includes(code) : true;
  } catch {
    return false;
  }
}

/**
 * A decimal amount in the currency's major unit to minor units, or null when it cannot be
 * represented exactly (more decimals than the currency has, negative, not finite).
 * Goes through the decimal string so 0.29 becomes 29, not 28.999….
 */
export function toMinor(amount: number, currency: string): number | null {
  if (!Number.isFinite(amount) || amount < 0) return null;
  const digits = minorDigits(currency);
  const text = amount.toFixed(Math.min(20, digits + 6));
  const [whole = '0', frac = ''] = text.split('.');
  if (/[1-9]/.test(frac.slice(digits))) return null;
  const minor =
    Number(whole) * 10 ** digits + Number(frac.slice(0, digits).padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back to a decimal number in the major unit (for the command API, exports). */
export function toMajor(minor: number, currency: string): number {
  const digits = minorDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

const formatCache = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let format = formatCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatCache.set(key, format);
  }
  return format.format(toMajor(minor, currency));
}
