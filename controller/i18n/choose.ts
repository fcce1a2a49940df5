/**
 * Which language the controller speaks: `?lang=` in its URL (a launcher or an OBS dock) wins,
 * then the producer's last choice, then English. Pure so it is tested without a browser.
 */
import { baseLocale, locales, type Locale } from './paraglide/runtime.js';

export { baseLocale, locales, type Locale };

/** Where the choice is remembered (not a secret: localStorage is fine). */
export const LANGUAGE_KEY = 'flashcue.lang';

/** Tags people write for a language the controller ships under another tag. */
const ALIASES: Record<string, Locale> = {
  zh: 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-hans-cn': 'zh-CN',
  'zh-sg': 'zh-CN',
  'en-us': 'en',
  'en-gb': 'en',
};

/** A controller locale for a tag in any case or with `_` (`zh_cn`, `ZH-CN`), or null. */
export function matchControllerLocale(raw: string | null | undefined): Locale | null {
  const tag = (raw ?? '').trim().replace(/_/g, '-').toLowerCase();
  if (!tag) return null;
  return locales.find((l) => l.toLowerCase() === tag) ?? ALIASES[tag] ?? null;
}

/**
 * The language to start in, and whether it came from the URL (then it is remembered too:
 * a dock opened with `?lang=zh-CN` keeps Chinese after the `lang` is dropped from the URL).
 */
export function chooseLocale(
  search: string,
  stored: string | null,
): { locale: Locale; fromUrl: boolean } {
  const fromUrl = matchControllerLocale(new URLSearchParams(search).get('lang'));
  if (fromUrl) return { locale: fromUrl, fromUrl: true };
  return { locale: matchControllerLocale(stored) ?? baseLocale, fromUrl: false };
}

/** Each language's name in itself, for the picker. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
};
