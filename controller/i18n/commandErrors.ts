/**
 * A malformed command's located problems (controller/show/runnerErrors.ts `commandRefusal`) in
 * the controller's language. The schema's own phrases (shared/show/commandSchema.ts, orders.ts,
 * replan.ts) are matched word for word; a field's path stays as the API spells it; a phrase
 * this table lacks stays English rather than being lost.
 */
import * as m from './paraglide/messages.js';
import type { Locale } from './paraglide/runtime.js';

type Phrase = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const PHRASES: Record<string, Phrase> = {
  'is implausibly large': m.cmderr_implausibly_large,
  'is implausibly long': m.cmderr_implausibly_long,
  'is not a command Flashcue knows': m.cmderr_unknown_type,
  'may use only visible ASCII characters, no spaces': m.cmderr_ascii,
  'must be a number of seconds': m.cmderr_number_seconds,
  'must be a number': m.cmderr_number,
  'must be a product id': m.cmderr_product_id,
  'must be a short name such as hand, tiktok, shopify or api': m.cmderr_source,
  'must be a whole number': m.cmderr_whole,
  'must be an ISO-8601 time with its zone, e.g. 2026-05-27T17:31:07+08:00': m.cmderr_iso,
  'must be at least 1 second': m.cmderr_min_second,
  'must be at least 1': m.cmderr_min_one,
  'must be at most 24 hours': m.cmderr_max_day,
  'must be text': m.cmderr_text,
  'must be text: put the order id in quotes (long ids lose digits as numbers)': m.cmderr_order_text,
  'must be true or false': m.cmderr_boolean,
  'must be whole minor units': m.cmderr_minor,
  'must be whole seconds': m.cmderr_whole_seconds,
  'must change at least one segment': m.cmderr_replan_empty,
  'must not be empty': m.cmderr_empty,
  'must not be negative': m.cmderr_negative,
};

/** One of the command schema's phrases in `locale`; any other phrase as it was. */
export function commandPhrase(message: string, locale: Locale): string {
  const known = PHRASES[message];
  if (known) return known({}, { locale });
  if (message === 'must be a list of {index, durationSec}')
    return m.cmderr_replan_list({ shape: '{index, durationSec}' }, { locale });
  const max = /^must be at most (\d+) characters$/.exec(message);
  if (max) return m.cmderr_max_chars({ max: max[1]! }, { locale });
  return message;
}

export function invalidCommandText(params: Record<string, string | number>, locale: Locale) {
  const parts: string[] = [];
  for (let i = 0; i < Number(params.n ?? 0); i++) {
    const path = String(params[`path${i}`] ?? '');
    const said = commandPhrase(String(params[`message${i}`] ?? ''), locale);
    parts.push(path === '(top level)' ? said : `${path} ${said}`);
  }
  return m.refuse_invalid_command({ problems: parts.join('；') }, { locale });
}
