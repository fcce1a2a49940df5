import { describe, expect, it } from 'vitest';
import type { ReceivedView } from '../../../shared/protocol/viewReceiver';
import type { OverlayView } from '../../../shared/view/overlayView';
import { countdownSource, readCountdown } from '../../../overlay/countdown/countdownSource';
import { inkOn } from '../../../overlay/lib/theme';
import { monogram, savingPercent } from '../../../overlay/lower-third/product';
import { nextUpSource, readNextUp } from '../../../overlay/next-up/nextUp';
import { stockLevel, stockText } from '../../../overlay/stock/stockLevel';
import { isLow } from '../../../shared/view/lowStock';
import { dealView, earbuds, liveView, product } from '../../e2e/fixtures/overlay/views';

const at = (view: OverlayView, receivedAt = 1_000): ReceivedView => ({
  view,
  receivedAt,
  showId: 's',
});

describe('countdown sources', () => {
  it('deal mode follows the running deal and freezes with it', () => {
    expect(countdownSource(at(liveView()), 'deal')).toBeNull();
    expect(countdownSource(at(dealView(42_000)), 'deal')).toEqual({
      remainingMs: 42_000,
      receivedAt: 1_000,
      running: true,
      signed: false,
    });
    expect(countdownSource(at(dealView(42_000, { frozen: true })), 'deal')?.running).toBe(false);
    expect(readCountdown(at(dealView(42_000, { frozen: true })), 'deal', 42_000)).toMatchObject({
      paused: true,
      totalMs: 60_000,
    });
  });

  it('slot mode is signed (overtime) and stops while the show is paused', () => {
    expect(countdownSource(at(liveView()), 'slot')).toMatchObject({
      remainingMs: 240_000,
      signed: true,
      running: true,
    });
    expect(countdownSource(at(liveView({ phase: 'paused' })), 'slot')?.running).toBe(false);
    expect(countdownSource(at(liveView({ phase: 'ended' })), 'slot')).toBeNull();
    expect(readCountdown(at(liveView()), 'slot', 240_000)?.label).toBe('Wireless Earbuds Pro');
  });

  it('show mode holds still while the slot runs over (the projected end does)', () => {
    const over = liveView({ segment: { ...liveView().segment!, remainingMs: -5_000 } });
    expect(countdownSource(at(over), 'show')?.running).toBe(false);
    expect(countdownSource(at(liveView()), 'show')?.running).toBe(true);
  });
});

describe('next up', () => {
  it('says "in m:ss", then "Up next" under the threshold or while paused', () => {
    const r = at(liveView());
    expect(nextUpSource(r)).toMatchObject({ remainingMs: 150_000, running: true });
    expect(readNextUp(r, 150_000, 10)).toMatchObject({
      title: 'Hydrating Face Serum',
      when: 'in 2:30',
      soon: false,
    });
    expect(readNextUp(r, 9_001, 10)).toMatchObject({ when: 'in 0:10', soon: false });
    expect(readNextUp(r, 9_000, 10)).toMatchObject({ when: 'Up next', soon: true });
    expect(readNextUp(at(liveView({ phase: 'paused' })), 150_000, 10)?.when).toBe('Up next');
  });

  it('prefers the product name, else the segment title; hidden when nothing follows', () => {
    const br = liveView({
      next: { kind: 'break', title: 'Break', productName: null, startsInMs: 60_000 },
    });
    expect(readNextUp(at(br), 60_000, 10)?.title).toBe('Break');
    expect(readNextUp(at(liveView({ next: null })), 0, 10)).toBeNull();
    expect(readNextUp(at(liveView({ phase: 'ended' })), 0, 10)).toBeNull();
  });
});

describe('stock', () => {
  it('is low at or under the unit or percentage threshold, not when sold out', () => {
    expect(isLow(10, 50, { units: 10 })).toBe(true);
    expect(isLow(11, 50, { units: 10 })).toBe(false);
    expect(isLow(10, 50, { percent: 20 })).toBe(true);
    expect(isLow(11, 50, { percent: 20 })).toBe(false);
    expect(isLow(0, 50, { units: 10 })).toBe(false);
  });

  it('by default (the product panel, and the stock overlay without ?low=) is 10 units left, whatever the starting stock', () => {
    expect(isLow(10, 1000)).toBe(true);
    expect(isLow(11, 1000)).toBe(false);
    expect(isLow(6, 50)).toBe(true); // max(5, 10%) said no: the panel and the overlay disagreed
    expect(isLow(0, 50)).toBe(false);
  });

  it('reads the product in focus: "Only 4 left", "42 left", "Sold out"', () => {
    const four = stockLevel(liveView({ product: product({ stock: 4 }) }), { units: 10 })!;
    expect(four).toMatchObject({ left: 4, total: 50, low: true, soldOut: false });
    expect(four.fraction).toBeCloseTo(0.08);
    expect(stockText(four)).toBe('Only 4 left');
    expect(stockText(stockLevel(liveView(), { units: 10 })!)).toBe('42 left');
    const out = stockLevel(liveView({ product: product({ stock: 0 }) }), { units: 10 })!;
    expect(out).toMatchObject({ soldOut: true, low: false, fraction: 0 });
    expect(stockText(out)).toBe('Sold out');
    expect(stockLevel(liveView({ product: null }), { units: 10 })).toBeNull();
  });

  it('counts a capped deal\'s quantity "at this price"', () => {
    const level = stockLevel(dealView(30_000, { cap: 20, sold: 17 }), { units: 5 })!;
    expect(level).toMatchObject({ left: 3, total: 20, atDealPrice: true, low: true });
    expect(stockText(level)).toBe('Only 3 left at this price');
  });
});

describe('product card readings', () => {
  it('makes a monogram from the first two words', () => {
    expect(monogram(earbuds.name)).toBe('WE');
    expect(monogram('Wireless Earbuds')).toBe('WE');
    expect(monogram('sérum')).toBe('S');
    expect(monogram('  (new) 4-pack lights')).toBe('N4');
    expect(monogram('—')).toBe('•');
  });

  it('rounds the saving against retail, none when there is none', () => {
    expect(savingPercent(29_900, 19_900)).toBe(33);
    expect(savingPercent(29_900, 29_900)).toBeNull();
    expect(savingPercent(0, 0)).toBeNull();
  });

  it('picks readable ink on the accent', () => {
    expect(inkOn('#ff5a1f')).toBe('#ffffff');
    expect(inkOn('#fe2c55')).toBe('#ffffff');
    expect(inkOn('#1e3a8a')).toBe('#ffffff');
    expect(inkOn('#ffd000')).toBe('#0b0d12');
    expect(inkOn('#ffffff')).toBe('#0b0d12');
  });
});
