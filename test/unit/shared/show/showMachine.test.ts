import { describe, expect, test } from 'vitest';
import {
  lowerThirdShown,
  projectedEndAt,
  showState,
  slotRemainingMs,
} from '../../../../shared/show';
import { drive, T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const refusal = (d: { ok: boolean; error?: string }) => (d.ok ? '(accepted)' : d.error);

describe('phases', () => {
  test('ready → live → ended, with the first segment on air at start', () => {
    const s = drive();
    expect(showState(s.snapshot()).phase).toBe('ready');
    s.ok({ type: 'show.start' });
    expect(showState(s.snapshot()).phase).toBe('live');
    expect(s.ctx().onAir).toEqual({ index: 0, startedAt: T0, pausedAt: null, pausedMs: 0 });
    s.advance(1000);
    s.ok({ type: 'show.end' });
    expect(showState(s.snapshot()).phase).toBe('ended');
    expect(s.ctx().endedAt).toBe(T0 + 1000);
    expect(s.ctx().history).toEqual([
      { index: 0, segmentId: 'open', startedAt: T0, endedAt: T0 + 1000, pausedMs: 0 },
    ]);
  });

  test('commands before the start and after the end are refused with a reason', () => {
    const s = drive();
    expect(refusal(s.run({ type: 'show.next' }))).toMatch(/Start the show/);
    expect(refusal(s.run({ type: 'sale' }))).toMatch(/Start the show/);
    expect(refusal(s.run({ type: 'deal.start', seconds: 60 }))).toMatch(/Start the show/);
    expect(refusal(s.run({ type: 'sale.undo' }))).toMatch(/Nothing to undo/);
    s.ok({ type: 'show.start' });
    expect(refusal(s.run({ type: 'show.start' }))).toMatch(/already live/);
    s.ok({ type: 'show.end' });
    expect(refusal(s.run({ type: 'show.next' }))).toMatch(/has ended/);
    expect(refusal(s.run({ type: 'sale', productId: 'buds' }))).toMatch(/has ended/);
    expect(refusal(s.run({ type: 'cue', text: 'hi' }))).toMatch(/has ended/);
    expect(refusal(s.run({ type: 'show.start' }))).toMatch(/has ended/);
    expect(s.log.map((e) => e.type)).toEqual(['show.start', 'show.end']);
  });
});

describe('navigation', () => {
  test('next, prev and goto move the segment on air and keep a history of runs', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    expect(refusal(s.run({ type: 'show.prev' }))).toMatch(/first segment/);
    s.advance(120_000);
    s.ok({ type: 'show.next' });
    s.advance(10_000);
    s.ok({ type: 'show.goto', index: 5 });
    expect(refusal(s.run({ type: 'show.next' }))).toMatch(/last segment/);
    expect(refusal(s.run({ type: 'show.goto', index: 5 }))).toMatch(/already on air/);
    expect(refusal(s.run({ type: 'show.goto', index: 9 }))).toMatch(/no segment 10/);
    s.ok({ type: 'show.prev' });
    expect(s.ctx().onAir?.index).toBe(4);
    expect(
      s
        .ctx()
        .history.map((r) => [
          r.index,
          r.startedAt - T0,
          r.endedAt === null ? null : r.endedAt - T0,
        ]),
    ).toEqual([
      [0, 0, 120_000],
      [1, 120_000, 130_000],
      [5, 130_000, 130_000],
      [4, 130_000, null],
    ]);
  });

  test('slot overtime and the projected end are derived from the clock', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.advance(100_000);
    expect(slotRemainingMs(s.ctx(), s.now())).toBe(20_000);
    // Later segments: 300+120+240+60+180 s after this one.
    expect(projectedEndAt(s.ctx(), s.now())).toBe(s.now() + 20_000 + 900_000);
    s.advance(50_000);
    expect(slotRemainingMs(s.ctx(), s.now())).toBe(-30_000);
    expect(s.view().segment?.remainingMs).toBe(-30_000);
    expect(projectedEndAt(s.ctx(), s.now())).toBe(s.now() + 900_000);
  });
});

