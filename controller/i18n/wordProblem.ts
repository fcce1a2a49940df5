/**
 * A custom word's problem (shared/i18n/words.ts `WordProblem`) in the controller's language,
 * worded when shown, so a switch of language rewords a refusal already on screen. English keeps
 * shared/'s sentence word for word; the phrase is named as the Custom words panel names it.
 */
import * as onAir from '../../shared/i18n/paraglide/messages.js';
import { LANGUAGE_NAMES } from '../../shared/i18n/languageNames';
import type { Locale as OnAirLocale } from '../../shared/i18n/locale';
import { ON_AIR_PHRASES, isOnAirKey, type OnAirKey } from '../../shared/i18n/onAirPhrases';
import {
  placeholderList,
  splitSlot,
  wordProblemSentence,
  type WordProblem,
} from '../../shared/i18n/words';
import * as m from './paraglide/messages.js';
import { getLocale, type Locale } from './paraglide/runtime.js';

type OnAirMessage = (params: Record<string, string>, options: { locale: OnAirLocale }) => string;

/** The on-air phrase in `locale`'s own translation, placeholders as the producer writes them. */
export function phraseName(key: OnAirKey, locale: OnAirLocale): string {
  return (onAir as unknown as Record<OnAirKey, OnAirMessage>)[key](
    Object.fromEntries(ON_AIR_PHRASES[key].params.map((p) => [p, `{${p}}`])),
    { locale },
  );
}

const FORM: Record<string, (i: object, o: { locale: Locale }) => string> = {
  zero: m.ovl_form_zero,
  one: m.ovl_form_one,
  two: m.ovl_form_two,
  few: m.ovl_form_few,
  many: m.ovl_form_many,
  other: m.cw_form_other,
};

export function wordProblemText(problem: WordProblem, locale: Locale = getLocale()): string {
  if (locale === 'en') return wordProblemSentence(problem);
  const o = { locale };
  const { key, form } = splitSlot(problem.slot);
  const language = LANGUAGE_NAMES[problem.locale as OnAirLocale] ?? problem.locale;
  const phrase = isOnAirKey(key) ? phraseName(key, locale) : key;
  const where = form
    ? m.cw_where_form({ language, phrase, form: FORM[form]?.({}, o) ?? form }, o)
    : m.cw_where({ language, phrase }, o);
  const list = (names: readonly string[]) => placeholderList(names, m.cw_none({}, o));
  const { fault } = problem;
  switch (fault.code) {
    case 'too_long':
      return m.cw_too_long({ where, max: fault.max }, o);
    case 'brace':
      return m.cw_brace({ where, open: '{', close: '}' }, o);
    case 'unknown':
      return m.cw_unknown({ where, name: `{${fault.name}}`, allowed: list(fault.allowed) }, o);
    case 'missing':
      return m.cw_missing({ where, missing: list(fault.missing), allowed: list(fault.allowed) }, o);
    case 'not_language':
      return m.cw_not_language({ where, locale: problem.locale }, o);
    case 'not_phrase':
      return m.cw_not_phrase({ where, key }, o);
    case 'no_plurals':
      return m.cw_no_plurals({ where }, o);
    case 'not_form':
      return m.cw_not_form({ where, form: fault.form, forms: fault.forms.join('、') }, o);
  }
}
