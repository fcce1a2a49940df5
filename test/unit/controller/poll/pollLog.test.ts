// The show's poll log on fake-indexeddb: appends gathered into one write, read back in order
// after a "reload", a row this build cannot read skipped and counted.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPollLog } from '../../../../controller/poll/pollLog';
import { linesFromRows } from '../../../../controller/poll/pollRows';
import { replayPolls } from '../../../../shared/poll/state';
import { openTestDb } from '../../../support/db';

afterEach(() => vi.useRealTimers());

describe('poll log', () => {
  it('keeps the events of each show in order and replays them after a reload', async () => {
    const factory = new IDBFactory();
    const db = openTestDb(factory);
    const log = createPollLog(db, 50);
    log.append('s1', 1, {
      type: 'poll.open',
      pollId: 'p1',
      question: 'Next?',
      options: [
        { label: 'A', keywords: [] },
        { label: 'B', keywords: [] },
      ],
      at: 1,
    });
    log.append('s1', 2, { type: 'poll.vote', pollId: 'p1', voter: 'ann', option: 1, at: 2 });
    log.append('s2', 1, {
      type: 'giveaway.open',
      giveawayId: 'g1',
      keyword: 'go',
      seconds: 60,
      at: 3,
    });
    expect(await db.pollLog.count()).toBe(0); // gathered, not yet written
    await log.flush();
    await db.pollLog.put({ showId: 's1', seq: 3, event: { type: 'poll.vote', voter: 7 } });
    db.close();

    const again = createPollLog(openTestDb(factory));
    const s1 = await again.load('s1');
    expect(s1.skipped).toBe(1);
    expect(s1.lastSeq).toBe(3);
    expect(replayPolls(s1.events).polls[0]!.counts).toEqual([0, 1]);
    expect((await again.load('s2')).events).toHaveLength(1);
    const rows = await openTestDb(factory).pollLog.where('showId').equals('s1').sortBy('seq');
    expect(linesFromRows(rows).polls).toEqual([
      {
        question: 'Next?',
        options: [
          { label: 'A', votes: 0, percent: 0 },
          { label: 'B', votes: 1, percent: 100 },
        ],
        total: 1,
        winners: [],
      },
    ]);
  });
});