describe('pause', () => {
  test('pausing freezes slot time but not a deal deadline', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.advance(30_000);
    s.ok({ type: 'deal.start', seconds: 60 });
    s.ok({ type: 'show.pause' });
    expect(refusal(s.run({ type: 'show.pause' }))).toMatch(/already paused/);
    s.advance(45_000);
    expect(s.view().phase).toBe('paused');
    expect(s.view().segment?.elapsedMs).toBe(30_000);
    expect(s.view().deal?.remainingMs).toBe(15_000);
    s.advance(15_000);
    expect(s.ctx().deal).toBeNull();
    expect(s.ctx().deals[0]).toMatchObject({ endReason: 'expired', endedAt: T0 + 90_000 });
    s.ok({ type: 'show.resume' });
    s.advance(10_000);
    expect(s.view().segment?.elapsedMs).toBe(40_000);
    expect(refusal(s.run({ type: 'show.resume' }))).toMatch(/not paused/);
  });

  test('the producer can freeze the deal with the pause', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'deal.start', seconds: 60 });
    s.advance(20_000);
    s.ok({ type: 'show.pause', freezeDeal: true });
    s.advance(5 * 60_000);
    expect(s.view().deal).toMatchObject({ remainingMs: 40_000, frozen: true });
    s.ok({ type: 'show.resume' });
    s.advance(39_999);
    expect(s.ctx().deal).not.toBeNull();
    s.advance(1);
    expect(s.ctx().deals[0]).toMatchObject({
      endReason: 'expired',
      frozenMs: 300_000,
      endedAt: T0 + 360_000,
    });
  });

  test('moving to another segment while paused keeps the show paused', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.pause' });
    s.ok({ type: 'show.goto', index: 3 });
    s.advance(60_000);
    expect(s.view().phase).toBe('paused');
    expect(s.view().segment?.elapsedMs).toBe(0);
    s.ok({ type: 'show.resume' });
    s.advance(5_000);
    expect(s.view().segment?.elapsedMs).toBe(5_000);
  });
});

