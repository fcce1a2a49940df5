/**
 * The replica protocol between controllers, on fake IndexedDB and an in-memory bus: a backup
 * copies the primary's log exactly (late join, lost messages), and hostile or stray
 * controller messages are refused and counted, never written.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { APP, PROTOCOL_VERSION } from '../../../../shared/protocol/messages';
import type { Transport } from '../../../../shared/protocol/transport';
import { firstTerms } from '../../../../shared/replica/terms';
import { replay } from '../../../../shared/show';
import { createShow, getShow, loadEvents } from '../../../../controller/db/eventLog';
import { setTerms } from '../../../../controller/db/replicaLog';
import { createShowRunner, type ShowRunner } from '../../../../controller/show/showRunner';
import { Replica } from '../../../../controller/replica/replica';
// Loaded with the file, not inside a test: their first load (the controller's catalogue with
// them) is not what a test's time limit is about.
import { createCommandClient } from '../../../../controller/replica/commandClient';
import { createCommandServer } from '../../../../controller/api/commandServer';
import type { FlashcueDb } from '../../../../controller/db/db';
import { openTestDb } from '../../../support/db';
import { makeSheet } from '../../../support/sheets';
import { messageBus as bus } from '../../../support/messageBus';

const noCommands = async () => ({ ok: false, error: 'not in this test' });
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function primary(db: FlashcueDb, transport: Transport) {
  const show = await createShow(db, makeSheet(), { id: 'show-1' });
  await setTerms(db, show.id, firstTerms('device-a'));
  const runner: ShowRunner = await createShowRunner({ db, showId: show.id });
  const replica = new Replica(db, { id: 'device-a', name: 'Laptop A' }, noCommands);
  replica.setTransports([transport]);
  let last = 0;
  replica.startPrimary({
    showId: show.id,
    title: () => 'Test show',
    terms: () => firstTerms('device-a'),
    lastSeq: () => last,
    phase: () => 'live',
    onDeposed: () => {},
  });
  const run = async (command: unknown, commandId?: string) => {
    const result = await runner.dispatch(command, commandId ? { commandId } : {});
    if (!result.ok) throw new Error(result.error);
    last = result.seq;
    replica.appended({ seq: result.seq, commandId: commandId ?? null, event: result.event });
  };
  cleanups.push(() => {
    replica.close();
    runner.stop();
  });
  return { show, runner, replica, run };
}

async function backup(db: FlashcueDb, transport: Transport, showId: string) {
  const replica = new Replica(db, { id: 'device-b', name: 'Laptop B' }, noCommands);
  replica.setTransports([transport]);
  const changes: number[] = [];
  await replica.startBackup({
    showId,
    onLog: ({ added }) => changes.push(...added.map((r) => r.seq)),
    onShow: () => {},
    onHandover: () => {},
  });
  cleanups.push(() => replica.close());
  return { replica, changes };
}

const strip = (rows: Awaited<ReturnType<typeof loadEvents>>) =>
  rows.map(({ seq, commandId, event }) => ({ seq, commandId, event }));

describe('copying the log', () => {
  test('a backup that joins late gets the sheet and the whole log, then every new entry, and replays to the same state', async () => {
    const net = bus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    const a = await primary(dbA, net.join());
    await a.run({ type: 'show.start' });
    await a.run({ type: 'show.next' });
    for (let i = 0; i < 30; i++) await a.run({ type: 'sale', quantity: 1 + (i % 2) }, `sale-${i}`);
    const b = await backup(dbB, net.join(), a.show.id);
    await vi.waitFor(async () => expect((await loadEvents(dbB, a.show.id)).length).toBe(32), {
      timeout: 5000,
    });
    await a.run({ type: 'deal.start', seconds: 600, quantity: 10 });
    await a.run({ type: 'sale' }, 'sale-after');
    await vi.waitFor(async () => expect((await loadEvents(dbB, a.show.id)).length).toBe(34), {
      timeout: 5000,
    });
    expect(strip(await loadEvents(dbB, a.show.id))).toEqual(
      strip(await loadEvents(dbA, a.show.id)),
    );
    const showB = (await getShow(dbB, a.show.id))!;
    expect(showB.sheet).toEqual(a.show.sheet);
    expect(showB.status).toBe('live');
    expect(showB.terms).toEqual(firstTerms('device-a'));
    expect(
      replay(
        showB.sheet,
        (await loadEvents(dbB, a.show.id)).map((r) => r.event),
      ).context,
    ).toEqual(
      replay(
        a.show.sheet,
        (await loadEvents(dbA, a.show.id)).map((r) => r.event),
      ).context,
    );
    expect(b.changes.at(-1)).toBe(34);
  });

  test('entries lost in flight are fetched again: the copy has no gap', async () => {
    const net = bus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    const a = await primary(dbA, net.join());
    await a.run({ type: 'show.start' });
    await backup(dbB, net.join(), a.show.id);
    await vi.waitFor(async () => expect((await loadEvents(dbB, a.show.id)).length).toBe(1), {
      timeout: 5000,
    });
    // Every third single-entry log message is lost.
    let n = 0;
    net.setDrop(
      (m) =>
        (m as { kind?: string; entries?: unknown[] }).kind === 'log' &&
        (m as { entries: unknown[] }).entries.length === 1 &&
        ++n % 3 === 0,
    );
    await a.run({ type: 'show.next' });
    for (let i = 0; i < 20; i++) await a.run({ type: 'sale' });
    await vi.waitFor(async () => expect((await loadEvents(dbB, a.show.id)).length).toBe(22), {
      timeout: 8000,
    });
    expect(strip(await loadEvents(dbB, a.show.id))).toEqual(
      strip(await loadEvents(dbA, a.show.id)),
    );
  });
});

describe('hostile controller messages', () => {
  test('logs from a device that does not lead, bad events and bad sheets are refused and counted; nothing is written', async () => {
    const net = bus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    const a = await primary(dbA, net.join());
    await a.run({ type: 'show.start' });
    const b = await backup(dbB, net.join(), a.show.id);
    await vi.waitFor(async () => expect((await loadEvents(dbB, a.show.id)).length).toBe(1), {
      timeout: 5000,
    });
    const attacker = net.join();
    const envelope = { app: APP, v: PROTOCOL_VERSION };
    const sale = { type: 'sale', productId: 'buds', quantity: 1, buyer: null, at: Date.now() };
    // A stranger's log, a log with a forged term, an event the machine does not know, a price as text.
    attacker.send({
      ...envelope,
      kind: 'log',
      showId: a.show.id,
      device: 'mallory',
      term: 1,
      entries: [{ seq: 2, commandId: null, event: sale }],
    });
    attacker.send({
      ...envelope,
      kind: 'log',
      showId: a.show.id,
      device: 'device-a',
      term: 7,
      entries: [{ seq: 2, commandId: null, event: sale }],
    });
    attacker.send({
      ...envelope,
      kind: 'log',
      showId: a.show.id,
      device: 'device-a',
      term: 1,
      entries: [{ seq: 2, commandId: null, event: { type: 'wipe', at: 1 } }],
    });
    attacker.send({
      ...envelope,
      kind: 'log',
      showId: a.show.id,
      device: 'device-a',
      term: 1,
      entries: [{ seq: 2, commandId: null, event: { ...sale, quantity: '9' } }],
    });
    attacker.send({
      ...envelope,
      kind: 'log',
      showId: a.show.id,
      device: 'device-a',
      term: 1,
      entries: 'x',
    });
    attacker.send({
      ...envelope,
      kind: 'sheet',
      showId: a.show.id,
      device: 'device-a',
      to: 'device-b',
      show: { id: a.show.id, sheet: { evil: true } },
    });
    await vi.waitFor(() => expect(b.replica.stats.refused).toBe(4));
    expect((await loadEvents(dbB, a.show.id)).length).toBe(1);
    // The real primary goes on being copied.
    await a.run({ type: 'show.next' });
    await vi.waitFor(async () => expect((await loadEvents(dbB, a.show.id)).length).toBe(2), {
      timeout: 5000,
    });
  });

  test('a flood of sync requests is answered at a bounded rate', async () => {
    const net = bus();
    const a = await primary(openTestDb(), net.join());
    await a.run({ type: 'show.start' });
    const attacker = net.join();
    for (let i = 0; i < 200; i++)
      attacker.send({
        app: APP,
        v: PROTOCOL_VERSION,
        kind: 'sync',
        showId: a.show.id,
        device: `x${i}`,
        fromSeq: 1,
        needSheet: true,
      });
    await vi.waitFor(() =>
      expect(a.replica.stats.syncsAnswered + a.replica.stats.syncsDropped).toBe(200),
    );
    expect(a.replica.stats.syncsAnswered).toBeLessThanOrEqual(8);
  });
});

describe('commands from a backup', () => {
  test('a command lost on the way is sent again under the same id and applied once', async () => {
    const net = bus();
    const db = openTestDb();
    const a = await primary(db, net.join());
    await a.run({ type: 'show.start' });
    await a.run({ type: 'show.next' });
    const serverSide = net.join();
    createCommandServer([serverSide], {
      currency: () => 'USD',
      send: (command, { commandId }) => a.runner.dispatch(command, { commandId }),
      query: async () => ({ ok: false, error: 'no queries here' }),
    });
    const clientSide = net.join();
    const client = createCommandClient('device-b');
    client.setTransports([clientSide]);
    cleanups.push(() => client.close());
    // The first copy of every command is lost, and so is the first ack.
    const seen = new Map<string, number>();
    net.setDrop((m) => {
      const msg = m as { kind?: string; id?: string };
      if (msg.kind !== 'command' && msg.kind !== 'ack') return false;
      const key = `${msg.kind}:${msg.id}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return seen.get(key) === 1;
    });
    const reply = await client.send(
      { commandId: 'backup-sale-1', command: { type: 'sale', quantity: 2 } },
      'USD',
    );
    expect(reply).toMatchObject({ ok: true, seq: 3 });
    expect(seen.get('command:backup-sale-1')).toBeGreaterThanOrEqual(2);
    const sales = (await loadEvents(db, a.show.id)).filter((r) => r.event.type === 'sale');
    expect(sales.map((r) => r.commandId)).toEqual(['backup-sale-1']);
  });

  test('a primary that never answers: the backup says so after the timeout', async () => {
    const client = createCommandClient('device-b', 1200);
    client.setTransports([bus().join()]);
    cleanups.push(() => client.close());
    const reply = await client.send({ commandId: 'lonely', command: { type: 'show.next' } }, 'USD');
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/did not answer in 1.2 s/),
      code: 'sw_primary_silent',
      params: { seconds: 1.2 },
    });
  });
});
