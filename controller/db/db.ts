/**
 * The controller's one IndexedDB database. Nothing here opens it at import time: the entry's
 * wiring module creates one `FlashcueDb` (tests create one per test, on their own IDBFactory).
 */
import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { RunSheet } from '../../shared/runsheet';
import type { ShowEvent } from '../../shared/show';
import type { PlatformLine } from '../../shared/orders/types';
import type { PlatformMeta } from '../../shared/orders/platformReport';
import { termsFromCurrent } from '../../shared/replica/terms';
import type { SeriesDef } from '../../shared/import/series';
import type { HealthMinute } from '../../shared/obs/healthRecord';

export const DEFAULT_DB_NAME = 'flashcue';

/** A saved plan, editable. Shows run a frozen copy, so editing it never rewrites history. */
export interface RunSheetRow {
  id: string;
  title: string;
  sheet: RunSheet;
  createdAt: number;
  updatedAt: number;
}

export type ShowStatus = 'ready' | 'live' | 'ended';

export interface ShowRow {
  id: string;
  runSheetId: string;
  status: ShowStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** The run sheet as it was when the show was created: replay must see the same plan. */
  sheet: RunSheet;
  /** What this show changed against earlier ones (experiment notes), free text. */
  changes: string;
  /**
   * The show's one term field: which primary/backup term wrote which seqs (term k from its
   * startSeq on; the current term is the last). Empty = term 1 throughout, written by the device
   * that opens it as primary. Not indexed. Before version 11 a row also held `term`.
   */
  terms: Array<{ term: number; startSeq: number; device: string }>;
}

export interface EventRow {
  showId: string;
  /** 1, 2, 3… per show, no gaps: the order replay applies events in. */
  seq: number;
  /** When the event was accepted (show time): the same as `event.at`, kept for queries. */
  at: number;
  event: ShowEvent;
  /** The sender's command id, unique per show when present: a re-sent command is not re-applied. */
  commandId: string | null;
  /** Wall-clock time of the write, for diagnostics only: replay never reads it. */
  loggedAt: number;
}

/** A product as last seen in any show, so the editor can offer it again. */
export interface CatalogueRow {
  productId: string;
  name: string;
  sku: string | null;
  category: string | null;
  retailPrice: number;
  livePrice: number;
  currency: string;
  lastSeenShowId: string;
  lastSeenAt: number;
  /** Export lines a person assigned to this product (`sku:…`, `skuid:…`, `name:…`). Not indexed. */
  platformKeys?: string[];
}

/** One line of a platform's order export, kept beside a show's log (never in it). */
export interface PlatformOrderRow extends PlatformLine {
  showId: string;
}

/** A show's import settings (window, zone), import history and the platform's LIVE summary. */
export interface PlatformMetaRow extends PlatformMeta {
  showId: string;
}

/** A series of linked run sheets (issue 18): one per scheduled date, and its bonus terms. */
export interface SeriesRow extends SeriesDef {
  createdAt: number;
}

/** The live room's aggregates for one show (issue 17): questions, pins, per-segment counts. */
export interface RoomRow {
  showId: string;
  /** shared/room/saved.ts `SavedRoom`, checked with zod when read back. */
  room: unknown;
  updatedAt: number;
}

/** One poll or giveaway event of a show (issue 19): shared/poll/events.ts, checked when read. */
export interface PollLogRow {
  showId: string;
  seq: number;
  event: unknown;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A pre-11 row's history: its `terms` when it had them, else what its `term` says. */
function termsFromOldRow(row: { term?: unknown; terms?: unknown }): ShowRow['terms'] {
  if (Array.isArray(row.terms) && row.terms.length) return row.terms as ShowRow['terms'];
  return termsFromCurrent(row.term);
}

export class FlashcueDb extends Dexie {
  runSheets!: EntityTable<RunSheetRow, 'id'>;
  shows!: EntityTable<ShowRow, 'id'>;
  events!: Table<EventRow, [string, number]>;
  catalogue!: EntityTable<CatalogueRow, 'productId'>;
  settings!: EntityTable<SettingRow, 'key'>;
  platformOrders!: Table<PlatformOrderRow, [string, string]>;
  platformMeta!: EntityTable<PlatformMetaRow, 'showId'>;
  series!: EntityTable<SeriesRow, 'id'>;
  rooms!: EntityTable<RoomRow, 'showId'>;
  healthMinutes!: Table<HealthMinute, [string, number]>;
  pollLog!: Table<PollLogRow, [string, number]>;

  /** `options` takes a test's own `indexedDB` / `IDBKeyRange` (fake-indexeddb). */
  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    // 'strict': a commit is reported only once it is flushed to disk, so an ack (which waits
    // for the commit) survives a power cut too; Chromium's default ('relaxed') survives only a
    // browser crash. Cost measured in `npm run bench` (row 1c); README, Reliability.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    // Versions only ever go up. To change the schema, ADD `this.version(2).stores({...})`
    // (with an `.upgrade()` when rows must change) below this one; never edit version 1,
    // because browsers that already hold version 1 would never see the edit.
    this.version(1).stores({
      runSheets: 'id, title, updatedAt',
      shows: 'id, runSheetId, status, createdAt',
      // Rows without a commandId (null) are left out of the unique index, as IndexedDB
      // skips invalid keys: only real command ids must be unique per show.
      events: '[showId+seq], &[showId+commandId], showId',
      catalogue: 'productId, name, sku, lastSeenShowId',
      settings: 'key',
    });
    // Version 3 (issue 15): platform order exports beside each show's log. Version 2 is the
    // rooms work's; Dexie carries every table forward, so only the new tables are named.
    this.version(3).stores({
      platformOrders: '[showId+key], showId',
      platformMeta: 'showId',
    });
    // Version 11 (issue 14): one term field. Rows held both `term` (the current term) and an
    // optional `terms` (the history, whose last entry is the current term); `terms` stays.
    this.version(11)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('shows')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            Object.assign(row, { terms: termsFromOldRow(row) });
            delete row.term;
          }),
      );
    // Version 14 (issue 17): the live room's aggregates per show, so the question queue, the pin
    // and the per-segment counts survive a reload. Room events themselves are never stored.
    this.version(14).stores({ rooms: 'showId' });
    // Version 15 (issue 18): series of linked run sheets. Sheets stay in runSheets; a series
    // row lists its sessions' sheet ids, so nothing about a sheet changes by being in one.
    this.version(15).stores({ series: 'id, createdAt' });
    // Version 16 (issue 19): the per-minute stream health record beside each show's log.
    this.version(16).stores({ healthMinutes: '[showId+minute], showId' });
    // Version 17 (issue 19): each show's poll and giveaway events, replayed on a reload.
    this.version(17).stores({ pollLog: '[showId+seq], showId' });
  }
}