describe('flash deals', () => {
  test('a planned deal on a flash-sale segment takes its price, length and cap from the plan', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.goto', index: 2 });
    const event = s.ok({ type: 'deal.start' });
    expect(event).toMatchObject({
      productId: 'buds',
      price: 12900,
      seconds: 90,
      quantity: 10,
      planned: true,
    });
    expect(refusal(s.run({ type: 'deal.start', seconds: 30 }))).toMatch(/already running/);
  });

  test('an ad hoc deal defaults to the product on air and its flash settings', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    expect(refusal(s.run({ type: 'deal.start', seconds: 60 }))).toMatch(/No product is on air/);
    s.ok({ type: 'show.next' });
    expect(s.ok({ type: 'deal.start' })).toMatchObject({
      productId: 'buds',
      price: 14900,
      seconds: 60,
      quantity: null,
      planned: false,
    });
    s.ok({ type: 'deal.end' });
    expect(
      s.ok({ type: 'deal.start', productId: 'lamp', price: 9900, seconds: 30, quantity: 5 }),
    ).toMatchObject({ productId: 'lamp', price: 9900 });
    s.ok({ type: 'deal.end' });
    expect(refusal(s.run({ type: 'deal.start', productId: 'mask' }))).toMatch(/How long/);
    expect(
      refusal(s.run({ type: 'deal.start', productId: 'lamp', price: 20000, seconds: 30 })),
    ).toMatch(/above Desk Lamp's live price/);
    expect(refusal(s.run({ type: 'deal.start', productId: 'ghost', seconds: 30 }))).toMatch(
      /no product "ghost"/,
    );
    expect(refusal(s.run({ type: 'deal.end' }))).toMatch(/No flash deal/);
    expect(refusal(s.run({ type: 'deal.extend', seconds: 10 }))).toMatch(/No flash deal/);
  });

  test('a deal ends by itself at its deadline, to the millisecond', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'deal.start', seconds: 60 });
    s.advance(59_999);
    expect(s.snapshot().matches({ live: { deal: 'running' } })).toBe(true);
    expect(s.view().deal?.remainingMs).toBe(1);
    s.advance(1);
    expect(s.snapshot().matches({ live: { deal: 'idle' } })).toBe(true);
    expect(s.ctx().deals).toMatchObject([{ endReason: 'expired', endedAt: T0 + 60_000, sold: 0 }]);
  });

  test('extending moves the deadline and re-arms the timer', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'deal.start', seconds: 60 });
    s.advance(50_000);
    s.ok({ type: 'deal.extend', seconds: 30 });
    s.advance(20_000);
    expect(s.view().deal?.remainingMs).toBe(20_000);
    s.advance(20_000);
    expect(s.ctx().deals[0]).toMatchObject({
      endReason: 'expired',
      endedAt: T0 + 90_000,
      extendedMs: 30_000,
      plannedMs: 60_000,
    });
  });

  test('a deal ends when its quantity cap sells out, and an order past the cap is refused', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.goto', index: 2 });
    s.ok({ type: 'deal.start' });
    s.ok({ type: 'sale', quantity: 8 });
    expect(refusal(s.run({ type: 'sale', quantity: 3 }))).toMatch(/Only 2 left at the deal price/);
    s.advance(5_000);
    s.ok({ type: 'sale', quantity: 2, buyer: 'anna' });
    expect(s.ctx().deal).toBeNull();
    expect(s.ctx().deals[0]).toMatchObject({ endReason: 'soldout', endedAt: T0 + 5_000, sold: 10 });
    expect(s.ctx().sales.map((x) => [x.quantity, x.unitPrice, x.priceKind])).toEqual([
      [8, 12900, 'deal'],
      [2, 12900, 'deal'],
    ]);
    expect(s.ok({ type: 'sale' })).toMatchObject({ productId: 'buds', quantity: 1 });
    expect(s.ctx().sales.at(-1)).toMatchObject({ unitPrice: 19900, priceKind: 'live' });
  });

  test('a sale just after the deadline is priced live even before the timer fires', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'deal.start', seconds: 60 });
    const snapshotBefore = s.snapshot();
    // Judge a sale at T0+61s against the snapshot from before the timer: settle must close the deal.
    s.clock.set(T0 + 61_000);
    expect(snapshotBefore.context.deal).not.toBeNull();
    s.ok({ type: 'sale' });
    expect(s.ctx().sales[0]).toMatchObject({ priceKind: 'live', unitPrice: 19900, dealId: null });
    expect(s.ctx().deals[0]).toMatchObject({ endReason: 'expired', endedAt: T0 + 60_000 });
  });
});

