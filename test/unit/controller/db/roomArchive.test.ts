/** The live room's kept row goes out with a show file and comes back in with it. */
import { describe, expect, test } from 'vitest';
import { exportShowArchive, importShowArchiveText } from '../../../../controller/db/showArchive';
import { archiveJson } from '../../../../controller/report/archive';
import { openTestDb } from '../../../support/db';
import { storeShow } from '../../../support/reportArchive';
import { keptRoom } from '../../../support/keptRoom';

describe('the room in a show file', () => {
  test('exported with the show, imported elsewhere under the show: the same kept room', async () => {
    const here = openTestDb();
    const { row } = await storeShow(here);
    await here.rooms.put({ showId: row.id, room: keptRoom(), updatedAt: 1 });
    const archive = await exportShowArchive(here, row.id);
    expect(archive.room).toEqual(keptRoom());

    const there = openTestDb();
    const result = await importShowArchiveText(there, archiveJson(archive), 5);
    expect(result).toMatchObject({ ok: true, outcome: 'added', showId: row.id });
    expect(await there.rooms.get(row.id)).toEqual({
      showId: row.id,
      room: keptRoom(),
      updatedAt: 5,
    });
  });

  test('a show that heard no room, or whose row cannot be read, is exported without one', async () => {
    const db = openTestDb();
    const { row } = await storeShow(db);
    expect(await exportShowArchive(db, row.id)).not.toHaveProperty('room');
    await db.rooms.put({ showId: row.id, room: { v: 99 }, updatedAt: 1 });
    expect(await exportShowArchive(db, row.id)).not.toHaveProperty('room');
  });

  test('a copy gets the room under its new id; the same show keeps its own room, or gains one', async () => {
    const db = openTestDb();
    const { row } = await storeShow(db);
    const archive = await exportShowArchive(db, row.id);
    const withRoom = archiveJson({ ...archive, room: keptRoom() });

    // The same show, here without a room: the file's room is added.
    expect(await importShowArchiveText(db, withRoom, 7)).toMatchObject({ outcome: 'reused' });
    expect((await db.rooms.get(row.id))?.updatedAt).toBe(7);
    // Again, now that it has one: its own row is kept.
    const other = keptRoom(2_000_000);
    await db.rooms.put({ showId: row.id, room: other, updatedAt: 8 });
    await importShowArchiveText(db, withRoom, 9);
    expect(await db.rooms.get(row.id)).toEqual({ showId: row.id, room: other, updatedAt: 8 });

    // Different content under the same id: a copy, with the file's room under the copy's id.
    const changed = JSON.parse(withRoom) as { show: { changes: string } };
    changed.show.changes = 'Moved to Friday';
    const copy = await importShowArchiveText(db, JSON.stringify(changed), 10);
    if (!copy.ok) throw new Error(JSON.stringify(copy.errors));
    expect(copy.outcome).toBe('copied');
    expect(await db.rooms.get(copy.showId)).toEqual({
      showId: copy.showId,
      room: keptRoom(),
      updatedAt: 10,
    });
  });
});
