/**
 * The command API's own refusals (queries and `runsheet.load`, answered by the controller rather
 * than by the show): each keeps its English sentence word for word and carries a code, so the
 * answer follows the controller's language like every other refusal (`refuse_sw_*` messages).
 */
import { refusal, type Refusal } from '../../shared/show/refusal';
import { describeErrors, type LocatedError } from '../../shared/validation';
import { errorText, placeText } from '../i18n/located';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../i18n/paraglide/runtime.js';

export const noShowLoaded = (): Refusal =>
  refusal('No show is loaded: load a run sheet first.', 'sw_no_show');

export const noShowLive = (): Refusal =>
  refusal('No show is live: advice is for the segments still to come.', 'sw_advice_not_live');

export const loadOnBackup = (): Refusal =>
  refusal(
    'This controller is the backup of a show on another device: load run sheets there, or take over first.',
    'sw_load_backup',
  );

export const loadWhileLive = (): Refusal =>
  refusal('A show is live: end it before loading the next run sheet.', 'sw_load_live');

export const loadFailed = (): Refusal =>
  refusal('The run sheet could not be loaded.', 'sw_load_failed');

export const importWithoutShow = (): Refusal =>
  refusal('No show is loaded: open the show to import its orders into.', 'q_no_show_import');

export const importOnBackup = (): Refusal =>
  refusal(
    'This controller is the backup of a show on another device: import the orders on the primary.',
    'q_backup_import',
  );

/** A refused run sheet: its problems listed where and what, in the controller's language. */
export function sheetRefused(
  errors: LocatedError[],
  locale: Locale = getLocale(),
  limit = 20,
): Refusal {
  const error = `The run sheet was refused:\n${describeErrors(errors, limit)}`;
  if (locale === 'en') return refusal(error);
  const lines = errors
    .slice(0, limit)
    .map((e) => `${placeText(e.path, locale)}: ${errorText(e, locale)}`);
  if (errors.length > limit)
    lines.push(m.sw_more_problems({ count: errors.length - limit }, { locale }));
  return refusal(error, 'sw_sheet_refused', { problems: lines.join('\n') });
}
