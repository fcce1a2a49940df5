/**
 * The advice panel's words (shared/playbook/advice.ts) in the controller's language. English
 * keeps the sentences shared/ wrote (the command API's `show.advice` answers with those);
 * another language renders each proposal's kind and each reason's code, money in its format.
 */
import type { AdviceLine, Proposal } from '../../shared/playbook/advice';
import { formatPrice } from '../i18n/format';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../i18n/paraglide/runtime.js';

type Named = ((i: object, o: { locale: Locale }) => string) | undefined;
/** A segment kind's name in `locale` (kind_<kind>); a kind this build lacks as written. */
const kindName = (kind: string, locale: Locale) =>
  (m as unknown as Record<string, Named>)[`kind_${kind}`]?.({}, { locale }) ?? kind;

const SUMMARY: Record<Proposal['kind'], typeof m.adv_trim_weakest> = {
  'trim-weakest': m.adv_trim_weakest,
  'trim-evenly': m.adv_trim_evenly,
  'stretch-strongest': m.adv_stretch_strongest,
  'stretch-top': m.adv_stretch_top,
};

export function summaryText(p: Pick<Proposal, 'kind' | 'summary'>, locale: Locale = getLocale()) {
  return locale === 'en' ? p.summary : SUMMARY[p.kind]({}, { locale });
}

function lineText(line: AdviceLine, locale: Locale): string {
  const o = { locale };
  switch (line.code) {
    case 'ends_on_plan':
      return m.adv_ends_on_plan({}, o);
    case 'ends_late':
      return m.adv_ends_late(line.params, o);
    case 'ends_early':
      return m.adv_ends_early(line.params, o);
    case 'shorten':
    case 'stretch': {
      const { label, kind, from, to, gmvPerMin, currency, units, basis } = line.params;
      const worth =
        basis === 'none'
          ? m.adv_worth_none({}, o)
          : (basis === 'history' ? m.adv_worth_history : m.adv_worth_plan)(
              { money: formatPrice(gmvPerMin, currency, locale), units },
              o,
            );
      const say = line.code === 'shorten' ? m.adv_shorten : m.adv_stretch;
      return say({ label: label || kindName(kind, locale), from, to, worth }, o);
    }
  }
}

/** A proposal's reasons, one line each: English as shared/ wrote them. */
export function reasonsText(
  p: Pick<Proposal, 'reasons' | 'lines'>,
  locale: Locale = getLocale(),
): string[] {
  if (locale === 'en' || !p.lines) return p.reasons;
  return p.lines.map((line) => lineText(line, locale));
}
