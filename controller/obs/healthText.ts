/**
 * The stream health pill's words in the controller's language. English keeps the sentences
 * shared/obs/health.ts wrote, word for word; another language renders each problem's code.
 */
import type { Health, HealthProblem } from '../../shared/obs/health';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale } from '../i18n/paraglide/runtime.js';
import { formatCount } from '../i18n/format';
import { issueText } from '../i18n/zodPhrase';
import type { HealthReadFault } from '../../shared/obs/healthPoller';

const PROBLEM: Record<HealthProblem['code'], (p: HealthProblem['params']) => string> = {
  reconnecting: () => m.health_reconnecting(),
  dropping: (p) => m.health_dropping({ percent: p.percent ?? '' }),
  congested: () => m.health_congested(),
  skipping: (p) => m.health_skipping({ percent: p.percent ?? '' }),
  disk: (p) => m.health_disk({ gb: p.gb ?? '' }),
};

export function healthProblemText(problem: HealthProblem, locale = getLocale()): string {
  return locale === 'en' ? problem.text : PROBLEM[problem.code](problem.params);
}

const FIGURES = {
  stream: m.health_read_stream,
  record: m.health_read_record,
  stats: m.health_read_stats,
};

/** OBS's figures that could not be read: which, and OBS's field with the schema's phrase. */
export function healthReadText(fault: HealthReadFault, locale = getLocale()): string {
  if (locale === 'en')
    return `OBS's ${fault.figures} figures could not be read (${fault.path}: ${fault.phrase}).`;
  const o = { locale };
  const figures = FIGURES[fault.figures]({}, o);
  const problem =
    fault.phrase === 'invalid' ? m.zph_invalid({}, o) : issueText(fault.path, fault.phrase, locale);
  return m.health_read_failed({ figures, problem }, o);
}

/** "Stream healthy · 6,000 kbps": what is live, how it goes, and the upload rate. */
export function healthLabel(health: Health): string {
  const what = health.streaming
    ? m.health_stream()
    : health.recording
      ? m.health_recording()
      : m.health_not_streaming();
  const word = {
    off: '',
    good: m.health_good(),
    warn: m.health_warn(),
    bad: m.health_bad(),
  }[health.level];
  const rate = health.kbps !== null ? ` · ${formatCount(health.kbps)} kbps` : '';
  return `${what}${word ? ` ${word}` : ''}${rate}`;
}
