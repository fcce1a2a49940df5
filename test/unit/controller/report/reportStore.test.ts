/** The report's writes: unique viewers through the show's own rules, deletes that spare a live show. */
import { describe, expect, test, vi } from 'vitest';
import { createShow, getShow, loadEvents } from '../../../../controller/db/eventLog';
import { ReportStore } from '../../../../controller/report/reportStore.svelte';
import type { LiveSession } from '../../../../controller/show/liveSession.svelte';
import { openTestDb } from '../../../support/db';
import { makeSheet } from '../../../support/sheets';
import { storeShow } from '../../../support/reportArchive';

/** A Live screen with no show loaded, or with `showId` loaded. */
function liveStub(showId: string | null = null) {
  return {
    show: showId ? { id: showId } : null,
    send: vi.fn(async () => ({
      ok: true as const,
      event: { type: 'viewers', concurrent: null, unique: 1, at: 0 },
      seq: 1,
    })),
    close: vi.fn(),
  } as unknown as LiveSession & { send: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> };
}

describe('unique viewers after the show', () => {
  test('a show not on the Live screen: logged through a runner of its own, as the last event', async () => {
    const db = openTestDb();
    const { row, events } = await storeShow(db);
    const live = liveStub();
    const store = new ReportStore(db, live);
    expect(await store.setUniqueViewers(row.id, 1200)).toBeNull();
    const after = await loadEvents(db, row.id);
    expect(after).toHaveLength(events.length + 1);
    expect(after.at(-1)!.event).toMatchObject({ type: 'viewers', unique: 1200, concurrent: null });
    expect(live.send).not.toHaveBeenCalled();
  });

  test('the show on the Live screen: sent through the Live screen, the one writer', async () => {
    const db = openTestDb();
    const { row, events } = await storeShow(db);
    const live = liveStub(row.id);
    expect(await new ReportStore(db, live).setUniqueViewers(row.id, 40)).toBeNull();
    expect(live.send).toHaveBeenCalledWith({ type: 'viewers', unique: 40 }, { quiet: true });
    expect(await loadEvents(db, row.id)).toHaveLength(events.length);
  });

  test("a show never started is refused with the machine's sentence; a missing show says so", async () => {
    const db = openTestDb();
    const show = await createShow(db, makeSheet());
    const store = new ReportStore(db, liveStub());
    expect(await store.setUniqueViewers(show.id, 10)).toBe(
      'Start the show before you enter viewers.',
    );
    expect(await loadEvents(db, show.id)).toHaveLength(0);
    expect(await store.setUniqueViewers('missing', 10)).toMatch(/no show "missing"/);
  });
});

describe('delete', () => {
  test('a live show is refused; an ended one goes, and the Live screen lets go of it first', async () => {
    const db = openTestDb();
    const { row } = await storeShow(db);
    await db.shows.update(row.id, { status: 'live' });
    const live = liveStub(row.id);
    const store = new ReportStore(db, live);
    expect(await store.remove(row.id)).toMatch(/live/);
    expect(await getShow(db, row.id)).toBeDefined();
    await db.shows.update(row.id, { status: 'ended' });
    expect(await store.remove(row.id)).toBeNull();
    expect(live.close).toHaveBeenCalled();
    expect(await getShow(db, row.id)).toBeUndefined();
    expect(await loadEvents(db, row.id)).toHaveLength(0);
  });
});
