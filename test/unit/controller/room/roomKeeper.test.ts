import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openTestDb } from '../../../support/db';
import { createRoomKeeper } from '../../../../controller/room/roomKeeper';
import { emptyRoom } from '../../../../shared/room/room';
import { ask } from '../../../../shared/room/questions';

afterEach(() => vi.useRealTimers());

describe('the room keeper (Dexie version 14)', () => {
  it('gathers writes, flushes on demand, and reads the room back after a reopen', async () => {
    const factory = new IDBFactory();
    const db = openTestDb(factory);
    const keeper = createRoomKeeper(db, 60_000);
    let state = emptyRoom();
    for (let i = 0; i < 50; i++) {
      state = {
        ...state,
        questions: ask(state.questions, {
          at: i,
          user: { id: `u${i}`, name: `U${i}` },
          text: `q ${i}?`,
          segmentIndex: 0,
        }).queue,
      };
      keeper.save('show-1', state);
    }
    expect(await db.rooms.count()).toBe(0); // gathered, not written per event
    await keeper.flush();
    db.close();

    const reopened = openTestDb(factory);
    const back = await createRoomKeeper(reopened).load('show-1');
    expect(back.error).toBeNull();
    expect(back.state?.questions.items).toHaveLength(50);
    expect(await createRoomKeeper(reopened).load('other')).toEqual({ state: null, error: null });
    reopened.close();
  });

  it('says why a broken row is not read, and keeps settings', async () => {
    const db = openTestDb();
    await db.rooms.put({ showId: 's', room: { v: 9 }, updatedAt: 0 });
    const keeper = createRoomKeeper(db);
    const back = await keeper.load('s');
    expect(back.state).toBeNull();
    expect(back.error).toMatch(/v/);
    expect((await keeper.loadSettings()).tikfinityUrl).toBe('ws://localhost:21213/');
    await keeper.saveSettings({
      ...(await keeper.loadSettings()),
      tikfinityUrl: 'ws://127.0.0.1:9/',
      tikfinityOn: true,
    });
    expect(await keeper.loadSettings()).toMatchObject({
      tikfinityUrl: 'ws://127.0.0.1:9/',
      tikfinityOn: true,
    });
    db.close();
  });
});
