/**
 * The next show of a series (issue 18's series of linked run sheets): the first session after
 * the one this run sheet belongs to whose date is still ahead. Pure; the controller hands it
 * the stored series. A run sheet in no series has no next show, and the recap leaves the line out.
 */
import type { SeriesDef } from '../import/series';
import { isValidTimeZone } from '../time';
import type { NextShow } from './recap';

/** `timeZone`: the show's own zone, the one its audience was told the schedule in. */
export function nextShowOf(
  series: readonly Pick<SeriesDef, 'sessions'>[],
  sheetId: string,
  timeZone: string,
  now: number,
): NextShow | null {
  for (const s of series) {
    const mine = s.sessions.find((session) => session.sheetId === sheetId);
    if (!mine) continue;
    const later = s.sessions
      .filter((session) => session.index > mine.index)
      .map((session) => Date.parse(session.date))
      .filter((at) => Number.isFinite(at) && at > now)
      .sort((a, b) => a - b);
    if (later.length === 0) return null;
    return { at: later[0]!, timeZone: isValidTimeZone(timeZone) ? timeZone : 'UTC' };
  }
  return null;
}
