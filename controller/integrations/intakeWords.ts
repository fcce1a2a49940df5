/**
 * The `npm start` server's problems on the Integrations screen in the controller's language:
 * the TikTok Shop poller's last problem arrives as a code + values (shared/intake/problem.ts)
 * beside its English sentence, and is worded here each time it is shown, so a language switch
 * rewords it. English keeps the server's sentence word for word; a code this page does not
 * know (a newer server) shows that sentence too. TikTok's own reason and field names, and a
 * refused order's reason (the controller's answer, already in its language), are not ours.
 */
import * as m from '../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../i18n/paraglide/runtime.js';
import { issueText } from '../i18n/zodPhrase';
import type { IntakeProblem, ProblemParams } from '../../shared/intake/problem';

/** Located problems sent as `n`, `path<i>`, `message<i>`, `more`, one per line. */
export function issueLines(params: ProblemParams, locale: Locale = getLocale()): string {
  const lines: string[] = [];
  for (let i = 0; i < Number(params.n ?? 0); i++)
    lines.push(
      issueText(String(params[`path${i}`] ?? ''), String(params[`message${i}`] ?? ''), locale),
    );
  const more = Number(params.more ?? 0);
  if (more > 0) lines.push(m.ttw_more({ count: more }, { locale }));
  return lines.join('\n');
}

export function tiktokProblemText(
  problem: IntakeProblem | null | undefined,
  english: string,
  locale: Locale = getLocale(),
): string {
  if (locale === 'en' || !problem) return english;
  const o = { locale };
  const p = problem.params;
  const reason = String(p.reason ?? '') || m.ttw_no_reason({}, o);
  switch (problem.code) {
    case 'order_refused':
      return m.ttw_order_refused({ order: String(p.order ?? ''), reason }, o);
    case 'too_many':
      return m.ttw_too_many({ seconds: Number(p.seconds ?? 0) }, o);
    case 'refresh_refused':
      return m.ttw_refresh_refused({ reason, code: String(p.code ?? '') }, o);
    case 'search_refused':
      return m.ttw_search_refused(
        { reason, code: String(p.code ?? ''), http: String(p.http ?? '') },
        o,
      );
    case 'not_understood': {
      const what = p.what === 'refresh' ? m.ttw_what_refresh({}, o) : m.ttw_what_search({}, o);
      return m.ttw_not_understood({ what, problems: issueLines(p, locale) }, o);
    }
    case 'failed':
      return m.ttw_failed({ reason }, o);
    default:
      return english;
  }
}
