/** A clock time (hh:mm) on the show's clock in the controller's language. */
import { getLocale } from './paraglide/runtime.js';

/** English keeps the browser's own form. */
export function clockFormat(timeZone: string): Intl.DateTimeFormat {
  const locale = getLocale() === 'en' ? undefined : getLocale();
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
}
