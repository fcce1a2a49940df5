import { describe, expect, test } from 'vitest';
import { SOLD_OUT_OFFERED_MS } from '../../../../shared/cards/soldOut';
import { drive } from '../../../support/driver';

/** The base sheet: the mask (5 in stock) has its slot at index 3. */
function onMaskSlot() {
  const s = drive();
  s.ok({ type: 'show.start' });
  s.advance(10_000);
  s.ok({ type: 'show.goto', index: 3 });
  return s;
}

describe('the SOLD OUT card in the view', () => {
  test('a sale that empties the stock: sold out 38 s after the slot began', () => {
    const s = onMaskSlot();
    s.advance(20_000);
    s.ok({ type: 'sale', productId: 'mask', quantity: 3 });
    expect(s.view().cards.soldOut).toBeNull();
    s.advance(18_000);
    s.ok({ type: 'sale', productId: 'mask', quantity: 2 });
    s.advance(2_000);
    expect(s.view().cards.soldOut).toEqual({
      productId: 'mask',
      productName: 'Hydrating Face Mask',
      afterMs: 38_000,
      agoMs: 2_000,
    });
  });

  test('measured from the flash deal when it sold out in one', () => {
    const s = drive();
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.goto', index: 1 });
    s.advance(30_000);
    s.ok({ type: 'deal.start', productId: 'buds', seconds: 120, quantity: 100 });
    s.advance(12_000);
    s.ok({ type: 'sale', productId: 'buds', quantity: 100 });
    expect(s.view().cards.soldOut).toMatchObject({ productId: 'buds', afterMs: 12_000 });
  });

  test('an undone sale gives the stock back: no card', () => {
    const s = onMaskSlot();
    s.ok({ type: 'sale', productId: 'mask', quantity: 5 });
    expect(s.view().cards.soldOut?.productId).toBe('mask');
    s.ok({ type: 'sale.undo' });
    expect(s.view().cards.soldOut).toBeNull();
  });

  test('offered for a minute only, and never before the start or after the end', () => {
    const s = onMaskSlot();
    s.ok({ type: 'sale', productId: 'mask', quantity: 5 });
    s.advance(SOLD_OUT_OFFERED_MS);
    expect(s.view().cards.soldOut?.agoMs).toBe(SOLD_OUT_OFFERED_MS);
    s.advance(1);
    expect(s.view().cards.soldOut).toBeNull();
    expect(drive().view().cards).toEqual({ soldOut: null, recap: null });
  });

  test('sold off air (another slot): from when it was first on air', () => {
    const s = onMaskSlot();
    s.advance(5_000);
    s.ok({ type: 'show.goto', index: 4 });
    s.advance(15_000);
    s.ok({ type: 'sale', productId: 'mask', quantity: 5 });
    expect(s.view().cards.soldOut?.afterMs).toBe(20_000);
  });
});
