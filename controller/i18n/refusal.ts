/**
 * A refusal from shared/ (decide, the command API) in the controller's language: English keeps
 * the sentence shared/ wrote, word for word (the API's answers and the tests stay the same);
 * another language renders the refusal's code with its parameters. A refusal without a code,
 * or a code this catalogue lacks, stays in English rather than saying nothing.
 */
import type { Refusal } from '../../shared/show/refusal';
import * as m from './paraglide/messages.js';
import { invalidCommandText } from './commandErrors';
import { getLocale, type Locale } from './paraglide/runtime.js';

type Message = (params: Record<string, string | number>, options?: { locale?: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;

export function refusalText(
  refusal: Pick<Refusal, 'error' | 'code' | 'params'>,
  locale = getLocale(),
): string {
  if (locale === 'en' || !refusal.code) return refusal.error;
  if (refusal.code === 'invalid_command') return invalidCommandText(refusal.params ?? {}, locale);
  const message = catalogue[`refuse_${refusal.code}`];
  if (!message) return refusal.error;
  const params = { ...refusal.params };
  // A step named by code ("pause", "end_deal") is itself a phrase of the catalogue.
  if (typeof params.action === 'string') {
    const action = catalogue[`refuse_act_${params.action}`];
    if (action) params.action = action({}, { locale });
  }
  return message(params, { locale });
}
