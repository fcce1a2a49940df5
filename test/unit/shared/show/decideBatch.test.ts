/** The batch decide behind the order door's one-transaction writes (issue 15 §2). */
import { describe, expect, test } from 'vitest';
import {
  decideBatch,
  parseCommand,
  replay,
  salesTotals,
  type ShowCommand,
  type ShowCommandInput,
} from '../../../../shared/show';
import { drive } from '../../../support/driver';
import { makeSheet, withSkus } from '../../../support/sheets';

const skuSheet = makeSheet(withSkus);
const commands = (...inputs: ShowCommandInput[]): ShowCommand[] =>
  inputs.map((input) => {
    const parsed = parseCommand(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  });
const order = (orderId: string, quantity = 1): ShowCommandInput => ({
  type: 'sale',
  orderId,
  quantity,
  source: 'tiktok',
});

/** Live with the flash deal on buds running (cap 10 at 129.00); one order T-0 already logged. */
function dealOn() {
  const s = drive(skuSheet);
  s.ok({ type: 'show.start' });
  s.ok({ type: 'show.goto', index: 2 });
  s.ok({ type: 'deal.start' });
  s.ok(order('T-0'));
  return s;
}

describe('decideBatch', () => {
  test('an order id twice in one batch is counted once; the second names the first', () => {
    const s = dealOn();
    const batch = decideBatch(
      s.snapshot(),
      commands(order('T-1', 2), order('T-2'), order('T-1', 2)),
      s.now,
    );
    expect(batch.accepted.map((a) => a.index)).toEqual([0, 1]);
    expect(batch.decisions[2]).toEqual({
      ok: false,
      error: 'Order T-1 is already recorded: not counted again.',
      sameAs: 0,
    });
    expect(salesTotals(batch.snapshot.context)).toMatchObject({ orders: 3, units: 4 });
  });

  test('an order id already in the log is a duplicate for the runner to answer from the log', () => {
    const s = dealOn();
    const batch = decideBatch(s.snapshot(), commands(order('T-9'), order('T-0')), s.now);
    expect(batch.accepted).toHaveLength(1);
    expect(batch.decisions[1]).toEqual({
      ok: false,
      error: 'Order T-0 is already recorded: not counted again.',
      code: 'order_recorded',
      params: { id: 'T-0' },
      duplicate: { orderId: 'T-0', type: 'sale' },
    });
  });

  test('the cap runs out mid-batch: hand entry is refused, a platform order past it is flagged', () => {
    const s = dealOn(); // 1 of the cap of 10 sold
    const batch = decideBatch(
      s.snapshot(),
      commands(order('T-1', 7), { type: 'sale', quantity: 3 }, order('T-2', 3)),
      s.now,
    );
    expect(batch.decisions[1]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Only 2 left at the deal price/),
    });
    expect(batch.accepted.map((a) => a.index)).toEqual([0, 2]);
    const last = batch.snapshot.context.sales.at(-1)!;
    expect(last).toMatchObject({ unitPrice: 12900, priceKind: 'deal' });
    expect(last.order).toMatchObject({ overCap: 1 });
    expect(batch.snapshot.context.deal).toBeNull(); // sold out: the deal ended
  });

  test('the same commands decided one by one and as a batch log the same events; replay agrees', () => {
    const inputs: ShowCommandInput[] = [
      order('A-1', 2),
      { type: 'sale', quantity: 1 },
      order('A-2', 9),
      order('A-1'),
      { type: 'sale.cancel', orderId: 'A-2' },
      { type: 'sale', quantity: 1 },
    ];
    const one = dealOn();
    for (const input of inputs) one.run(input);
    const both = dealOn();
    const batch = decideBatch(both.snapshot(), commands(...inputs), both.now);
    expect(batch.accepted.map((a) => a.event)).toEqual(one.log.slice(both.log.length));
    const replayed = replay(skuSheet, [...both.log, ...batch.accepted.map((a) => a.event)]);
    expect(replayed.context).toEqual(batch.snapshot.context);
    expect(batch.snapshot.context).toEqual(one.ctx());
  });

  test('the snapshot it starts from (the live actor) is never changed, though the batch grows its lists in place', () => {
    const s = dealOn();
    const start = s.snapshot();
    const sales = [...start.context.sales];
    const orders = { ...start.context.orders };
    const batch = decideBatch(start, commands(order('B-1'), order('B-2'), order('B-3')), s.now);
    expect(batch.snapshot.context.sales).toHaveLength(sales.length + 3);
    expect(start.context.sales).toEqual(sales);
    expect(start.context.orders).toEqual(orders);
  });

  test('a deal deadline passing mid-batch, after a refusal: closed at its deadline, as replay closes it', () => {
    const s = dealOn();
    let t = s.now();
    const now = () => (t += 10 * 60_000); // each decision 10 minutes after the one before
    const batch = decideBatch(
      s.snapshot(),
      commands(order('C-1'), { type: 'stock.set', productId: 'nope', remaining: 1 }, order('C-2')),
      now,
    );
    expect(batch.accepted.map((a) => a.index)).toEqual([0, 2]);
    const replayed = replay(skuSheet, [...s.log, ...batch.accepted.map((a) => a.event)]);
    expect(batch.snapshot.context.deal).toBeNull();
    expect(replayed.context.deals).toEqual(batch.snapshot.context.deals);
    expect(replayed.context.sales).toEqual(batch.snapshot.context.sales);
  });
});
