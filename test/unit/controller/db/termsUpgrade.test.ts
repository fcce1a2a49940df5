/**
 * Database version 11 keeps one term field on the show row: a database written by version 3
 * (rows with `term` and sometimes `terms`) opens with every row's history in `terms` and no
 * `term`; the shows still open as the same terms (issue 14). Show files from before it, which
 * carry `term`, still import.
 */
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { getShow } from '../../../../controller/db/eventLog';
import { termsOf } from '../../../../controller/db/replicaLog';
import { archiveJson, parseShowArchive, toArchive } from '../../../../controller/report/archive';
import { openTestDb } from '../../../support/db';
import { makeSheet } from '../../../support/sheets';

const NAME = 'flashcue-test';

/** Writes `rows` into a database at version 3, the schema before the one term field. */
async function seedVersion3(factory: IDBFactory, rows: object[]) {
  const old = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
  old.version(1).stores({
    runSheets: 'id, title, updatedAt',
    shows: 'id, runSheetId, status, createdAt',
    events: '[showId+seq], &[showId+commandId], showId',
    catalogue: 'productId, name, sku, lastSeenShowId',
    settings: 'key',
  });
  old.version(3).stores({ platformOrders: '[showId+key], showId', platformMeta: 'showId' });
  await old.table('shows').bulkPut(rows);
  old.close();
}

const oldRow = (id: string, extra: object) => ({
  id,
  runSheetId: 'sheet-test',
  status: 'ready' as const,
  createdAt: 1,
  startedAt: null,
  endedAt: null,
  sheet: makeSheet(),
  changes: '',
  ...extra,
});

test('version 11 moves every show row to one `terms` field and drops `term`', async () => {
  const factory = new IDBFactory();
  const handedOver = [
    { term: 1, startSeq: 1, device: 'dev-a' },
    { term: 2, startSeq: 40, device: 'dev-b' },
  ];
  await seedVersion3(factory, [
    oldRow('never-opened', { term: 1 }),
    oldRow('opened-as-primary', { term: 1, terms: [{ term: 1, startSeq: 1, device: 'dev-a' }] }),
    oldRow('taken-over', { term: 2, terms: handedOver }),
    oldRow('term-without-history', { term: 3 }),
  ]);

  const db = openTestDb(factory, NAME);
  const rows = await db.shows.orderBy('id').toArray();
  // At least 11: later versions (14 rooms, 15 series) open on top of it.
  expect(db.verno).toBeGreaterThanOrEqual(11);
  expect(rows.map((r) => [r.id, 'term' in r, r.terms])).toEqual([
    ['never-opened', false, []],
    ['opened-as-primary', false, [{ term: 1, startSeq: 1, device: 'dev-a' }]],
    ['taken-over', false, handedOver],
    ['term-without-history', false, [{ term: 3, startSeq: 1, device: '' }]],
  ]);
  // Read as before the upgrade: the show never opened is term 1 by whoever opens it.
  expect(termsOf((await getShow(db, 'never-opened'))!, 'dev-c')).toEqual([
    { term: 1, startSeq: 1, device: 'dev-c' },
  ]);
  expect(termsOf((await getShow(db, 'taken-over'))!, 'dev-c')).toEqual(handedOver);
  db.close();
});

test('show files keep the term history, and files from before it (with `term`) still open', async () => {
  const db = openTestDb();
  const sheet = makeSheet();
  const show = {
    ...oldRow('s1', {}),
    sheet,
    terms: [
      { term: 1, startSeq: 1, device: 'dev-a' },
      { term: 2, startSeq: 1, device: 'dev-b' },
    ],
  } as const;
  const file = archiveJson(toArchive({ ...show, terms: [...show.terms] }, [], 0));
  const written = JSON.parse(file) as { show: Record<string, unknown> };
  expect(written.show).not.toHaveProperty('term');
  const back = parseShowArchive(file);
  expect(back.ok && back.value.show.terms).toEqual(show.terms);

  const { terms: _terms, ...olderShow } = written.show;
  for (const [term, terms] of [
    [1, []],
    [2, [{ term: 2, startSeq: 1, device: '' }]],
  ] as const) {
    const older = parseShowArchive(JSON.stringify({ ...written, show: { ...olderShow, term } }));
    expect(older.ok && older.value.show.terms).toEqual(terms);
  }
  const wrong = parseShowArchive(JSON.stringify({ ...written, show: { ...olderShow, term: 0 } }));
  expect(wrong.ok ? [] : wrong.errors).toEqual([
    { path: 'show.term', message: 'must be at least 1' },
  ]);
  db.close();
});
