import { describe, expect, test } from 'vitest';
import { drive, T0 } from '../../../support/driver';

describe('selectOverlayView', () => {
  test('before the start: the plan, no product, the first segment as next', () => {
    const s = drive();
    const view = s.view();
    expect(view).toMatchObject({
      phase: 'ready',
      title: 'Test show',
      currency: 'CNY',
      segment: null,
      product: null,
      deal: null,
    });
    expect(view.next).toMatchObject({ kind: 'opening', title: 'Opening', startsInMs: 0 });
    expect(view.show).toEqual({ elapsedMs: 0, remainingMs: 1_800_000, plannedMs: 1_800_000 });
  });

  test('a product slot with a deal: the card shows the deal product at the deal price', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.advance(60_000);
    s.ok({ type: 'show.goto', index: 2 });
    s.ok({ type: 'deal.start' });
    s.advance(30_000);
    s.ok({ type: 'sale', quantity: 2, buyer: 'anna' });
    s.advance(1_000);
    const view = s.view();
    expect(view.segment).toEqual({
      index: 2,
      count: 6,
      kind: 'flash',
      title: 'Flash sale: Wireless Earbuds',
      plannedMs: 120_000,
      elapsedMs: 31_000,
      remainingMs: 89_000,
    });
    expect(view.product).toMatchObject({
      id: 'buds',
      retailPrice: 29900,
      livePrice: 19900,
      price: 12900,
      priceKind: 'deal',
      stock: 98,
      initialStock: 100,
      soldOut: false,
    });
    expect(view.deal).toEqual({
      productId: 'buds',
      price: 12900,
      remainingMs: 59_000,
      totalMs: 90_000,
      cap: 10,
      sold: 2,
      frozen: false,
    });
    expect(view.next).toMatchObject({
      kind: 'product',
      title: 'Hydrating Face Mask',
      productName: 'Hydrating Face Mask',
      startsInMs: 89_000,
    });
    expect(view.ticker).toEqual({
      recent: [
        { id: 2, buyer: 'anna', productName: 'Wireless Earbuds', quantity: 2, agoMs: 1_000 },
      ],
      unitsLastMinute: 2,
      unitsTotal: 2,
    });
    expect(view.show.elapsedMs).toBe(91_000);
  });

  test('the ticker counts the last minute and forgets undone orders', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'sale', quantity: 3 });
    s.advance(45_000);
    s.ok({ type: 'sale', quantity: 4 });
    s.ok({ type: 'sale', quantity: 1 });
    s.ok({ type: 'sale.undo' });
    s.advance(30_000);
    expect(s.view().ticker).toMatchObject({ unitsLastMinute: 4, unitsTotal: 7 });
    expect(s.view().ticker.recent.map((r) => r.quantity)).toEqual([4, 3]);
  });

  test('after the end: no product, no next, the show frozen at its real length', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.advance(90_000);
    s.ok({ type: 'show.end' });
    s.advance(60_000);
    const view = s.view();
    expect(view).toMatchObject({ phase: 'ended', product: null, next: null, lowerThird: false });
    expect(view.show).toEqual({ elapsedMs: 90_000, remainingMs: 0, plannedMs: 1_800_000 });
    expect(view.segment?.elapsedMs).toBe(90_000);
    expect(T0).toBeGreaterThan(0);
  });
});
