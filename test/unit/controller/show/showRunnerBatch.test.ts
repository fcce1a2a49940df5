/** Commands that wait together are decided one by one, written in one transaction, applied together. */
import { SimulatedClock } from 'xstate';
import { describe, expect, test, vi } from 'vitest';
import * as appendBatch from '../../../../controller/db/appendBatch';
import { createShow, loadEvents } from '../../../../controller/db/eventLog';
import { createShowRunner } from '../../../../controller/show/showRunner';
import { replay, salesTotals } from '../../../../shared/show';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const sale = (orderId: string) => ({ type: 'sale', orderId, source: 'tiktok' });

async function liveRunner() {
  const db = openTestDb();
  const show = await createShow(db, makeSheet(), { now: T0 });
  const scheduler = new SimulatedClock();
  scheduler.set(T0);
  const runner = await createShowRunner({
    db,
    showId: show.id,
    scheduler,
    clock: () => scheduler.now(),
  });
  await runner.dispatch({ type: 'show.start' });
  await runner.dispatch({ type: 'show.next' }); // a product on air
  const first = await runner.dispatch(sale('T-0'), { commandId: 'c-0' });
  if (!first.ok) throw new Error(first.error);
  return { db, show, runner };
}

describe('the runner batches commands that arrive together', () => {
  test('40 orders at once: one transaction, contiguous seqs, duplicates answered with the first result', async () => {
    const { db, show, runner } = await liveRunner();
    const spy = vi.spyOn(appendBatch, 'appendBatchAt');
    const ids = Array.from({ length: 40 }, (_, i) => `T-${(i % 30) + 1}`); // T-1…T-10 twice
    ids[5] = 'T-0'; // already in the log; T-6 now first comes at i = 35
    const results = await Promise.all(
      ids.map((id, i) => runner.dispatch(sale(id), { commandId: `c-${i + 1}` })),
    );
    const rows = await loadEvents(db, show.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    // Seqs 1-3 before; 30 new orders, T-1…T-30.
    expect(rows).toHaveLength(3 + 30);
    expect(spy.mock.calls.map((c) => c[3].length).reduce((a, b) => a + b, 0)).toBeGreaterThan(28);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2); // the first waits alone, the rest together
    expect(results[5]).toMatchObject({ ok: true, seq: 3, duplicate: true });
    const byOrder = new Map(rows.map((r) => [(r.event as { orderId?: string }).orderId, r.seq]));
    for (const [i, id] of ids.entries()) {
      expect(results[i]).toMatchObject({ ok: true, seq: byOrder.get(id) });
      if (i >= 30 && i !== 35) expect(results[i]).toMatchObject({ duplicate: true });
      else if (i !== 5) expect(results[i]).not.toHaveProperty('duplicate');
    }
    expect(salesTotals(runner.getSnapshot().context).orders).toBe(31);
    expect(
      replay(
        show.sheet,
        rows.map((r) => r.event),
      ).context,
    ).toEqual(runner.getSnapshot().context);
    spy.mockRestore();
  });

  test('a re-sent command id inside a batch falls back to one at a time and is counted once', async () => {
    const { db, show, runner } = await liveRunner();
    const results = await Promise.all([
      runner.dispatch(sale('T-1'), { commandId: 'c-1' }),
      runner.dispatch(sale('T-2'), { commandId: 'c-2' }),
      runner.dispatch({ type: 'sale' }, { commandId: 'c-0' }), // c-0 was logged as T-0
      runner.dispatch(sale('T-3'), { commandId: 'c-3' }),
    ]);
    expect(results[2]).toMatchObject({ ok: true, seq: 3 });
    const rows = await loadEvents(db, show.id);
    expect(rows.map((r) => r.commandId)).toEqual([null, null, 'c-0', 'c-1', 'c-2', 'c-3']);
  });
});
