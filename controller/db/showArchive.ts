/**
 * Shows in and out of storage as whole files (controller/report/archive.ts), and the one
 * field of a show a person edits after it: the experiment notes.
 *
 * Import never overwrites: a file whose show id is free is stored under that id; one whose
 * content is already stored (under its own id or as an earlier copy) is reused; one whose id is
 * taken by different content is stored as a copy under a new id.
 */
import { parseShowArchive, sameContent, toArchive, type ShowArchive } from '../report/archive';
import type { LocatedError } from '../../shared/validation';
import type { CatalogueRow, EventRow, FlashcueDb, ShowRow } from './db';
import { getShow, loadEvents, UnknownShowError } from './eventLog';
import { loadPlatform, restorePlatform } from './platformOrders';
import { keptRoom, restoreKeptRoom } from './roomArchive';
import { loadHealth, restoreHealth } from './healthArchive';

export async function exportShowArchive(
  db: FlashcueDb,
  showId: string,
  now: number = Date.now(),
): Promise<ShowArchive> {
  const tables = [
    db.shows,
    db.events,
    db.platformOrders,
    db.platformMeta,
    db.healthMinutes,
    db.rooms,
  ];
  return db.transaction('r', tables, async () => {
    const show = await getShow(db, showId);
    if (!show) throw new UnknownShowError(showId);
    const events = await loadEvents(db, showId);
    const platform = await loadPlatform(db, showId);
    const archive = toArchive(show, events, now, platform, await keptRoom(db, showId));
    const health = await loadHealth(db, showId); // issue 19: kept beside the log, optional
    return health.length ? { ...archive, health } : archive;
  });
}

export type ImportOutcome = 'added' | 'reused' | 'copied';

export interface ArchiveImport {
  showId: string;
  outcome: ImportOutcome;
  title: string;
}

/** Stores a checked archive; see the module comment for what happens to an id that is taken. */
export async function importShowArchive(
  db: FlashcueDb,
  archive: ShowArchive,
  now: number = Date.now(),
): Promise<ArchiveImport> {
  const title = archive.sheet.show.title;
  const tables = [
    db.shows,
    db.events,
    db.catalogue,
    db.platformOrders,
    db.platformMeta,
    db.healthMinutes,
    db.rooms,
  ];
  return db.transaction('rw', tables, async () => {
    const same = await findSameContent(db, archive);
    if (same) {
      // The same show, perhaps without the orders imported since: add them (same keys).
      if (archive.platform) await restorePlatform(db, same, archive.platform);
      if (archive.health) await restoreHealth(db, same, archive.health);
      if (archive.room) await restoreKeptRoom(db, same, archive.room, now, { keep: true });
      return { showId: same, outcome: 'reused' as const, title };
    }
    const taken = (await db.shows.get(archive.show.id)) !== undefined;
    const showId = taken ? crypto.randomUUID() : archive.show.id;
    const row: ShowRow = { ...archive.show, id: showId, sheet: archive.sheet };
    const events: EventRow[] = archive.events.map((e) => ({
      showId,
      seq: e.seq,
      at: e.event.at,
      event: e.event,
      commandId: e.commandId,
      loggedAt: now,
    }));
    await db.shows.add(row);
    if (events.length) await db.events.bulkAdd(events);
    await rememberProducts(db, archive, showId);
    if (archive.platform) await restorePlatform(db, showId, archive.platform);
    if (archive.health) await restoreHealth(db, showId, archive.health);
    if (archive.room) await restoreKeptRoom(db, showId, archive.room, now);
    return { showId, outcome: taken ? ('copied' as const) : ('added' as const), title };
  });
}

/** A show already stored with this content: the same id, or a copy made by an earlier import. */
async function findSameContent(db: FlashcueDb, archive: ShowArchive): Promise<string | null> {
  const candidates = await db.shows
    .where('runSheetId')
    .equals(archive.show.runSheetId)
    .filter((s) => s.createdAt === archive.show.createdAt && s.startedAt === archive.show.startedAt)
    .toArray();
  // The show under its own id first, so a re-import opens the original rather than a copy.
  candidates.sort((a, b) => Number(b.id === archive.show.id) - Number(a.id === archive.show.id));
  for (const show of candidates) {
    if (sameContent(toArchive(show, await loadEvents(db, show.id), 0), archive)) return show.id;
  }
  return null;
}

/** Products the catalogue has never seen are offered by the editor from now on; known ones keep their row. */
async function rememberProducts(
  db: FlashcueDb,
  archive: ShowArchive,
  showId: string,
): Promise<void> {
  const { products, show } = archive.sheet;
  if (!products.length) return;
  const known = new Set(
    (await db.catalogue.bulkGet(products.map((p) => p.id)))
      .filter(Boolean)
      .map((r) => r!.productId),
  );
  const rows: CatalogueRow[] = products
    .filter((p) => !known.has(p.id))
    .map((p) => ({
      productId: p.id,
      name: p.name,
      sku: p.sku ?? null,
      category: p.category ?? null,
      retailPrice: p.retailPrice,
      livePrice: p.livePrice,
      currency: show.currency,
      lastSeenShowId: showId,
      lastSeenAt: archive.show.startedAt ?? archive.show.createdAt,
    }));
  if (rows.length) await db.catalogue.bulkAdd(rows);
}

export type ArchiveImportResult =
  ({ ok: true } & ArchiveImport) | { ok: false; errors: LocatedError[] };

/** A file's text: checked whole before anything is written. */
export async function importShowArchiveText(
  db: FlashcueDb,
  text: string,
  now?: number,
): Promise<ArchiveImportResult> {
  const parsed = parseShowArchive(text);
  if (!parsed.ok) return parsed;
  return { ok: true, ...(await importShowArchive(db, parsed.value, now)) };
}

/** Saves the experiment notes (controller/report/changes.ts writes the text). */
export async function saveShowChanges(
  db: FlashcueDb,
  showId: string,
  changes: string,
): Promise<void> {
  await db.transaction('rw', db.shows, async () => {
    if (!(await db.shows.get(showId))) throw new UnknownShowError(showId);
    await db.shows.update(showId, { changes });
  });
}
