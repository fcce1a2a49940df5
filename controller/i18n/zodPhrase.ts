/**
 * A schema's phrase about one field in the controller's language: our own phrases (the
 * command schema's table in commandErrors.ts, then `extra`), and zod's default English ones
 * (`Invalid input: expected number, received string`, `Too big: expected string to have <=80
 * characters`…, zod 4.6's en locale) read back into their parts. English, and a phrase of no
 * known form, stay as written rather than being lost. A field's path stays as its source
 * spells it (the API's argument, TikFinity's or OBS's field): it is their name, not ours.
 */
import * as m from './paraglide/messages.js';
import { getLocale, type Locale } from './paraglide/runtime.js';
import { commandPhrase } from './commandErrors';

type Phrase = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const TYPES: Record<string, Phrase> = {
  string: m.zph_t_string,
  number: m.zph_t_number,
  boolean: m.zph_t_boolean,
  object: m.zph_t_object,
  array: m.zph_t_array,
  null: m.zph_t_null,
  undefined: m.zph_t_undefined,
  bigint: m.zph_t_number,
  nan: m.zph_t_number,
  NaN: m.zph_t_number,
};
const UNITS: Record<string, Phrase> = {
  characters: m.zph_u_characters,
  items: m.zph_u_items,
  entries: m.zph_u_items,
  bytes: m.zph_u_bytes,
};

const typeWord = (type: string, locale: Locale) => TYPES[type]?.({}, { locale }) ?? type;

function zodDefault(phrase: string, locale: Locale): string | null {
  const o = { locale };
  let f = /^Invalid input: expected (\w+), received (\w+)$/.exec(phrase);
  if (f)
    return f[2] === 'undefined'
      ? m.zph_missing({ expected: typeWord(f[1]!, locale) }, o)
      : m.zph_type({ expected: typeWord(f[1]!, locale), received: typeWord(f[2]!, locale) }, o);
  f = /^Invalid (?:input|option): expected (?:one of )?(.+)$/.exec(phrase);
  if (f) return m.zph_value({ values: f[1]! }, o);
  f =
    /^Too (big|small): expected (\w+) to (?:have|be) (<=|<|>=|>|exactly )([\d.e+-]+)(?: (\w+))?$/.exec(
      phrase,
    );
  if (f) {
    const unit = f[5] ? (UNITS[f[5]]?.({}, o) ?? f[5]) : '';
    const limit = `${f[4]}${unit ? ` ${unit}` : ''}`;
    if (f[3] === 'exactly ') return m.zph_exactly({ limit }, o);
    const strict = f[3] === '<' || f[3] === '>';
    if (f[1] === 'big') return strict ? m.zph_below({ limit }, o) : m.zph_at_most({ limit }, o);
    return strict ? m.zph_above({ limit }, o) : m.zph_at_least({ limit }, o);
  }
  // Our own limits on outside text (shared/room: a comment, a name, a bundle of messages).
  f = /^is over (\d+) characters$/.exec(phrase);
  if (f) return m.zph_over_chars({ max: f[1]! }, o);
  f = /^holds over (\d+) messages$/.exec(phrase);
  if (f) return m.zph_over_messages({ max: f[1]! }, o);
  f = /^Unrecognized keys?: (.+)$/.exec(phrase);
  if (f) return m.zph_unknown_keys({ keys: f[1]! }, o);
  f = /^Invalid number: must be a multiple of (.+)$/.exec(phrase);
  if (f) return m.zph_multiple({ divisor: f[1]! }, o);
  if (/^Invalid (string|input|key|value|discriminator)\b/.test(phrase) || phrase === 'invalid')
    return m.zph_invalid({}, o);
  return null;
}

/** `phrase` in `locale`; `extra` holds a caller's own phrases (a schema's `error:` sentences). */
export function phraseText(
  phrase: string,
  locale: Locale = getLocale(),
  extra: Record<string, Phrase> = {},
): string {
  if (locale === 'en') return phrase;
  const own = extra[phrase];
  if (own) return own({}, { locale });
  const command = commandPhrase(phrase, locale);
  if (command !== phrase) return command;
  return zodDefault(phrase, locale) ?? phrase;
}

/** `path: phrase` (a located problem of outside data), the phrase in `locale`. */
export const issueText = (
  path: string,
  phrase: string,
  locale: Locale = getLocale(),
  extra: Record<string, Phrase> = {},
): string =>
  locale === 'en'
    ? `${path}: ${phrase}`
    : m.zph_issue({ path, phrase: phraseText(phrase, locale, extra) }, { locale });
