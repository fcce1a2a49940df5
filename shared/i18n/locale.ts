/**
 * Which language a page speaks. Overlays take it from `?lang=` (never from the OBS machine's
 * own language: the audience's language is the producer's choice), the controller from its
 * settings or `?lang=`. The list itself is project.inlang/settings.json, compiled by Paraglide.
 */
import { baseLocale, locales, type Locale } from './paraglide/runtime.js';

export { baseLocale, locales, type Locale };

/**
 * Paraglide's plural rule, which the messages with a `{count}` call (plural.ts). An overlay's
 * strings chunk takes it from here (onAirBuild.ts), from the page's own script, instead of
 * fetching Paraglide's registry as one more chunk after the strings: a round trip less before
 * the first paint.
 * @public
 */
export { plural } from './plural';

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

let current: Locale = baseLocale;

/**
 * Sets the language of this page once, at its start, and `<html lang>`, which picks the right
 * glyphs for code points Chinese and Japanese share. Overlays read their words from the one
 * language chunk they load (onAirBuild.ts), never through Paraglide's `getLocale`: importing
 * its locale strategies (URL, cookie, globalThis…) cost every overlay page ~1 KB gzip.
 */
export function useLocale(locale: Locale, doc: Document | undefined = globalThis.document): void {
  current = locale;
  if (doc) doc.documentElement.lang = locale;
}

/** The language `useLocale` set (English until then). */
export function pageLocale(): Locale {
  return current;
}
