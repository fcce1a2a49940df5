/**
 * How the report writes its figures for people, in the controller's language (English keeps
 * the forms it always had). Unknown is a dash, never "NaN", "0" or "Infinity": a figure nobody
 * measured must not read like one that was measured as zero.
 */
import { minorDigits } from '../../shared/money';
import { formatDateTime, formatPrice } from '../i18n/format';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale } from '../i18n/paraglide/runtime.js';

export const DASH = '—';

export function money(minor: number | null | undefined, currency: string): string {
  return minor === null || minor === undefined || !Number.isFinite(minor)
    ? DASH
    : formatPrice(minor, currency);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached number format in the controller's language. */
function numbers(digits: number, extra: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const locale = getLocale();
  const key = `${locale}|${digits}|${JSON.stringify(extra)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, ...extra });
    numberFormats.set(key, format);
  }
  return format;
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? DASH
    : numbers(0).format(value);
}

/** A figure with up to one decimal (units per minute, an average). */
export function decimal(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? DASH
    : numbers(1).format(value);
}

/** A fraction as a percentage: 0.083 → "8.3%". */
export function percent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  return `${(rate * 100).toFixed(digits)}%`;
}

/** A change as a signed percentage: 0.125 → "+12.5%", −0.03 → "−3.0%". */
export function growth(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  const text = percent(Math.abs(rate));
  return rate > 0 ? `+${text}` : rate < 0 ? `−${text}` : text;
}

/** A difference of two rates in percentage points: 0.012 → "+1.2 pts" (zh: "+1.2 个百分点"). */
export function points(diff: number | null | undefined): string {
  if (diff === null || diff === undefined || !Number.isFinite(diff)) return DASH;
  const text = (Math.abs(diff) * 100).toFixed(1);
  return m.rep_points({ value: `${diff > 0 ? '+' : diff < 0 ? '−' : ''}${text}` });
}

/** Milliseconds as a clock: "4:05", "1:02:03"; a dash when unknown. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${ms < 0 ? '−' : ''}${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Over or under a plan: "+1:30", "−0:20", "±0:00". */
export function overUnder(ms: number): string {
  if (Math.round(ms / 1000) === 0) return '±0:00';
  return ms > 0 ? `+${duration(ms)}` : duration(ms);
}

/** A moment on the show's own clock (its run sheet's time zone), in the controller's language. */
export function dateTime(
  at: number | null | undefined,
  timeZone: string,
  style: 'full' | 'date' = 'full',
): string {
  if (at === null || at === undefined) return DASH;
  return formatDateTime(at, timeZone, style);
}

/** Minor units to the major unit, for chart axes (which only need to read well). */
export function major(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** A compact money label for an axis tick: "¥1.2K" (zh: "¥1.2千"). Takes major units. */
export function axisMoney(value: number, currency: string): string {
  return numbers(1, { style: 'currency', currency, notation: 'compact' }).format(value);
}

/** A file-name-safe slug of a title: "Spring Glow Live!" → "spring-glow-live". */
export function slug(text: string): string {
  const out = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return out || 'show';
}
