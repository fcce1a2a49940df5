/**
 * The runner answers a known order id with the first one's result (issue 15 §1), under a new
 * command id, after a reload (the index is rebuilt from the log) and for a cancellation.
 */
import { IDBFactory } from 'fake-indexeddb';
import { SimulatedClock } from 'xstate';
import { expect, test } from 'vitest';
import { createShow, loadEvents } from '../../../../controller/db/eventLog';
import { createShowRunner } from '../../../../controller/show/showRunner';
import { translateApiCommand } from '../../../../shared/protocol/commandApi';
import { salesTotals } from '../../../../shared/show';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

async function runnerOn(factory: IDBFactory, showId: string) {
  const scheduler = new SimulatedClock();
  scheduler.set(T0);
  return createShowRunner({
    db: openTestDb(factory),
    showId,
    scheduler,
    clock: () => scheduler.now(),
  });
}

test('a repeated order id is answered with the first seq and event, across a reload', async () => {
  const factory = new IDBFactory();
  const show = await createShow(openTestDb(factory), makeSheet(), { now: T0 });
  const runner = await runnerOn(factory, show.id);
  await runner.dispatch({ type: 'show.start' });
  const sale = { type: 'sale', productId: 'buds', orderId: '576460752303423488', source: 'tiktok' };
  const first = await runner.dispatch(sale, { commandId: 'poll-1' });
  expect(first).toMatchObject({ ok: true, seq: 2 });
  expect(await runner.dispatch({ ...sale, quantity: 5 }, { commandId: 'poll-2' })).toEqual({
    ...first,
    duplicate: true,
  });
  runner.stop();

  const reloaded = await runnerOn(factory, show.id);
  expect(await reloaded.dispatch(sale, { commandId: 'import-7' })).toEqual({
    ...first,
    duplicate: true,
  });
  const cancel = await reloaded.dispatch({ type: 'sale.cancel', orderId: sale.orderId });
  expect(cancel).toMatchObject({ ok: true, seq: 3 });
  expect(await reloaded.dispatch({ type: 'sale.cancel', orderId: sale.orderId })).toEqual({
    ...cancel,
    duplicate: true,
  });
  expect(salesTotals(reloaded.getSnapshot().context).orders).toBe(0);
  expect((await loadEvents(openTestDb(factory), show.id)).map((r) => r.event.type)).toEqual([
    'show.start',
    'sale',
    'sale.cancel',
  ]);
  reloaded.stop();
});

test('the command API takes sale prices as decimals and sale.cancel as a command', () => {
  expect(translateApiCommand('sale', { price: 99.5, orderId: 'x' }, 'CNY')).toEqual({
    ok: true,
    kind: 'show',
    command: { type: 'sale', price: 9950, orderId: 'x' },
  });
  expect(translateApiCommand('sale.cancel', { orderId: 'x' }, 'CNY')).toMatchObject({ ok: true });
  expect(translateApiCommand('sale', { price: 1 }, null)).toMatchObject({
    ok: false,
    error: 'No show is loaded: load a run sheet before recording a sale.',
  });
});
