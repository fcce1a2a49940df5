/**
 * Custom words: a producer may replace any on-air phrase ("Only {count} left" →
 * "仅剩 {count} 件！") per language. A replacement is a plain pattern with the phrase's own
 * placeholders; it wins over the compiled translation. A phrase with `{count}` may also have
 * one replacement per plural form of its language (`ov_stock_only_left#one`: "Only one
 * left!"), chosen by Intl.PluralRules. Checked here, where a mistake can still be shown next
 * to the field, never on air.
 */
import { LANGUAGE_NAMES } from './languageNames';
import { locales, type Locale } from './locale';
import { ON_AIR_PHRASES, isOnAirKey, isPlural } from './onAirPhrases';

const PLACEHOLDER = /\{\s*([A-Za-z_]\w*)\s*\}/g;

/** Longest replacement, in UTF-16 units (a card has room for far less anyway). */
export const WORD_MAX = 120;

export type Params = Record<string, string | number>;
/** One language's replacements: `key` or `key#category` → pattern. */
export type CustomWords = Readonly<Record<string, string>>;
/** Every language's replacements, as saved with the look and sent to the overlays. */
export type WordsByLang = Readonly<Partial<Record<Locale, CustomWords>>>;

/** Placeholders a pattern uses, in order of first use. */
export function placeholdersOf(pattern: string): string[] {
  return [...new Set([...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The pattern with each `{name}` replaced; an unknown name stays as written. */
export function fillPattern(pattern: string, params: Params): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The plural forms a language tells apart (`one`, `other`…; Chinese has only `other`). */
export function pluralForms(locale: string): Intl.LDMLPluralRule[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** `ov_stock_only_left#one` → the phrase and the plural form (null: every number). */
export function splitSlot(slot: string): { key: string; form: string | null } {
  const i = slot.indexOf('#');
  return i < 0 ? { key: slot, form: null } : { key: slot.slice(0, i), form: slot.slice(i + 1) };
}

/**
 * What is wrong with a replacement, as data: the controller words it in the producer's
 * language (controller/i18n/wordProblem.ts); `wordProblemSentence` is the English sentence.
 */
export type WordFault =
  | { code: 'too_long'; max: number }
  | { code: 'brace' }
  | { code: 'unknown'; name: string; allowed: readonly string[] }
  | { code: 'missing'; missing: readonly string[]; allowed: readonly string[] }
  | { code: 'not_language' }
  | { code: 'not_phrase' }
  | { code: 'no_plurals' }
  | { code: 'not_form'; form: string; forms: readonly string[] };

/** A fault and where it sits: the language and the slot (`key` or `key#form`). */
export interface WordProblem {
  locale: string;
  slot: string;
  fault: WordFault;
}

/**
 * What is wrong with a replacement for a phrase whose placeholders are `allowed`, or null.
 * Every placeholder must be kept (a number or a buyer silently gone from the card is a
 * mistake) and none invented ("{cout}" would read so on air); only a plural form of its own
 * may leave `{count}` out ("Only one left!").
 */
export function customWordFault(
  pattern: string,
  allowed: readonly string[],
  options: { mayOmit?: readonly string[] } = {},
): WordFault | null {
  if (pattern.length > WORD_MAX) return { code: 'too_long', max: WORD_MAX };
  if (/[{}]/.test(pattern.replace(PLACEHOLDER, ''))) return { code: 'brace' };
  const used = placeholdersOf(pattern);
  const unknown = used.filter((name) => !allowed.includes(name));
  if (unknown.length) return { code: 'unknown', name: unknown[0]!, allowed };
  const missing = allowed.filter((n) => !used.includes(n) && !options.mayOmit?.includes(n));
  if (missing.length) return { code: 'missing', missing, allowed };
  return null;
}

/** `{count}, {buyer}`: placeholders as the producer writes them (English: "none" if empty). */
export const placeholderList = (names: readonly string[], none = 'none') =>
  names.map((n) => `{${n}}`).join(', ') || none;

/** The fault in English, after `where`. */
function faultSentence(where: string, locale: string, slot: string, fault: WordFault): string {
  const list = placeholderList;
  switch (fault.code) {
    case 'too_long':
      return `${where}: longer than ${fault.max} characters`;
    case 'brace':
      return `${where}: a { or } without a name`;
    case 'unknown':
      return `${where}: {${fault.name}} is not a placeholder of this phrase (it has ${list(fault.allowed)})`;
    case 'missing':
      return `${where}: ${list(fault.missing)} is missing (the phrase must keep ${list(fault.allowed)})`;
    case 'not_language':
      return `${where}: ${locale} is not a language Flashcue speaks`;
    case 'not_phrase':
      return `${where}: ${splitSlot(slot).key} is not an on-air phrase`;
    case 'no_plurals':
      return `${where}: this phrase has no plural forms`;
    case 'not_form':
      return `${where}: ${fault.form} is not a plural form of this language (it has ${fault.forms.join(', ')})`;
  }
}

/** The English sentence of a fault, starting with `where` (kept for the tests' wording). */
export function checkCustomWord(
  where: string,
  pattern: string,
  allowed: readonly string[],
  options: { mayOmit?: readonly string[] } = {},
): string | null {
  const fault = customWordFault(pattern, allowed, options);
  return fault && faultSentence(where, '', where, fault);
}

/** Where a replacement sits, for a person: `Custom words, 简体中文, "Only {count} left" (one)`. */
export function slotLabel(locale: string, slot: string): string {
  const { key, form } = splitSlot(slot);
  const language = LANGUAGE_NAMES[locale as Locale] ?? locale;
  const en = isOnAirKey(key) ? ON_AIR_PHRASES[key].en : key;
  return `Custom words, ${language}, "${en}"${form ? ` (${form})` : ''}`;
}

/** A problem as one English sentence: `Custom words, English, "Up next": …`. */
export const wordProblemSentence = ({ locale, slot, fault }: WordProblem): string =>
  faultSentence(slotLabel(locale, slot), locale, slot, fault);

/** One replacement, checked against its phrase and its language's plural forms. */
export function slotProblem(locale: string, slot: string, pattern: string): WordProblem | null {
  const at = (fault: WordFault): WordProblem => ({ locale, slot, fault });
  if (!(locales as readonly string[]).includes(locale)) return at({ code: 'not_language' });
  const { key, form } = splitSlot(slot);
  if (!isOnAirKey(key)) return at({ code: 'not_phrase' });
  if (form !== null) {
    if (!isPlural(key)) return at({ code: 'no_plurals' });
    const forms = pluralForms(locale);
    if (!forms.includes(form as Intl.LDMLPluralRule)) return at({ code: 'not_form', form, forms });
  }
  const fault = customWordFault(pattern, ON_AIR_PHRASES[key].params, {
    mayOmit: form !== null ? ['count'] : [],
  });
  return fault && at(fault);
}

/** slotProblem as its English sentence. */
export function checkSlot(locale: string, slot: string, pattern: string): string | null {
  const problem = slotProblem(locale, slot, pattern);
  return problem && wordProblemSentence(problem);
}

/** Every problem in a set of replacements (say, an imported look). */
export function wordProblems(words: WordsByLang): WordProblem[] {
  return Object.entries(words).flatMap(([locale, slots]) =>
    Object.entries(slots ?? {}).flatMap(([slot, pattern]) => {
      const problem = slotProblem(locale, slot, pattern);
      return problem ? [problem] : [];
    }),
  );
}

/** wordProblems as English sentences, each located. */
export const checkWords = (words: WordsByLang): string[] =>
  wordProblems(words).map(wordProblemSentence);

/** Only the valid replacements of anything stored: a bad one is dropped alone. */
export function readWords(stored: unknown): WordsByLang {
  const out: Partial<Record<Locale, Record<string, string>>> = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const [locale, slots] of Object.entries(stored as Record<string, unknown>)) {
    if (!slots || typeof slots !== 'object') continue;
    for (const [slot, pattern] of Object.entries(slots as Record<string, unknown>)) {
      if (typeof pattern !== 'string' || !pattern || slotProblem(locale, slot, pattern)) continue;
      (out[locale as Locale] ??= {})[slot] = pattern;
    }
  }
  return out;
}

/**
 * The phrase on air: the producer's replacement for this number's plural form, else for the
 * phrase, else the translation. `message` is the compiled Paraglide function, passed in so a
 * page bundles only the messages it calls.
 */
export function phrase<P extends Params>(
  custom: CustomWords,
  key: string,
  message: (params: P) => string,
  params: P,
  plural?: Intl.PluralRules,
): string {
  const count = params.count;
  const own =
    (typeof count === 'number' && plural && custom[`${key}#${plural.select(count)}`]) ||
    custom[key];
  return own ? fillPattern(own, params) : message(params);
}

/**
 * `words` with one replacement set (or removed, when `pattern` is blank), or why not. The
 * producer's mistake is refused as a whole: what was saved stays as it was.
 */
export function withWord(
  words: WordsByLang,
  locale: Locale,
  slot: string,
  pattern: string,
): { ok: true; words: WordsByLang } | { ok: false; problem: WordProblem } {
  const text = pattern.trim();
  const { [slot]: _old, ...rest } = words[locale] ?? {};
  if (!text) {
    const { [locale]: _gone, ...others } = words;
    return { ok: true, words: Object.keys(rest).length ? { ...others, [locale]: rest } : others };
  }
  const problem = slotProblem(locale, slot, text);
  if (problem) return { ok: false, problem };
  return { ok: true, words: { ...words, [locale]: { ...rest, [slot]: text } } };
}
