/** The unread append of the sales path, and each way it falls back to the careful one. */
import { IDBTransaction } from 'fake-indexeddb';
import { describe, expect, test, vi } from 'vitest';
import { appendAt } from '../../../../controller/db/appendAt';
import { appendEvent, createShow, getShow, loadEvents } from '../../../../controller/db/eventLog';
import type { ShowEvent } from '../../../../shared/show';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const cue = (i: number): ShowEvent => ({ type: 'cue', text: `cue ${i}`, at: T0 + i });

async function fresh() {
  const db = openTestDb();
  const show = await createShow(db, makeSheet(), { now: T0 });
  return { db, showId: show.id };
}

describe('appendAt', () => {
  test('appends at the seq it is told, contiguous, and moves the status with show.start', async () => {
    const { db, showId } = await fresh();
    await appendAt(db, showId, 1, { type: 'show.start', at: T0 }, 'a');
    await appendAt(db, showId, 2, cue(2), 'b');
    await appendAt(db, showId, 3, cue(3), null);
    expect((await loadEvents(db, showId)).map((r) => [r.seq, r.commandId])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, null],
    ]);
    expect((await getShow(db, showId))?.status).toBe('live');
  });

  test('a seq someone else took: lands after it instead, nothing overwritten', async () => {
    const { db, showId } = await fresh();
    await appendAt(db, showId, 1, cue(1), null);
    await appendEvent(db, showId, cue(2), 'other-writer'); // seq 2, behind the writer's back
    const result = await appendAt(db, showId, 2, cue(3), 'mine');
    expect(result).toMatchObject({ duplicate: false, entry: { seq: 3, commandId: 'mine' } });
    const rows = await loadEvents(db, showId);
    expect(rows.map((r) => r.commandId)).toEqual([null, 'other-writer', 'mine']);
  });

  test('a command id seen before: the earlier entry, nothing added', async () => {
    const { db, showId } = await fresh();
    const first = await appendAt(db, showId, 1, cue(1), 'dup');
    const again = await appendAt(db, showId, 2, cue(2), 'dup');
    expect(again).toEqual({ entry: first.entry, duplicate: true });
    expect(await loadEvents(db, showId)).toHaveLength(1);
  });

  test('a sale is committed as soon as it is sent; show.start (the show row moves too) is not', async () => {
    const { db, showId } = await fresh();
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    try {
      await appendAt(db, showId, 1, { type: 'show.start', at: T0 }, 'a');
      expect(commit).not.toHaveBeenCalled();
      await appendAt(db, showId, 2, cue(2), 'b');
      expect(commit).toHaveBeenCalledTimes(1);
    } finally {
      commit.mockRestore();
    }
    expect((await loadEvents(db, showId)).map((r) => r.seq)).toEqual([1, 2]);
  });

  test('a log cut behind the writer (its seq would leave a gap): appended with no gap', async () => {
    const { db, showId } = await fresh();
    await appendAt(db, showId, 1, cue(1), null);
    await appendAt(db, showId, 2, cue(2), null);
    await db.events.delete([showId, 2]); // e.g. a deposed primary's orphans cut away
    const result = await appendAt(db, showId, 3, cue(3), null);
    expect(result.entry.seq).toBe(2);
    expect((await loadEvents(db, showId)).map((r) => r.seq)).toEqual([1, 2]);
  });
});
