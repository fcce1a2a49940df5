/** Orders with an identity (issue 15 §1): dedupe, cancellation, attribution, flags. */
import { describe, expect, test } from 'vitest';
import { onAirAt, parseCommand, replay, salesTotals, type Decision } from '../../../../shared/show';
import { buildReport } from '../../../../shared/report/showReport';
import { drive, T0 } from '../../../support/driver';
import { makeSheet, withSkus } from '../../../support/sheets';

const refusal = (d: Decision) => (d.ok ? '(accepted)' : d.error);
const iso = (t: number) => new Date(t).toISOString();
const TIKTOK_ID = '576460752303423488';
const skuSheet = makeSheet(withSkus);

/** Live, second segment (buds) on air from T0 + 1 s. */
function onBuds() {
  const s = drive(skuSheet);
  s.ok({ type: 'show.start' });
  s.advance(1000);
  s.ok({ type: 'show.next' });
  return s;
}

describe('the sale command with an order identity', () => {
  test('an 18-digit order id is text; as a number, a zone-less time or a spaced source it is refused', () => {
    const bad = (args: Record<string, unknown>) => {
      const parsed = parseCommand({ type: 'sale', ...args });
      return parsed.ok ? '(accepted)' : parsed.errors.map((e) => `${e.path} ${e.message}`);
    };
    expect(bad({ orderId: 576460752303423500 })).toEqual([
      expect.stringMatching(/^orderId must be text: put the order id in quotes/),
    ]);
    expect(bad({ at: '2026-03-15 19:00:00' })).toEqual([
      expect.stringMatching(/^at must be an ISO-8601 time with its zone/),
    ]);
    expect(bad({ source: 'Tik Tok!' })).toEqual([
      expect.stringMatching(/^source must be a short name/),
    ]);
    const ok = parseCommand({
      type: 'sale',
      orderId: TIKTOK_ID,
      at: '2026-03-15T19:00:05+00:00',
      source: 'TikTok',
    });
    expect(ok.ok && ok.value).toMatchObject({
      orderId: TIKTOK_ID,
      at: T0 + 5000,
      source: 'tiktok',
    });
  });

  test('a second sale with a known order id is refused as a duplicate and counted once', () => {
    const s = onBuds();
    const first = s.ok({ type: 'sale', orderId: TIKTOK_ID, quantity: 2, source: 'tiktok' });
    expect(first).toMatchObject({ orderId: TIKTOK_ID, quantity: 2, source: 'tiktok' });
    const again = s.run({ type: 'sale', orderId: TIKTOK_ID, quantity: 2, source: 'tiktok' });
    expect(again).toEqual({
      ok: false,
      error: `Order ${TIKTOK_ID} is already recorded: not counted again.`,
      duplicate: { orderId: TIKTOK_ID, type: 'sale' },
    });
    expect(salesTotals(s.ctx())).toMatchObject({ orders: 1, units: 2 });
    // Replay rebuilds the index: a reloaded show refuses it too.
    const replayed = replay(s.sheet, s.log, s.now());
    expect(replayed.context.orders).toEqual({ [TIKTOK_ID]: 0 });
  });

  test('sku resolves by the seller SKU or a platform SKU id; hand entry refuses an unknown one', () => {
    const s = onBuds();
    expect(s.ok({ type: 'sale', sku: 'SKU-BUDS' })).toMatchObject({ productId: 'buds' });
    expect(s.ok({ type: 'sale', sku: 'TT-1729', source: 'tiktok' })).toMatchObject({
      productId: 'buds',
    });
    expect(refusal(s.run({ type: 'sale', sku: 'NOPE' }))).toBe(
      'No product in this run sheet has the SKU "NOPE".',
    );
    expect(refusal(s.run({ type: 'sale', productId: 'ghost' }))).toBe(
      'There is no product "ghost" in this run sheet.',
    );
  });

  test('a platform order for a product off the run sheet is kept apart, touching no stock', () => {
    const s = onBuds();
    const stock = { ...s.ctx().stock };
    s.ok({ type: 'sale', sku: 'NOPE', orderId: 'A-1', price: 2500, source: 'shopify' });
    const sale = s.ctx().sales.at(-1)!;
    expect(sale).toMatchObject({ productId: 'NOPE', unitPrice: 2500, dealId: null });
    expect(sale.order).toMatchObject({ offSheet: true, sku: 'NOPE', listPrice: null });
    expect(s.ctx().stock).toEqual(stock);
    const report = buildReport(s.sheet, s.log, { now: s.now() });
    expect(report.totals).toMatchObject({ orders: 1, gmv: 2500 });
    expect(report.products.every((p) => p.orders === 0)).toBe(true);
    expect(report.orderNotes.offSheet).toEqual({ orders: 1, units: 1, gmv: 2500 });
    expect(report.orderNotes.flagged[0]).toMatchObject({ orderId: 'A-1', flags: ['off-sheet'] });
  });

  test('hand entry is guarded by stock and cap; a platform order past them is recorded and flagged', () => {
    const s = drive(skuSheet);
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.goto', index: 3 }); // mask: 5 in stock
    expect(refusal(s.run({ type: 'sale', quantity: 6 }))).toBe(
      "Only 5 of Hydrating Face Mask left: can't record 6.",
    );
    s.ok({ type: 'sale', quantity: 7, orderId: 'T-1', source: 'tiktok' });
    expect(s.ctx().stock.mask).toBe(0);
    expect(s.ctx().sales.at(-1)!.order).toMatchObject({ overStock: 2, overCap: 0 });
    // Cancelling gives back only what came out of stock.
    s.ok({ type: 'sale.cancel', orderId: 'T-1' });
    expect(s.ctx().stock.mask).toBe(5);

    s.ok({ type: 'show.goto', index: 2 }); // flash on buds: cap 10 at 129.00
    s.ok({ type: 'deal.start' });
    s.ok({ type: 'sale', quantity: 8 });
    expect(refusal(s.run({ type: 'sale', quantity: 3 }))).toMatch(/^Only 2 left at the deal price/);
    s.ok({ type: 'sale', quantity: 3, orderId: 'T-2', source: 'tiktok' });
    expect(s.ctx().sales.at(-1)).toMatchObject({ unitPrice: 12900, priceKind: 'deal' });
    expect(s.ctx().sales.at(-1)!.order).toMatchObject({ overCap: 1, overStock: 0 });
    // The cap sold out: the deal ended.
    expect(s.ctx().deal).toBeNull();
    expect(s.ctx().deals.at(-1)!.endReason).toBe('soldout');
    const flagged = buildReport(s.sheet, s.log, { now: s.now() }).orderNotes.flagged;
    expect(flagged.map((o) => [o.orderId, o.flags])).toEqual([
      ['T-1', ['cancelled', 'over-stock']],
      ['T-2', ['over-cap']],
    ]);
  });
});

