/**
 * The controller's language as state: every message function reads it through Paraglide's
 * getLocale, so a template that shows `m.x()` re-renders when the producer switches language,
 * without a reload. Set once at start (main.ts) and by the picker.
 */
import { overwriteGetLocale } from './paraglide/runtime.js';
import { chooseLocale, LANGUAGE_KEY, baseLocale, type Locale } from './choose';

class ControllerLanguage {
  current = $state<Locale>(baseLocale);
}

export const language = new ControllerLanguage();
overwriteGetLocale(() => language.current);

function remember(locale: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // Storage refused (private mode, a locked-down dock): the choice lasts for this page only.
  }
}

function stored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** Chooses the language at start from `?lang=` or the remembered choice. */
export function startLanguage(): Locale {
  const { locale, fromUrl } = chooseLocale(location.search, stored());
  if (fromUrl) remember(locale);
  setLanguage(locale);
  return locale;
}

/**
 * Switches the controller's language: remembered, `<html lang>` set (CJK glyphs), and a
 * `lang` in the URL rewritten so a reload does not switch it back.
 */
export function setLanguage(locale: Locale): void {
  language.current = locale;
  document.documentElement.lang = locale;
  remember(locale);
  const url = new URL(location.href);
  if (url.searchParams.has('lang') && url.searchParams.get('lang') !== locale) {
    url.searchParams.set('lang', locale);
    history.replaceState(history.state, '', url);
  }
}
