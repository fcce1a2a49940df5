/**
 * A moment on the producer's own clock (when a run sheet was saved), in the controller's
 * language. English keeps the browser's own form, as the Plan screen always showed it.
 */
import { getLocale, type Locale } from './paraglide/runtime.js';

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatLocalDateTime(at: number, locale: Locale = getLocale()): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? undefined : locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    formats.set(locale, format);
  }
  return format.format(at);
}