describe('attribution to the moment an order was placed', () => {
  test('an order placed during a deal that arrives after it is priced and attributed to that deal', () => {
    const s = drive(skuSheet);
    s.ok({ type: 'show.start' });
    s.advance(1000);
    s.ok({ type: 'show.goto', index: 2 });
    const dealAt = s.now();
    s.ok({ type: 'deal.start' });
    s.advance(30_000);
    const placed = s.now();
    s.advance(1_000);
    s.ok({ type: 'deal.end' });
    s.advance(5_000);
    s.ok({ type: 'show.next' }); // mask on air now
    s.advance(20_000);
    s.ok({ type: 'sale', productId: 'buds', orderId: 'late', at: iso(placed), source: 'tiktok' });
    const sale = s.ctx().sales.at(-1)!;
    expect(sale).toMatchObject({
      at: placed,
      segmentIndex: 2,
      priceKind: 'deal',
      unitPrice: 12900,
    });
    expect(sale.dealId).toBe(s.ctx().deals[0]!.id);
    expect(sale.order?.receivedAt).toBe(s.now());
    expect(onAirAt(s.ctx(), placed)).toMatchObject({
      segmentIndex: 2,
      segmentId: 'f-buds',
      run: 2,
    });
    expect(onAirAt(s.ctx(), dealAt - 1).dealId).toBeNull();
    const report = buildReport(s.sheet, s.log, { now: s.now() });
    expect(report.deals[0]).toMatchObject({ orders: 1, units: 1, gmv: 12900 });
    expect(report.runs.map((r) => r.orders)).toEqual([0, 1, 0]);
  });

  test('a price of its own is recorded, and the report says it differs from the price in force', () => {
    const s = onBuds();
    s.ok({ type: 'sale', orderId: 'P-1', price: 17500, source: 'shopify' });
    expect(s.ctx().sales.at(-1)).toMatchObject({ unitPrice: 17500, priceKind: 'live' });
    const [line] = buildReport(s.sheet, s.log).orderNotes.flagged;
    expect(line).toMatchObject({ unitPrice: 17500, listPrice: 19900, flags: ['price-differs'] });
  });

  test('a time in the future is taken as the arrival', () => {
    const s = onBuds();
    s.ok({ type: 'sale', orderId: 'F-1', at: iso(s.now() + 60_000), source: 'api' });
    expect(s.ctx().sales.at(-1)!.at).toBe(s.now());
  });
});

