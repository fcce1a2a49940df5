/**
 * The command API's `orders.import` refusals in the controller's language, worded when the
 * ack is made (an answer is not kept on screen). English keeps the sentences the API always
 * gave, word for word; argument names stay as the API spells them.
 */
import * as m from '../../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../../i18n/paraglide/runtime.js';
import { phraseText } from '../../i18n/zodPhrase';
import type { LocatedError } from '../../../shared/validation';
import { orderProblemText } from './orderWords';

/** The argument schema's own phrases (apiOrders.ts `Args`). */
const PHRASES = {
  'must be the CSV as text': m.refuse_oi_text,
  'must be the file as base64': m.refuse_oi_base64,
  'must be "tiktok" or "shopify"': m.refuse_oi_format,
  'must be a time zone': m.refuse_oi_zone,
  'must be an IANA time zone such as America/New_York': m.refuse_oi_iana,
};

/** Arguments the schema refused: each `argument: phrase`. */
export function argsRefusal(english: string, errors: LocatedError[], locale = getLocale()) {
  if (locale === 'en') return english;
  const lines = errors.slice(0, 20).map((e) => {
    const phrase = phraseText(e.message, locale, PHRASES);
    // An unknown argument is reported on the arguments as a whole: the phrase names it.
    return e.path === '(top level)' ? phrase : m.zph_issue({ path: e.path, phrase }, { locale });
  });
  return m.refuse_oi_refused_list({ problems: lines.join('\n') }, { locale });
}

/** The export refused, one problem (a file-level one) or several (rows and cells). */
export function exportRefusal(
  english: string,
  problems: Array<Parameters<typeof orderProblemText>[0]>,
  locale: Locale = getLocale(),
): string {
  if (locale === 'en') return english;
  const said = problems.map((p) => orderProblemText(p, locale));
  return said.length === 1
    ? m.refuse_oi_refused({ problem: said[0]! }, { locale })
    : m.refuse_oi_refused_list({ problems: said.map((p) => `• ${p}`).join('\n') }, { locale });
}

export const notStarted = (english: string, locale: Locale = getLocale()) =>
  locale === 'en' ? english : m.refuse_oi_not_started({}, { locale });
