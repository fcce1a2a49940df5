/**
 * The primary streams log entries only where a backup is heard (issue 13 §3): with no backup
 * no `log` message goes out at all; a backup that joins mid-show still gets every sale (the
 * catch-up by `sync`), then each new one on its own transport only; once it falls silent the
 * live copies stop. Fake IndexedDB, in-memory buses, the primary's clock skewed for silence.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { BACKUP_HEARD_MS } from '../../../../shared/replica/backupsHeard';
import { firstTerms } from '../../../../shared/replica/terms';
import { createShow, loadEvents } from '../../../../controller/db/eventLog';
import { setTerms } from '../../../../controller/db/replicaLog';
import { createShowRunner } from '../../../../controller/show/showRunner';
import { Replica } from '../../../../controller/replica/replica';
import { openTestDb } from '../../../support/db';
import { makeSheet } from '../../../support/sheets';
import { messageBus } from '../../../support/messageBus';

/** Everyone on the bus hears everyone else; `logs` counts the `log` messages put on it. */
function bus() {
  const net = messageBus();
  const counts = { logs: 0 };
  net.setDrop((message) => {
    if ((message as { kind?: string }).kind === 'log') counts.logs += 1;
    return false;
  });
  return { join: net.join, counts };
}

const noCommands = async () => ({ ok: false, error: 'not in this test' });
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const strip = (rows: Awaited<ReturnType<typeof loadEvents>>) =>
  rows.map(({ seq, commandId, event }) => ({ seq, commandId, event }));

describe('log entries go only where a backup is heard', () => {
  test('none without a backup; a backup joining mid-show gets every sale, then live ones on its transport only; silence stops them', async () => {
    const channel = bus();
    const relay = bus();
    const dbA = openTestDb();
    const dbB = openTestDb();
    let skew = 0;
    const show = await createShow(dbA, makeSheet(), { id: 'show-1' });
    await setTerms(dbA, show.id, firstTerms('device-a'));
    const runner = await createShowRunner({ db: dbA, showId: show.id });
    const a = new Replica(dbA, { id: 'device-a', name: 'A' }, noCommands, () => Date.now() + skew);
    a.setTransports([channel.join(), relay.join()]);
    let last = 0;
    a.startPrimary({
      showId: show.id,
      title: () => 'Test show',
      terms: () => firstTerms('device-a'),
      lastSeq: () => last,
      phase: () => 'live',
      onDeposed: () => {},
    });
    cleanups.push(() => {
      a.close();
      runner.stop();
    });
    const run = async (command: unknown, commandId?: string) => {
      const result = await runner.dispatch(command, commandId ? { commandId } : {});
      if (!result.ok) throw new Error(result.error);
      last = result.seq;
      a.appended({ seq: result.seq, commandId: commandId ?? null, event: result.event });
    };
    await run({ type: 'show.start' });
    await run({ type: 'show.next' });
    for (let i = 0; i < 12; i++) await run({ type: 'sale', quantity: 1 + (i % 3) }, `sale-${i}`);
    await Promise.resolve(); // the microtask that would have sent them
    expect(channel.counts).toEqual({ logs: 0 });
    expect(relay.counts).toEqual({ logs: 0 });

    // A backup on the relay only, after 12 sales: it says hello, hears the heartbeat, syncs.
    const b = new Replica(dbB, { id: 'device-b', name: 'B' }, noCommands);
    b.setTransports([relay.join()]);
    await b.startBackup({
      showId: show.id,
      onLog: () => {},
      onShow: () => {},
      onHandover: () => {},
    });
    cleanups.push(() => b.close());
    await vi.waitFor(async () => expect((await loadEvents(dbB, show.id)).length).toBe(14), {
      timeout: 5000,
    });
    const caughtUp = relay.counts.logs;
    expect(caughtUp).toBeGreaterThan(0); // the sync's answer
    for (let i = 12; i < 15; i++) await run({ type: 'sale' }, `sale-${i}`);
    await vi.waitFor(async () => expect((await loadEvents(dbB, show.id)).length).toBe(17), {
      timeout: 5000,
    });
    expect(strip(await loadEvents(dbB, show.id))).toEqual(strip(await loadEvents(dbA, show.id)));
    expect(relay.counts.logs).toBe(caughtUp + 3); // one live copy per sale, on the relay
    expect(channel.counts.logs).toBe(0); // nobody backs up over the channel

    // The backup leaves; past the window the primary stops sending it live copies.
    b.close();
    skew = BACKUP_HEARD_MS + 500;
    await run({ type: 'sale' }, 'sale-after');
    await Promise.resolve();
    expect(relay.counts.logs).toBe(caughtUp + 3);
    expect(channel.counts.logs).toBe(0);
  });
});
