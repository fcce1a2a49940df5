/**
 * Which language a page speaks. Overlays take it from `?lang=` (never from the OBS machine's
 * own language: the audience's language is the producer's choice), the controller from its
 * settings or `?lang=`. The list itself is project.inlang/settings.json, compiled by Paraglide.
 */
import { baseLocale, locales, overwriteGetLocale, type Locale } from './paraglide/runtime.js';

export { baseLocale, locales, type Locale };

/** Tags people write for a language we ship under another tag. */
const ALIASES: Record<string, Locale> = {
  zh: 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-sg': 'zh-CN',
  'zh-hant': 'zh-TW',
  'zh-hk': 'zh-TW',
  pt: 'pt-BR',
  in: 'id',
  'en-us': 'en',
  'en-gb': 'en',
};

/** A shipped locale for a tag written in any case (`zh-cn`, `ZH-CN`), or null. */
export function matchLocale(raw: string): Locale | null {
  const tag = raw.trim().replace(/_/g, '-').toLowerCase();
  if (!tag) return null;
  return locales.find((l) => l.toLowerCase() === tag) ?? ALIASES[tag] ?? null;
}

/**
 * Sets the language of this page once, at its start: every Paraglide message reads it, and
 * `<html lang>` picks the right glyphs for code points Chinese and Japanese share.
 */
export function useLocale(locale: Locale, doc: Document | undefined = globalThis.document): void {
  overwriteGetLocale(() => locale);
  if (doc) doc.documentElement.lang = locale;
}
