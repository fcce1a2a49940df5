/**
 * Why a live-room message was refused (shared/room/fault.ts) in the controller's language, each
 * time it is shown, so a language switch rewords it. English keeps the words the status line
 * always had (`faultDetail`); a field's path stays as TikFinity or Euler Stream spell it, and
 * the schema's phrase is worded by zodPhrase.ts.
 */
import { z } from 'zod';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../i18n/paraglide/runtime.js';
import { issueText } from '../i18n/zodPhrase';
import { faultDetail, type RoomFault } from '../../shared/room/fault';

const Text = z.string().max(500);
/** The Euler link's fault as the server sends it (checked like any answer of the server). */
export const RoomFaultSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('field'), path: Text, phrase: Text }),
  z.object({ code: z.literal('no_name') }),
  z.object({ code: z.literal('not_message'), shape: Text }),
  z.object({ code: z.literal('not_frame'), path: Text, phrase: Text }),
  z.object({ code: z.literal('binary') }),
  z.object({ code: z.literal('not_json') }),
  z.object({ code: z.literal('network'), error: Text }),
  z.object({ code: z.literal('failed') }),
]);

export function roomFaultText(fault: RoomFault, locale: Locale = getLocale()): string {
  if (locale === 'en') return faultDetail(fault);
  const o = { locale };
  const field = (path: string, phrase: string) =>
    phrase === 'wrong shape' ? m.roomw_wrong_shape({}, o) : issueText(path, phrase, locale);
  switch (fault.code) {
    case 'field':
      return field(fault.path, fault.phrase);
    case 'no_name':
      return m.roomw_no_name({}, o);
    case 'not_message':
      return m.roomw_not_message({ shape: fault.shape }, o);
    case 'not_frame':
      return m.roomw_not_frame({ problem: field(fault.path, fault.phrase) }, o);
    case 'binary':
      return m.roomw_binary({}, o);
    case 'not_json':
      return m.roomw_not_json({}, o);
    case 'network':
      return m.roomw_network({ error: fault.error }, o);
    case 'failed':
      return m.roomw_failed({}, o);
  }
}

/** A `room.events` command refused (shared/room/generic.ts): each place and phrase. */
export function audienceRefusalText(
  refused: { error: string; problems: Array<{ path: string; phrase: string }> },
  locale: Locale = getLocale(),
): string {
  if (locale === 'en' || !refused.problems.length) return refused.error;
  const lines = refused.problems.map((p) => issueText(p.path, p.phrase, locale));
  return m.roomw_audience({ problems: lines.join('\n') }, { locale });
}
