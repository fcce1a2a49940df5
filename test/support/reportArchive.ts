/** A stored show for the report UI tests: the report tests' main scenario, logged in a test database. */
import { appendEvent, createShow, loadEvents } from '../../controller/db/eventLog';
import type { FlashcueDb } from '../../controller/db/db';
import { toArchive, type ShowArchive } from '../../controller/report/archive';
import type { RunSheet } from '../../shared/runsheet';
import type { ShowEvent } from '../../shared/show';
import { T0 } from './driver';
import { mainShow } from './reportScenario';

export async function storeShow(
  db: FlashcueDb,
  sheet?: RunSheet,
  log?: readonly ShowEvent[],
  id?: string,
) {
  const s = log && sheet ? { sheet, log } : mainShow(sheet);
  const show = await createShow(db, s.sheet, { now: T0 - 60_000, ...(id ? { id } : {}) });
  for (const [i, event] of s.log.entries())
    await appendEvent(db, show.id, event, i % 3 === 0 ? `cmd-${i}` : null);
  const row = (await db.shows.get(show.id))!;
  return { row, events: await loadEvents(db, show.id), log: s.log, sheet: s.sheet };
}

/** The main scenario as an archive, without a database. */
export function mainArchive(): ShowArchive {
  const s = mainShow();
  const start = s.log.find((e) => e.type === 'show.start')!.at;
  const end = s.log.find((e) => e.type === 'show.end')!.at;
  const row = {
    id: 'show-main',
    runSheetId: s.sheet.id,
    status: 'ended' as const,
    createdAt: T0 - 60_000,
    startedAt: start,
    endedAt: end,
    sheet: s.sheet,
    changes: '',
    term: 1,
  };
  const events = s.log.map((event, i) => ({
    showId: row.id,
    seq: i + 1,
    at: event.at,
    event,
    commandId: null,
    loggedAt: 0,
  }));
  return toArchive(row, events, T0 + 3_600_000);
}

/** A deep copy to break on purpose. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
