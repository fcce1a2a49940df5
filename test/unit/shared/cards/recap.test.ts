import { describe, expect, test } from 'vitest';
import { nextShowOf } from '../../../../shared/cards/nextShow';
import { selectOverlayView } from '../../../../shared/view/overlayView';
import { drive, T0 } from '../../../support/driver';

const NEXT = { at: T0 + 7 * 86_400_000, timeZone: 'Asia/Shanghai' };

function atLastCall() {
  const s = drive();
  s.ok({ type: 'show.start' });
  s.ok({ type: 'show.goto', index: 1 });
  s.ok({ type: 'sale', productId: 'buds', quantity: 4 });
  s.ok({ type: 'show.goto', index: 3 });
  s.ok({ type: 'sale', productId: 'mask', quantity: 2 });
  s.ok({ type: 'show.goto', index: 5 });
  return s;
}

describe('the last-call recap in the view', () => {
  test('only while the closing segment is on air', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    expect(s.view().cards.recap).toBeNull();
    s.ok({ type: 'show.goto', index: 5 });
    expect(s.view().cards.recap).not.toBeNull();
    s.ok({ type: 'show.end' });
    expect(s.view().cards.recap).toBeNull();
  });

  test('top sellers by units, then the offers still open (revealed, in stock, below retail)', () => {
    const s = atLastCall();
    const recap = selectOverlayView(s.snapshot(), s.now(), NEXT).cards.recap;
    expect(recap).toEqual({
      top: [
        { name: 'Wireless Earbuds', units: 4 },
        { name: 'Hydrating Face Mask', units: 2 },
      ],
      open: [
        { name: 'Wireless Earbuds', price: 19900, retailPrice: 29900, left: 96, deal: false },
        { name: 'Hydrating Face Mask', price: 5900, retailPrice: 8900, left: 3, deal: false },
      ],
      next: NEXT,
    });
  });

  test('a running flash deal leads the open offers; a sold-out product is not open', () => {
    const s = atLastCall();
    s.ok({ type: 'sale', productId: 'mask', quantity: 3 });
    s.ok({ type: 'deal.start', productId: 'buds', seconds: 60 });
    const recap = s.view().cards.recap!;
    expect(recap.open).toEqual([
      { name: 'Wireless Earbuds', price: 14900, retailPrice: 29900, left: 96, deal: true },
    ]);
    expect(recap.top.map((t) => t.units)).toEqual([5, 4]);
    expect(recap.next).toBeNull();
  });
});

describe('the next show of a series', () => {
  const series = [
    {
      sessions: [
        { index: 1, sheetId: 'w1', date: '2026-04-07T19:00:00+08:00', theme: null },
        { index: 2, sheetId: 'w2', date: '2026-04-14T19:00:00+08:00', theme: null },
        { index: 3, sheetId: 'w3', date: '2026-04-21T19:00:00+08:00', theme: null },
      ],
    },
  ];
  const apr7 = Date.parse('2026-04-07T20:00:00+08:00');

  test('the session after this sheet, in the show’s zone', () => {
    expect(nextShowOf(series, 'w1', 'Asia/Shanghai', apr7)).toEqual({
      at: Date.parse('2026-04-14T11:00:00Z'),
      timeZone: 'Asia/Shanghai',
    });
  });

  test('skips a date already past; none after the last session or outside a series', () => {
    const late = Date.parse('2026-04-15T00:00:00Z');
    expect(nextShowOf(series, 'w1', 'UTC', late)?.at).toBe(Date.parse('2026-04-21T11:00:00Z'));
    expect(nextShowOf(series, 'w3', 'UTC', apr7)).toBeNull();
    expect(nextShowOf(series, 'other', 'UTC', apr7)).toBeNull();
  });

  test('an unknown zone falls back to UTC', () => {
    expect(nextShowOf(series, 'w1', 'Mars/Olympus', apr7)?.timeZone).toBe('UTC');
  });
});
