/**
 * The poll log on the backups (controller/replica/pollCopy.ts), on fake IndexedDB and an
 * in-memory bus: a backup that joins late copies every vote, entry and seeded draw, lost
 * messages are fetched again, strangers' and malformed entries are refused and counted, and a
 * new primary's poll log replaces a copy that came from another device.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { APP, PROTOCOL_VERSION } from '../../../../shared/protocol/messages';
import type { Transport } from '../../../../shared/protocol/transport';
import { firstTerms, type TermStart } from '../../../../shared/replica/terms';
import { decidePoll, type PollCommandName } from '../../../../shared/poll/decide';
import type { PollEvent } from '../../../../shared/poll/events';
import { apiPolls } from '../../../../shared/poll/apiPolls';
import { applyPollEvent, emptyPollRoom, replayPolls } from '../../../../shared/poll/state';
import { createShow } from '../../../../controller/db/eventLog';
import { setTerms } from '../../../../controller/db/replicaLog';
import type { FlashcueDb } from '../../../../controller/db/db';
import { Replica } from '../../../../controller/replica/replica';
import type { PollCopyChange } from '../../../../controller/replica/pollCopy';
import { openTestDb } from '../../../support/db';
import { messageBus } from '../../../support/messageBus';
import { makeSheet } from '../../../support/sheets';

const noCommands = async () => ({ ok: false, error: 'not in this test' });
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A primary that runs polls as the poll store does: decided, written, streamed. */
async function primary(db: FlashcueDb, transport: Transport, device = 'device-a', term = 1) {
  const show = await createShow(db, makeSheet(), { id: 'show-1' });
  const terms: TermStart[] =
    term === 1 ? firstTerms(device) : [...firstTerms('device-a'), { term, startSeq: 1, device }];
  await setTerms(db, show.id, terms);
  const replica = new Replica(db, { id: device, name: device }, noCommands);
  replica.setTransports([transport]);
  let room = emptyPollRoom();
  let seq = 0;
  replica.startPrimary({
    showId: show.id,
    title: () => 'Test show',
    terms: () => terms,
    lastSeq: () => 0,
    phase: () => 'live',
    pollSeq: () => seq,
    onDeposed: () => {},
  });
  const take = async (events: PollEvent[]) => {
    for (const event of events) {
      seq += 1;
      await db.pollLog.put({ showId: show.id, seq, event });
      replica.pollAppended({ seq, event });
      room = applyPollEvent(room, event);
    }
  };
  const run = async (command: PollCommandName, args: unknown, at: number, seed = 11) => {
    const d = decidePoll(room, command, args, at, () => seed);
    if (!d.ok) throw new Error(d.error);
    await take(d.events);
  };
  const vote = (voter: string, option: number, at: number) =>
    take([{ type: 'poll.vote', pollId: room.polls.at(-1)!.id, voter, option, at }]);
  const enter = (id: string, at: number) =>
    take([
      {
        type: 'giveaway.enter',
        giveawayId: room.giveaways.at(-1)!.id,
        entrant: { id, name: `@${id}` },
        at,
      },
    ]);
  cleanups.push(() => replica.close());
  return { show, replica, run, vote, enter, room: () => room };
}

async function backup(db: FlashcueDb, transport: Transport, showId: string) {
  const replica = new Replica(db, { id: 'device-b', name: 'Laptop B' }, noCommands);
  replica.setTransports([transport]);
  const changes: PollCopyChange[] = [];
  await replica.startBackup({
    showId,
    onLog: () => {},
    onShow: () => {},
    onHandover: () => {},
    onPolls: (change) => changes.push(change),
  });
  cleanups.push(() => replica.close());
  return { replica, changes };
}

const copied = async (db: FlashcueDb, showId: string) =>
  (await db.pollLog.where('showId').equals(showId).sortBy('seq')).map((r) => r.event as PollEvent);

