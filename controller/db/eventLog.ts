/**
 * Shows and their event logs. The log is the show's truth: the actor is rebuilt from it after
 * a reload, so an append either lands whole with the next sequence number or not at all.
 */
import { Dexie } from 'dexie';
import type { RunSheet } from '../../shared/runsheet';
import type { ShowEvent } from '../../shared/show';
import type { CatalogueRow, EventRow, FlashcueDb, ShowRow } from './db';

export interface AppendResult {
  entry: EventRow;
  /** True when `commandId` had been logged before: `entry` is that earlier row, nothing was added. */
  duplicate: boolean;
}

/** Raised for a missing show: the caller asked for something that does not exist. */
export class UnknownShowError extends Error {
  constructor(showId: string) {
    super(`There is no show "${showId}" in this browser's storage.`);
    this.name = 'UnknownShowError';
  }
}

/** Every key of one show's log (the events table's [showId+seq] primary key). */
export const showRange = (showId: string) =>
  [
    [showId, Dexie.minKey],
    [showId, Dexie.maxKey],
  ] as const;

/**
 * Appends `event` with the next seq. Reading the last seq and adding the row happen in one
 * read-write transaction over shows+events, which IndexedDB runs one at a time: two appends
 * can never share or skip a number. show.start / show.end also move the show's status here,
 * so the status and the log can never disagree.
 */
export async function appendEvent(
  db: FlashcueDb,
  showId: string,
  event: ShowEvent,
  commandId?: string | null,
): Promise<AppendResult> {
  const [lower, upper] = showRange(showId);
  return db.transaction('rw', db.shows, db.events, async () => {
    // The reads go out together, then the writes: each wait for IndexedDB is a round trip to
    // the browser's storage and a task on this thread, on the path from a click to the overlays.
    const [show, earlier, last] = await Promise.all([
      db.shows.get(showId),
      commandId ? findByCommandId(db, showId, commandId) : undefined,
      db.events.where('[showId+seq]').between(lower, upper, true, true).last(),
    ]);
    if (!show) throw new UnknownShowError(showId);
    if (earlier) return { entry: earlier, duplicate: true };
    const entry: EventRow = {
      showId,
      seq: (last?.seq ?? 0) + 1,
      at: event.at,
      event,
      commandId: commandId || null,
      loggedAt: Date.now(),
    };
    const status = statusAfter(event);
    await Promise.all([db.events.add(entry), status && db.shows.update(showId, status)]);
    return { entry, duplicate: false };
  });
}

/** The show row's change an event brings (show.start / show.end), else null. */
export function statusAfter(event: ShowEvent): Partial<ShowRow> | null {
  if (event.type === 'show.start') return { status: 'live', startedAt: event.at };
  if (event.type === 'show.end') return { status: 'ended', endedAt: event.at };
  return null;
}

export async function findByCommandId(
  db: FlashcueDb,
  showId: string,
  commandId: string,
): Promise<EventRow | undefined> {
  return db.events.where('[showId+commandId]').equals([showId, commandId]).first();
}

/** The show's log in seq order (the compound primary key sorts it). Timed as `flashcue:loadEvents`. */
export async function loadEvents(db: FlashcueDb, showId: string): Promise<EventRow[]> {
  const start = performance.now();
  const [lower, upper] = showRange(showId);
  const rows = await db.events.where('[showId+seq]').between(lower, upper, true, true).toArray();
  performance.measure('flashcue:loadEvents', { start });
  return rows;
}

export interface CreateShowOptions {
  id?: string;
  now?: number;
  changes?: string;
}

/**
 * A new show in status 'ready' running a frozen copy of `runSheet` (validated already: it is
 * a parsed RunSheet). Its products are recorded in the catalogue in the same transaction.
 */
export async function createShow(
  db: FlashcueDb,
  runSheet: RunSheet,
  options: CreateShowOptions = {},
): Promise<ShowRow> {
  const now = options.now ?? Date.now();
  const show: ShowRow = {
    id: options.id ?? crypto.randomUUID(),
    runSheetId: runSheet.id,
    status: 'ready',
    createdAt: now,
    startedAt: null,
    endedAt: null,
    sheet: structuredClone(runSheet),
    changes: options.changes ?? '',
    terms: [],
  };
  const products: CatalogueRow[] = runSheet.products.map((p) => ({
    productId: p.id,
    name: p.name,
    sku: p.sku ?? null,
    category: p.category ?? null,
    retailPrice: p.retailPrice,
    livePrice: p.livePrice,
    currency: runSheet.show.currency,
    lastSeenShowId: show.id,
    lastSeenAt: now,
  }));
  await db.transaction('rw', db.shows, db.catalogue, async () => {
    await db.shows.add(show);
    if (products.length) await db.catalogue.bulkPut(products);
  });
  return show;
}

export async function getShow(db: FlashcueDb, showId: string): Promise<ShowRow | undefined> {
  return db.shows.get(showId);
}

/** Newest first. */
export async function listShows(db: FlashcueDb): Promise<ShowRow[]> {
  return db.shows.orderBy('createdAt').reverse().toArray();
}

/**
 * Removes a show, its log and what is kept beside it (imported platform orders, the room's
 * counts, the health record) — a rehearsal, a mistake — in one transaction: a failure leaves all of them. Refused while it is live.
 */
export async function deleteShow(
  db: FlashcueDb,
  showId: string,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const tables = [
    db.shows,
    db.events,
    db.platformOrders,
    db.platformMeta,
    db.rooms,
    db.healthMinutes,
  ];
  return db.transaction('rw', tables, async () => {
    const show = await db.shows.get(showId);
    if (!show) return { ok: true as const };
    if (show.status === 'live')
      return { ok: false as const, error: 'This show is live: end it before you delete it.' };
    const [lower, upper] = showRange(showId);
    await db.events.where('[showId+seq]').between(lower, upper, true, true).delete();
    await db.platformOrders.where('showId').equals(showId).delete();
    await db.platformMeta.delete(showId);
    await db.rooms.delete(showId); // the live room's counts (issue 17)
    await db.healthMinutes.where('showId').equals(showId).delete(); // issue 19's record
    await db.shows.delete(showId);
    return { ok: true as const };
  });
}
