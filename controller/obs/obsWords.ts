/**
 * The OBS link's problems in the controller's language: why the link is down
 * (shared/obs/policy.ts `ObsCause`), a failed call (`ObsCallFault`), set-up's missing scene and
 * a bad `#obs=` address. English keeps shared/'s sentence word for word (the tests' and the
 * logs' wording); OBS's own comment on a refusal and request names stay as OBS wrote them.
 */
import { ObsCallError, callFault, type ObsCallFault } from '../../shared/obs/callError';
import type { ObsFragment } from '../../shared/obs/fragment';
import type { ObsCause } from '../../shared/obs/policy';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../i18n/paraglide/runtime.js';
import { phraseText } from '../i18n/zodPhrase';

/** Why the link to OBS is down, in `locale` (English: `causeSentence`'s words). */
export function causeText(cause: ObsCause, locale: Locale = getLocale()): string {
  const o = { locale };
  switch (cause.code) {
    case 'wrong_password':
      return m.obsw_wrong_password({}, o);
    case 'needs_password':
      return m.obsw_needs_password({}, o);
    case 'unsupported_rpc':
      return m.obsw_unsupported_rpc({}, o);
    case 'session_ended':
      return m.obsw_session_ended({}, o);
    case 'shutting_down':
      return m.obsw_shutting_down({}, o);
    case 'lost':
      return m.obsw_lost({}, o);
    case 'unreachable':
      return m.obsw_unreachable({ url: cause.url }, o);
    case 'silent':
      return m.obsw_silent({ seconds: cause.seconds }, o);
    case 'no_hello':
      return m.obsw_no_hello({ url: cause.url, seconds: cause.seconds }, o);
    case 'closed_by_us':
      return m.obsw_closed_by_us({}, o);
  }
}

/** A failed call to OBS in `locale`; `english` is the sentence shared/ wrote. */
export function callFaultText(
  fault: ObsCallFault,
  english: string,
  locale: Locale = getLocale(),
): string {
  if (locale === 'en') return english;
  const o = { locale };
  const request = fault.requestType;
  switch (fault.kind) {
    case 'status':
      return fault.code === undefined
        ? m.obsw_call_refused({ request, comment: fault.comment ?? '' }, o)
        : m.obsw_call_status({ request, comment: fault.comment ?? '', code: fault.code }, o);
    case 'timeout':
      return m.obsw_call_timeout({ request, ms: fault.timeoutMs ?? 0 }, o);
    case 'closed': {
      const reason = fault.cause ? causeText(fault.cause, locale) : m.obsw_call_gone({}, o);
      return m.obsw_call_closed({ request, reason }, o);
    }
    case 'notConnected':
      return fault.cause
        ? m.obsw_not_connected_why({ reason: causeText(fault.cause, locale) }, o)
        : m.obsw_not_connected({}, o);
  }
}

/** Any error thrown while talking to OBS, in `locale`: an ObsCallError by its data. */
export function obsErrorText(error: unknown, locale: Locale = getLocale()): string {
  if (error instanceof ObsCallError) return callFaultText(callFault(error), error.message, locale);
  return error instanceof Error ? error.message : String(error);
}

/** A bad `#obs=` address in the URL fragment, in `locale`. */
export function fragmentText(
  fragment: Extract<ObsFragment, { reason: 'invalid' }>,
  locale: Locale = getLocale(),
): string {
  if (locale === 'en') return fragment.message;
  const o = { locale };
  return fragment.code === 'not_ws'
    ? m.obsw_fragment_not_ws({ url: fragment.url }, o)
    : m.obsw_fragment_not_address({ url: fragment.url }, o);
}

/** A problem with the OBS settings typed in, or with the `#obs=` address of the URL. */
export type ObsProblem =
  | { kind: 'fragment'; fragment: Extract<ObsFragment, { reason: 'invalid' }> }
  | { kind: 'settings'; phrase: string | null };

/** The settings schema's own phrase (obsManager.svelte.ts `ObsSettings`). */
const SETTINGS_PHRASES = { 'must look like ws://127.0.0.1:4455': m.obsw_look_like };

/** An OBS problem in `locale`, worded each time it is shown (a language switch rewords it). */
export function obsProblemText(problem: ObsProblem, locale: Locale = getLocale()): string {
  if (problem.kind === 'fragment') return fragmentText(problem.fragment, locale);
  const o = { locale };
  const said = problem.phrase
    ? phraseText(problem.phrase, locale, SETTINGS_PHRASES)
    : m.obs_not_valid({}, o);
  return m.obs_bad_address({ problem: said }, o);
}
