/**
 * Dates, times, counts and money in the controller's language and the show's own time zone.
 * English keeps the forms the controller always used (day-month-year dates, the browser's
 * money format), so nothing an English user sees changes; other languages use Intl's forms.
 */
import { formatMoney } from '../../shared/money';
import { getLocale, type Locale } from './paraglide/runtime.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** The Intl tag for dates: English reads day-month-year, as the report always did. */
const dateTag = (locale: Locale) => (locale === 'en' ? 'en-GB' : locale);

export type DateStyle = 'full' | 'date' | 'time';

/** A moment on the show's clock (its run sheet's time zone), in `locale`. */
export function formatDateTime(
  at: number,
  timeZone: string | undefined,
  style: DateStyle = 'full',
  locale: Locale = getLocale(),
): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'date'
      ? { timeZone, dateStyle: 'medium' }
      : style === 'time'
        ? { timeZone, hour: '2-digit', minute: '2-digit' }
        : { timeZone, dateStyle: 'medium', timeStyle: 'short' };
  return dateFormat(dateTag(locale), options).format(at);
}

/** Where English keeps the browser's own form (the Plan's saved times, the Live clocks). */
const browserTag = (locale: Locale) => (locale === 'en' ? undefined : locale);

/** A moment on the producer's own clock (when a run sheet was saved). */
export function formatLocalDateTime(at: number, locale: Locale = getLocale()): string {
  return dateFormat(browserTag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A clock time (hh:mm) on the show's clock. */
export function clockFormat(timeZone: string, locale: Locale = getLocale()): Intl.DateTimeFormat {
  return dateFormat(browserTag(locale), { hour: '2-digit', minute: '2-digit', timeZone });
}

const counts = new Map<string, Intl.NumberFormat>();

/** A whole count grouped as the language does (1,234 / 1,234). */
export function formatCount(value: number, locale: Locale = getLocale()): string {
  // One format per language: the Live screen counts on every sale.
  let format = counts.get(locale);
  if (!format)
    counts.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })));
  return format.format(value);
}

/**
 * Money for the producer: in Chinese `¥149.00` rather than the English `CN¥149.00`; English
 * unchanged (the browser's own form, as before).
 */
export function formatPrice(minor: number, currency: string, locale: Locale = getLocale()): string {
  return formatMoney(minor, currency, locale === 'en' ? undefined : locale);
}
