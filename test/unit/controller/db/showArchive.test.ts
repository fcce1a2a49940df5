/** Show files in and out of storage: nothing saved is ever overwritten. */
import { describe, expect, test } from 'vitest';
import {
  exportShowArchive,
  importShowArchive,
  importShowArchiveText,
  saveShowChanges,
} from '../../../../controller/db/showArchive';
import { getShow, loadEvents } from '../../../../controller/db/eventLog';
import { archiveJson, parseShowArchive } from '../../../../controller/report/archive';
import { buildReport } from '../../../../shared/report/showReport';
import { openTestDb } from '../../../support/db';
import { clone, storeShow } from '../../../support/reportArchive';

const reportOf = async (db: ReturnType<typeof openTestDb>, id: string) => {
  const row = (await getShow(db, id))!;
  return buildReport(
    row.sheet,
    (await loadEvents(db, id)).map((r) => r.event),
    { now: row.endedAt! },
  );
};

describe('export then import', () => {
  test('into another browser: the same id, the same log, the same report', async () => {
    const here = openTestDb();
    const { row } = await storeShow(here);
    await saveShowChanges(here, row.id, 'Started an hour later');
    const text = archiveJson(await exportShowArchive(here, row.id));

    const there = openTestDb();
    const result = await importShowArchiveText(there, text);
    expect(result).toMatchObject({
      ok: true,
      showId: row.id,
      outcome: 'added',
      title: 'Test show',
    });
    expect(await getShow(there, row.id)).toEqual({ ...(await getShow(here, row.id))! });
    const strip = (rows: Awaited<ReturnType<typeof loadEvents>>) =>
      rows.map(({ loggedAt: _l, ...r }) => r);
    expect(strip(await loadEvents(there, row.id))).toEqual(strip(await loadEvents(here, row.id)));
    expect(await reportOf(there, row.id)).toEqual(await reportOf(here, row.id));
  });

  test('the same file twice: the second import reuses the show and adds nothing', async () => {
    const db = openTestDb();
    const { row } = await storeShow(db);
    const text = archiveJson(await exportShowArchive(db, row.id));
    const before = await db.events.count();
    expect(await importShowArchiveText(db, text)).toMatchObject({
      ok: true,
      showId: row.id,
      outcome: 'reused',
    });
    expect(await db.shows.count()).toBe(1);
    expect(await db.events.count()).toBe(before);
  });

  test('an id taken by a different show: stored as a copy, and the show already there is untouched', async () => {
    const db = openTestDb();
    const { row } = await storeShow(db);
    const archive = await exportShowArchive(db, row.id);
    // The notes were edited here after the export: the two have parted ways.
    await saveShowChanges(db, row.id, 'Changed the order');
    const storedRow = await getShow(db, row.id);
    const storedEvents = await loadEvents(db, row.id);

    const first = await importShowArchive(db, archive);
    expect(first.outcome).toBe('copied');
    expect(first.showId).not.toBe(row.id);
    expect(await getShow(db, row.id)).toEqual(storedRow);
    expect(await loadEvents(db, row.id)).toEqual(storedEvents);
    expect((await getShow(db, first.showId))!.changes).toBe('');
    expect(await reportOf(db, first.showId)).toEqual(await reportOf(db, row.id));

    // The same file again finds the copy rather than making a third show.
    const again = await importShowArchive(db, archive);
    expect(again).toEqual({ ...first, outcome: 'reused' });
    expect(await db.shows.count()).toBe(2);
  });

  test('a refused file writes nothing', async () => {
    const db = openTestDb();
    const { row } = await storeShow(db);
    const archive = clone(await exportShowArchive(db, row.id));
    archive.show.id = 'fresh-id';
    archive.events[3]!.seq = 3;
    const result = await importShowArchiveText(db, archiveJson(archive));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe('events[3].seq');
    expect(await getShow(db, 'fresh-id')).toBeUndefined();
    expect(await db.events.where('showId').equals('fresh-id').count()).toBe(0);
  });

  test('the catalogue learns new products but keeps the rows it has', async () => {
    const here = openTestDb();
    const { row } = await storeShow(here);
    const archive = await exportShowArchive(here, row.id);
    const there = openTestDb();
    await there.catalogue.put({
      productId: 'buds',
      name: 'Earbuds (renamed here)',
      sku: null,
      category: null,
      retailPrice: 1,
      livePrice: 1,
      currency: 'CNY',
      lastSeenShowId: 'elsewhere',
      lastSeenAt: 1,
    });
    await importShowArchive(there, archive);
    expect((await there.catalogue.get('buds'))!.name).toBe('Earbuds (renamed here)');
    expect((await there.catalogue.get('mask'))!.lastSeenShowId).toBe(row.id);
  });

  test('an export reads the log as stored, in seq order', async () => {
    const db = openTestDb();
    const { row, log } = await storeShow(db);
    const archive = await exportShowArchive(db, row.id, 42);
    expect(archive.exportedAt).toBe(new Date(42).toISOString());
    expect(archive.events.map((e) => e.event)).toEqual(log);
    expect(archive.events.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(parseShowArchive(archiveJson(archive)).ok).toBe(true);
  });
});

describe('experiment notes', () => {
  test('saved on the show row; an unknown show is an error', async () => {
    const db = openTestDb();
    const { row } = await storeShow(db);
    await saveShowChanges(db, row.id, 'Host style: calmer');
    expect((await getShow(db, row.id))!.changes).toBe('Host style: calmer');
    await expect(saveShowChanges(db, 'missing', 'x')).rejects.toThrow(/no show "missing"/);
  });
});
