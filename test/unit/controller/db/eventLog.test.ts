import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import {
  appendEvent,
  createShow,
  deleteShow,
  getShow,
  listShows,
  loadEvents,
} from '../../../../controller/db/eventLog';
import type { ShowEvent } from '../../../../shared/show';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const cue = (i: number): ShowEvent => ({ type: 'cue', text: `cue ${i}`, at: T0 + i });

describe('appendEvent', () => {
  test('50 appends fired at once get seqs 1…50, no gaps, no repeats, in log order', async () => {
    const db = openTestDb();
    const show = await createShow(db, makeSheet(), { now: T0 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => appendEvent(db, show.id, cue(i))),
    );
    expect(results.map((r) => r.entry.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const rows = await loadEvents(db, show.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Each row holds the event its append call was given.
    for (const r of results) expect(rows[r.entry.seq - 1]!.event).toEqual(r.entry.event);
  });

  test('two shows keep separate sequences, even when interleaved', async () => {
    const db = openTestDb();
    const a = await createShow(db, makeSheet(), { now: T0 });
    const b = await createShow(db, makeSheet(), { now: T0 });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendEvent(db, i % 2 ? a.id : b.id, cue(i))),
    );
    expect((await loadEvents(db, a.id)).map((r) => r.seq)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    expect((await loadEvents(db, b.id)).map((r) => r.event.type === 'cue' && r.event.text)).toEqual(
      Array.from({ length: 10 }, (_, i) => `cue ${i * 2}`),
    );
  });

  test('a repeated commandId returns the logged entry and appends nothing', async () => {
    const db = openTestDb();
    const show = await createShow(db, makeSheet(), { now: T0 });
    const first = await appendEvent(db, show.id, cue(1), 'cmd-1');
    const again = await appendEvent(db, show.id, cue(2), 'cmd-1');
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ entry: first.entry, duplicate: true });
    // Fired together, the same id still lands once.
    const burst = await Promise.all(
      [3, 4, 5].map((i) => appendEvent(db, show.id, cue(i), 'cmd-2')),
    );
    expect(burst.filter((r) => !r.duplicate)).toHaveLength(1);
    // Rows without an id never collide with each other.
    await appendEvent(db, show.id, cue(6));
    await appendEvent(db, show.id, cue(7), null);
    const rows = await loadEvents(db, show.id);
    expect(rows.map((r) => [r.seq, r.commandId])).toEqual([
      [1, 'cmd-1'],
      [2, 'cmd-2'],
      [3, null],
      [4, null],
    ]);
    // The same command id in another show is another command.
    const other = await createShow(db, makeSheet(), { now: T0 });
    expect((await appendEvent(db, other.id, cue(1), 'cmd-1')).duplicate).toBe(false);
  });

  test('show.start and show.end move the status in the same write', async () => {
    const db = openTestDb();
    const show = await createShow(db, makeSheet(), { now: T0 });
    expect(show).toMatchObject({
      status: 'ready',
      startedAt: null,
      endedAt: null,
      term: 1,
      changes: '',
      runSheetId: 'sheet-test',
    });
    await appendEvent(db, show.id, { type: 'show.start', at: T0 + 5 });
    expect(await getShow(db, show.id)).toMatchObject({
      status: 'live',
      startedAt: T0 + 5,
      endedAt: null,
    });
    await appendEvent(db, show.id, { type: 'show.end', at: T0 + 9 });
    expect(await getShow(db, show.id)).toMatchObject({
      status: 'ended',
      startedAt: T0 + 5,
      endedAt: T0 + 9,
    });
  });

  test('an unknown show is refused with a reason, and nothing is written', async () => {
    const db = openTestDb();
    await expect(appendEvent(db, 'ghost', cue(1))).rejects.toThrow('There is no show "ghost"');
    expect(await db.events.count()).toBe(0);
  });

  test('the log and the frozen sheet survive reopening the database', async () => {
    const factory = new IDBFactory();
    const db = openTestDb(factory);
    const sheet = makeSheet();
    const show = await createShow(db, sheet, { now: T0 });
    await appendEvent(db, show.id, cue(1), 'a');
    db.close();
    const reopened = openTestDb(factory);
    expect((await getShow(reopened, show.id))?.sheet).toEqual(sheet);
    expect(await loadEvents(reopened, show.id)).toMatchObject([
      { showId: show.id, seq: 1, at: T0 + 1, commandId: 'a', event: cue(1) },
    ]);
  });
});

describe('shows', () => {
  test("createShow records the sheet's products in the catalogue", async () => {
    const db = openTestDb();
    const show = await createShow(db, makeSheet(), { now: T0 });
    const buds = await db.catalogue.get('buds');
    expect(buds).toMatchObject({
      name: 'Wireless Earbuds',
      currency: 'CNY',
      livePrice: 19900,
      lastSeenShowId: show.id,
      lastSeenAt: T0,
    });
    expect(await db.catalogue.count()).toBe(3);
    const later = await createShow(db, makeSheet(), { now: T0 + 1, id: 'rehearsal-2' });
    expect(await db.catalogue.get('buds')).toMatchObject({ lastSeenShowId: 'rehearsal-2' });
    expect((await listShows(db)).map((x) => x.id)).toEqual([later.id, show.id]);
  });

  test('deleteShow removes the show and its log, but not while it is live', async () => {
    const db = openTestDb();
    const show = await createShow(db, makeSheet(), { now: T0 });
    await appendEvent(db, show.id, { type: 'show.start', at: T0 });
    expect(await deleteShow(db, show.id)).toEqual({
      ok: false,
      error: expect.stringMatching(/live/),
    });
    await appendEvent(db, show.id, { type: 'show.end', at: T0 + 1 });
    expect(await deleteShow(db, show.id)).toEqual({ ok: true });
    expect(await getShow(db, show.id)).toBeUndefined();
    expect(await db.events.count()).toBe(0);
  });
});