describe('the poll log on a backup', () => {
  test('a late backup copies every vote, entry and draw, then each new one, to the same results', async () => {
    const net = messageBus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    const a = await primary(dbA, net.join());
    await a.run('poll.open', { question: 'Which shade?', options: ['Red', 'Blue'] }, 1_000);
    for (let i = 0; i < 40; i++) await a.vote(`v${i}`, i % 3 === 0 ? 1 : 0, 1_100 + i);
    await a.run('giveaway.open', { keyword: 'WIN', seconds: 60 }, 2_000);
    for (let i = 0; i < 12; i++) await a.enter(`e${i}`, 2_100 + i);
    const b = await backup(dbB, net.join(), a.show.id);
    await vi.waitFor(async () => expect(await copied(dbB, a.show.id)).toHaveLength(54), {
      timeout: 5000,
    });
    // After the copy: more votes, the close, a draw with its seed — as they happen.
    await a.vote('late', 1, 1_900);
    await a.run('poll.close', {}, 1_950);
    await a.run('giveaway.draw', { seed: 424242 }, 63_000);
    await vi.waitFor(async () => expect(await copied(dbB, a.show.id)).toHaveLength(57), {
      timeout: 5000,
    });
    const mine = await copied(dbB, a.show.id);
    expect(mine).toEqual(await copied(dbA, a.show.id));
    expect(apiPolls(replayPolls(mine))).toEqual(apiPolls(a.room()));
    expect(apiPolls(replayPolls(mine)).giveaways[0]).toMatchObject({
      entrants: 12,
      draws: [{ seed: 424242 }],
    });
    // The poll store heard it in order, with no reset.
    const seqs = b.changes.flatMap((c) => c.added.map((e) => e.seq));
    expect(seqs).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    expect(b.changes.some((c) => c.reset)).toBe(false);
  });

  test('poll entries lost in flight are fetched again: the copy has no gap', async () => {
    const net = messageBus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    const a = await primary(dbA, net.join());
    await a.run('poll.open', { question: 'Next?', options: ['A', 'B', 'C'] }, 1_000);
    await backup(dbB, net.join(), a.show.id);
    await vi.waitFor(async () => expect(await copied(dbB, a.show.id)).toHaveLength(1), {
      timeout: 5000,
    });
    let n = 0;
    net.setDrop((m) => (m as { kind?: string }).kind === 'pollLog' && ++n % 3 === 0);
    for (let i = 0; i < 20; i++) await a.vote(`v${i}`, i % 3, 1_100 + i);
    await vi.waitFor(async () => expect(await copied(dbB, a.show.id)).toHaveLength(21), {
      timeout: 8000,
    });
    expect(await copied(dbB, a.show.id)).toEqual(await copied(dbA, a.show.id));
  });

  test("a stranger's entries, a forged term and a malformed event are refused and counted", async () => {
    const net = messageBus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    const a = await primary(dbA, net.join());
    await a.run('poll.open', { question: 'Next?', options: ['A', 'B'] }, 1_000);
    const b = await backup(dbB, net.join(), a.show.id);
    await vi.waitFor(async () => expect(await copied(dbB, a.show.id)).toHaveLength(1), {
      timeout: 5000,
    });
    const attacker = net.join();
    const pollId = a.room().polls[0]!.id;
    const vote = { type: 'poll.vote', pollId, voter: 'mallory', option: 0, at: 1_500 };
    const send = (device: string, term: number, event: unknown) =>
      attacker.send({
        app: APP,
        v: PROTOCOL_VERSION,
        kind: 'pollLog',
        showId: a.show.id,
        device,
        term,
        entries: [{ seq: 2, event }],
      });
    send('mallory', 1, vote);
    send('device-a', 7, vote);
    send('device-a', 1, { ...vote, option: 9 });
    send('device-a', 1, { ...vote, voter: '<img src=x onerror=alert(1)>'.repeat(20) });
    await vi.waitFor(() => expect(b.replica.stats.refused).toBe(4), { timeout: 5000 });
    expect(await copied(dbB, a.show.id)).toHaveLength(1);
  });

  test('after a takeover by another device, the copy starts again from the new primary', async () => {
    const net = messageBus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    const dbC = openTestDb();
    const a = await primary(dbA, net.join());
    await a.run('poll.open', { question: 'Next?', options: ['A', 'B'] }, 1_000);
    await a.vote('ann', 0, 1_100);
    const b = await backup(dbB, net.join(), a.show.id);
    await vi.waitFor(async () => expect(await copied(dbB, a.show.id)).toHaveLength(2), {
      timeout: 5000,
    });
    a.replica.close();
    // Device C took over holding only the opening, and counted on differently.
    const c = await primary(dbC, net.join(), 'device-c', 2);
    await c.run('poll.open', { question: 'Other?', options: ['X', 'Y'] }, 1_000);
    await c.vote('bo', 1, 1_200);
    await c.vote('cy', 1, 1_300);
    await vi.waitFor(
      async () => expect(await copied(dbB, a.show.id)).toEqual(await copied(dbC, a.show.id)),
      {
        timeout: 8000,
      },
    );
    expect(b.changes.some((ch) => ch.reset)).toBe(true);
  });
});