describe('sale.cancel', () => {
  test('nets GMV and units, restocks unless told not to, and refuses an unknown order', () => {
    const s = onBuds();
    s.ok({ type: 'sale', orderId: 'C-1', quantity: 3, source: 'tiktok' });
    s.ok({ type: 'sale', orderId: 'C-2', quantity: 2, source: 'tiktok' });
    expect(s.ctx().stock.buds).toBe(95);
    s.ok({ type: 'sale.cancel', orderId: 'C-1' });
    s.ok({ type: 'sale.cancel', orderId: 'C-2', restock: false });
    expect(s.ctx().stock.buds).toBe(98);
    expect(salesTotals(s.ctx())).toEqual({ gmv: 0, units: 0, orders: 0 });
    expect(s.run({ type: 'sale.cancel', orderId: 'C-1' })).toMatchObject({
      ok: false,
      duplicate: { orderId: 'C-1', type: 'sale.cancel' },
    });
    expect(refusal(s.run({ type: 'sale.cancel', orderId: 'nope' }))).toBe(
      'There is no order nope in this show: nothing cancelled. Record the order first if it belongs here.',
    );
    // Undo skips cancelled orders: nothing left to take back.
    expect(refusal(s.run({ type: 'sale.undo' }))).toMatch(/Nothing to undo/);
    const report = buildReport(s.sheet, s.log);
    expect(report.totals).toMatchObject({ orders: 0, units: 0, gmv: 0, cancelledOrders: 2 });
    expect(report.orderNotes.cancelled).toEqual({ orders: 2, units: 5, gmv: 5 * 19900 });
    expect(report.orderNotes.flagged.map((o) => [o.orderId, o.restocked])).toEqual([
      ['C-1', true],
      ['C-2', false],
    ]);
  });

  test('after the end: refunds are taken, and platform orders placed before the end', () => {
    const s = onBuds();
    s.ok({ type: 'sale', orderId: 'E-1', source: 'tiktok' });
    s.advance(10_000);
    const before = s.now() - 1;
    s.ok({ type: 'show.end' });
    s.advance(3_000);
    s.ok({ type: 'sale', productId: 'buds', orderId: 'E-2', at: iso(before), source: 'tiktok' });
    expect(s.ctx().sales.at(-1)).toMatchObject({ at: before, segmentIndex: 1 });
    expect(refusal(s.run({ type: 'sale', productId: 'buds', source: 'tiktok' }))).toMatch(
      /^The show has ended: only orders placed before its end/,
    );
    expect(refusal(s.run({ type: 'sale', productId: 'buds' }))).toBe(
      "The show has ended: you can't record a sale now.",
    );
    s.ok({ type: 'sale.cancel', orderId: 'E-1' });
    expect(salesTotals(s.ctx()).orders).toBe(1);
    expect(replay(s.sheet, s.log, s.now()).context).toEqual({ ...s.ctx(), now: s.now() });
  });
});

test('old logs replay unchanged: a hand sale logs no order fields', () => {
  const s = onBuds();
  const event = s.ok({ type: 'sale', quantity: 2, buyer: 'anna' });
  expect(Object.keys(event).sort()).toEqual(['at', 'buyer', 'productId', 'quantity', 'type']);
  expect(s.ctx().sales.at(-1)!.order).toBeNull();
  expect(skuSheet.products[0]!.platformSkuIds).toEqual(['TT-1729']);
});
