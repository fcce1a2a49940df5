/**
 * The log as a backup controller keeps it: entries copied from the primary keep their seq
 * and command id, so a takeover continues the same log and a re-sent command is still known.
 * Terms (who wrote which seqs) live on the show row. Orphans — entries a deposed primary wrote
 * that the new primary never got — are moved aside in the same transaction that removes them from
 * the log, and stay until the primary has acknowledged each one.
 */
import type { ShowEvent } from '../../shared/show';
import {
  firstTerms,
  orphanId,
  termAt,
  type OrphanEntry,
  type TermStart,
} from '../../shared/replica/terms';
import type { EventRow, FlashcueDb, ShowRow } from './db';
import { showRange, statusAfter } from './eventLog';

const ORPHANS = (showId: string) => `orphans:${showId}`;

export interface MirroredEntry {
  seq: number;
  commandId: string | null;
  event: ShowEvent;
}

/** The show's term history; a show that never changed hands was written by the device that created it. */
export function termsOf(show: Pick<ShowRow, 'terms'>, device: string): TermStart[] {
  return show.terms.length ? show.terms : firstTerms(device);
}

export async function lastSeq(db: FlashcueDb, showId: string): Promise<number> {
  const [lower, upper] = showRange(showId);
  const last = await db.events.where('[showId+seq]').between(lower, upper, true, true).last();
  return last?.seq ?? 0;
}

/** Stores the primary's show (its frozen sheet) when this device does not have it yet. */
export async function adoptShow(db: FlashcueDb, show: ShowRow): Promise<void> {
  await db.transaction('rw', db.shows, async () => {
    if (!(await db.shows.get(show.id))) await db.shows.add(show);
  });
}

/**
 * Appends copied entries that continue the local log (seq = last + 1, …); entries already
 * held are skipped, and anything after a gap waits for the sync that fills it. Returns the
 * new last seq and the rows added.
 */
export async function appendMirrored(
  db: FlashcueDb,
  showId: string,
  entries: readonly MirroredEntry[],
  now = Date.now(),
): Promise<{ lastSeq: number; added: EventRow[] }> {
  return db.transaction('rw', db.shows, db.events, async () => {
    let last = await lastSeq(db, showId);
    const added: EventRow[] = [];
    for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
      if (entry.seq <= last) continue;
      if (entry.seq !== last + 1) break;
      const row: EventRow = {
        showId,
        seq: entry.seq,
        at: entry.event.at,
        event: entry.event,
        commandId: entry.commandId,
        loggedAt: now,
      };
      await db.events.add(row);
      added.push(row);
      last = entry.seq;
      const status = statusAfter(entry.event);
      if (status) await db.shows.update(showId, status);
    }
    return { lastSeq: last, added };
  });
}

export async function setTerms(
  db: FlashcueDb,
  showId: string,
  terms: readonly TermStart[],
): Promise<void> {
  await db.shows.update(showId, { terms: terms.map((t) => ({ ...t })) });
}

/**
 * Cuts the local log back to `fromSeq - 1`: the removed entries are saved as orphans (added to
 * any not yet handed over) in the same transaction, so a crash in between loses nothing.
 * The show's status follows the log that is left.
 */
export async function cutOrphans(
  db: FlashcueDb,
  showId: string,
  fromSeq: number,
  terms: readonly TermStart[],
): Promise<OrphanEntry[]> {
  return db.transaction('rw', db.shows, db.events, db.settings, async () => {
    const [, upper] = showRange(showId);
    const rows = await db.events
      .where('[showId+seq]')
      .between([showId, fromSeq], upper, true, true)
      .toArray();
    if (!rows.length) return loadOrphans(db, showId);
    const kept = await loadOrphans(db, showId);
    const known = new Set(kept.map((o) => o.id));
    const cut = rows.map(({ seq, commandId, event }) => ({
      id: orphanId(showId, termAt(terms, seq)?.term ?? 1, seq, commandId),
      seq,
      event,
    }));
    const orphans = [...kept, ...cut.filter((o) => !known.has(o.id))];
    await db.settings.put({ key: ORPHANS(showId), value: orphans });
    await db.events.where('[showId+seq]').between([showId, fromSeq], upper, true, true).delete();
    const left = await db.events.where('showId').equals(showId).toArray();
    const started = left.find((r) => r.event.type === 'show.start');
    const ended = left.find((r) => r.event.type === 'show.end');
    await db.shows.update(showId, {
      status: ended ? 'ended' : started ? 'live' : 'ready',
      startedAt: started?.event.at ?? null,
      endedAt: ended?.event.at ?? null,
    });
    return orphans;
  });
}

export async function loadOrphans(db: FlashcueDb, showId: string): Promise<OrphanEntry[]> {
  const row = await db.settings.get(ORPHANS(showId));
  return Array.isArray(row?.value) ? (row.value as OrphanEntry[]) : [];
}

/** Forgets orphans that are settled: handed over and acknowledged, or listed as not carried over. */
export async function settleOrphans(
  db: FlashcueDb,
  showId: string,
  ids: readonly string[],
): Promise<OrphanEntry[]> {
  return db.transaction('rw', db.settings, async () => {
    const done = new Set(ids);
    const left = (await loadOrphans(db, showId)).filter((o) => !done.has(o.id));
    if (left.length) await db.settings.put({ key: ORPHANS(showId), value: left });
    else await db.settings.delete(ORPHANS(showId));
    return left;
  });
}
