/**
 * The report pages' bridge to storage: shows and their logs live from IndexedDB (Dexie
 * liveQuery through createSubscriber, so a query runs only while a page reads it), each show's
 * report built once per change of its log, and the few writes a report makes (unique viewers,
 * experiment notes, delete, import).
 */
import { liveValue } from '../app/liveQuery.svelte';
import { buildReport, type ShowReport } from '../../shared/report/showReport';
import type { ShowEvent } from '../../shared/show';
import type { HealthMinute } from '../../shared/obs/healthRecord';
import type { EventRow, FlashcueDb, SeriesRow, ShowRow } from '../db/db';
import { listSeries } from '../db/series';
import { deleteShow, getShow, loadEvents } from '../db/eventLog';
import { saveShowChanges } from '../db/showArchive';
import { createShowRunner } from '../show/showRunner';
import type { LiveSession } from '../show/liveSession.svelte';
import { parseChanges, serializeChanges, type ShowChanges } from './changes';
import { refusalText } from '../i18n/refusal';
import * as m from '../i18n/paraglide/messages.js';

export interface ShowEntry {
  row: ShowRow;
  events: ShowEvent[];
  report: ShowReport;
  changes: ShowChanges;
}

async function loadAll(
  db: FlashcueDb,
): Promise<{ shows: ShowRow[]; events: Map<string, EventRow[]> }> {
  return db.transaction('r', db.shows, db.events, async () => {
    const shows = await db.shows.orderBy('createdAt').reverse().toArray();
    const events = new Map<string, EventRow[]>();
    // The primary key [showId+seq] sorts each show's log in order.
    await db.events.each((row) => {
      const list = events.get(row.showId);
      if (list) list.push(row);
      else events.set(row.showId, [row]);
    });
    return { shows, events };
  });
}

/**
 * The shows that ended and their logs only. Dexie's liveQuery re-runs a query when a write
 * touches a range it read: reading just these shows' key ranges keeps the live show's sales
 * (hundreds a second through the order door) from re-reading every log and rebuilding the live
 * show's report on each batch — what the Live screen's advice needs is history.
 */
async function loadEnded(
  db: FlashcueDb,
): Promise<{ shows: ShowRow[]; events: Map<string, EventRow[]> }> {
  return db.transaction('r', db.shows, db.events, async () => {
    const shows = (await db.shows.where('status').equals('ended').toArray()).sort(
      (a, b) => b.createdAt - a.createdAt,
    );
    const logs = await Promise.all(shows.map((row) => loadEvents(db, row.id)));
    return { shows, events: new Map(shows.map((row, i) => [row.id, logs[i]!])) };
  });
}

export class ReportStore {
  #all: () => { shows: ShowRow[]; events: Map<string, EventRow[]> } | undefined;
  #ended: () => { shows: ShowRow[]; events: Map<string, EventRow[]> } | undefined;
  #one = new Map<string, () => { row: ShowRow; events: EventRow[] } | null | undefined>();
  #cache = new Map<string, { key: string; entry: ShowEntry }>();
  /** Series of linked run sheets (issue 18), newest first; undefined while loading. */
  readonly series: () => SeriesRow[] | undefined;
  #health = new Map<string, () => HealthMinute[]>();

  constructor(
    readonly db: FlashcueDb,
    private readonly live: LiveSession,
  ) {
    this.#all = liveValue<Awaited<ReturnType<typeof loadAll>> | undefined>(
      () => loadAll(db),
      undefined,
      'report',
    );
    this.series = liveValue<SeriesRow[] | undefined>(() => listSeries(db), undefined, 'series');
    this.#ended = liveValue<Awaited<ReturnType<typeof loadEnded>> | undefined>(
      () => loadEnded(db),
      undefined,
      'ended shows',
    );
  }

  /** The shows that ended, newest first (history for the Live and Plan screens); undefined while loading. */
  get ended(): ShowEntry[] | undefined {
    const all = this.#ended();
    return all?.shows.map((row) => this.#entry(row, all.events.get(row.id) ?? []));
  }

  /** Every show, newest first; undefined while loading. */
  get entries(): ShowEntry[] | undefined {
    const all = this.#all();
    return all?.shows.map((row) => this.#entry(row, all.events.get(row.id) ?? []));
  }

  /** One show: undefined while loading, null when there is no such show. */
  /** The show's per-minute stream health record (issue 19), oldest first. */
  healthMinutes(showId: string): HealthMinute[] {
    let query = this.#health.get(showId);
    if (!query) {
      query = liveValue<HealthMinute[]>(
        () => this.db.healthMinutes.where('showId').equals(showId).sortBy('minute'),
        [],
        'report',
      );
      this.#health.set(showId, query);
    }
    return query();
  }

  entry(showId: string): ShowEntry | null | undefined {
    let query = this.#one.get(showId);
    if (!query) {
      query = liveValue<{ row: ShowRow; events: EventRow[] } | null | undefined>(
        async () => {
          const row = await getShow(this.db, showId);
          return row ? { row, events: await loadEvents(this.db, showId) } : null;
        },
        undefined,
        'report',
      );
      this.#one.set(showId, query);
    }
    const found = query();
    return found ? this.#entry(found.row, found.events) : found;
  }

  /** Built once per change of the row or the log; a live show is measured up to now. */
  #entry(row: ShowRow, rows: readonly EventRow[]): ShowEntry {
    const key = `${row.createdAt}|${row.status}|${row.startedAt}|${row.endedAt}|${row.changes}|${rows.length}|${rows.at(-1)?.at ?? 0}`;
    const cached = this.#cache.get(row.id);
    if (cached && cached.key === key) return cached.entry;
    const events = rows.map((r) => r.event);
    const report = buildReport(row.sheet, events, {
      now: row.endedAt ?? Math.max(Date.now(), rows.at(-1)?.at ?? 0),
    });
    const entry: ShowEntry = { row, events, report, changes: parseChanges(row.changes) };
    this.#cache.set(row.id, { key, entry });
    return entry;
  }

  /**
   * Enters the show's unique viewers (TikTok gives the figure only after the stream). The
   * show loaded on the Live screen gets it through its own runner, the one writer; any other
   * show through a runner opened just for this and closed after, so the entry is decided and
   * logged exactly as a live one. Returns the refusal, or null.
   */
  async setUniqueViewers(showId: string, unique: number): Promise<string | null> {
    const command = { type: 'viewers' as const, unique };
    if (this.live.show?.id === showId) {
      const result = await this.live.send(command, { quiet: true });
      return result.ok ? null : result.error;
    }
    try {
      const runner = await createShowRunner({ db: this.db, showId });
      try {
        const result = await runner.dispatch(command);
        return result.ok ? null : refusalText(result);
      } finally {
        runner.stop();
      }
    } catch (error) {
      return m.rep_unique_failed({
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async saveChanges(showId: string, changes: ShowChanges): Promise<string | null> {
    try {
      await saveShowChanges(this.db, showId, serializeChanges(changes));
      return null;
    } catch (error) {
      return m.rep_notes_failed({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Deletes a show and its log; a live show is refused. The Live screen lets go of it first. */
  async remove(showId: string): Promise<string | null> {
    const row = await getShow(this.db, showId);
    if (row?.status === 'live') return m.rep_delete_live();
    if (this.live.show?.id === showId) this.live.close();
    const result = await deleteShow(this.db, showId);
    return result.ok ? null : result.error;
  }
}