describe('sales and stock', () => {
  test('price in force: deal, then live once the product is revealed, retail before', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'sale', productId: 'mask' });
    s.ok({ type: 'show.goto', index: 3 });
    s.ok({ type: 'sale', productId: 'mask' });
    expect(s.ctx().sales.map((x) => [x.unitPrice, x.priceKind])).toEqual([
      [8900, 'retail'],
      [5900, 'live'],
    ]);
  });

  test('with the live price in force from the show start, nothing sells at retail during the show', () => {
    const s = drive(makeSheet((sheet) => void (sheet.show.livePriceFrom = 'showStart')));
    s.ok({ type: 'show.start' });
    s.ok({ type: 'sale', productId: 'lamp' });
    expect(s.ctx().sales[0]).toMatchObject({ unitPrice: 12900, priceKind: 'live' });
  });

  test('stock never goes negative: an oversell is refused and the product sells out', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.goto', index: 3 });
    expect(refusal(s.run({ type: 'sale', quantity: 6 }))).toBe(
      "Only 5 of Hydrating Face Mask left: can't record 6.",
    );
    s.ok({ type: 'sale', quantity: 5 });
    expect(s.view().product).toMatchObject({ id: 'mask', stock: 0, soldOut: true });
    expect(refusal(s.run({ type: 'sale' }))).toMatch(/sold out/);
    expect(refusal(s.run({ type: 'deal.start', seconds: 30 }))).toMatch(/sold out/);
    s.ok({ type: 'stock.set', productId: 'mask', remaining: 3 });
    s.ok({ type: 'sale' });
    expect(s.ctx().stock.mask).toBe(2);
  });

  test('undo takes back the last order: stock and the deal count come back', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.goto', index: 2 });
    s.ok({ type: 'deal.start' });
    s.ok({ type: 'sale', quantity: 3 });
    s.ok({ type: 'sale', quantity: 4 });
    s.ok({ type: 'sale.undo' });
    expect(s.ctx().deal?.sold).toBe(3);
    expect(s.ctx().stock.buds).toBe(97);
    s.ok({ type: 'sale.undo' });
    expect(refusal(s.run({ type: 'sale.undo' }))).toMatch(/Nothing to undo/);
    expect(s.ctx().stock.buds).toBe(100);
    expect(s.ctx().sales.every((x) => x.undoneAt !== null)).toBe(true);
  });

  test("setting a deal product's stock to zero ends the deal as sold out", () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'deal.start', seconds: 600 });
    s.ok({ type: 'stock.set', productId: 'buds', remaining: 0 });
    expect(s.ctx().deals[0]).toMatchObject({ endReason: 'soldout' });
    expect(refusal(s.run({ type: 'stock.set', productId: 'nope', remaining: 1 }))).toMatch(
      /no product "nope"/,
    );
  });
});

describe('viewers, lower third, cues, end', () => {
  test('viewer samples while live; unique viewers also after the end', () => {
    const s = drive();
    expect(refusal(s.run({ type: 'viewers', concurrent: 10 }))).toMatch(
      /only while the show is live/,
    );
    s.ok({ type: 'show.start' });
    s.ok({ type: 'viewers', concurrent: 120 });
    s.advance(60_000);
    s.ok({ type: 'viewers', concurrent: 340 });
    s.ok({ type: 'show.end' });
    expect(refusal(s.run({ type: 'viewers', concurrent: 1 }))).toMatch(
      /only while the show is live/,
    );
    s.ok({ type: 'viewers', unique: 5200 });
    expect(s.ctx().viewerSamples).toEqual([
      { at: T0, concurrent: 120 },
      { at: T0 + 60_000, concurrent: 340 },
    ]);
    expect(s.ctx().uniqueViewers).toBe(5200);
  });

  test('lower third in and out; cues reach the view', () => {
    const s = drive();
    s.ok({ type: 'cue', text: 'Mic check' });
    s.ok({ type: 'show.start' });
    expect(lowerThirdShown(s.snapshot())).toBe(true);
    s.ok({ type: 'lowerThird.hide' });
    expect(s.view().lowerThird).toBe(false);
    s.ok({ type: 'lowerThird.show' });
    expect(s.view().lowerThird).toBe(true);
    s.advance(3_000);
    s.ok({ type: 'cue', text: 'Push the deal' });
    s.advance(2_000);
    expect(s.view().cue).toEqual({ text: 'Push the deal', agoMs: 2_000 });
  });

  test('ending the show closes a running deal', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'deal.start', seconds: 600 });
    s.advance(1_000);
    s.ok({ type: 'show.end' });
    expect(s.ctx().deals[0]).toMatchObject({ endReason: 'show-ended', endedAt: T0 + 1_000 });
    s.advance(600_000);
    expect(s.ctx().deals).toHaveLength(1);
  });
});
