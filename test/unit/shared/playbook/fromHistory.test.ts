/** Plan from history: per-product figures and a suggested order onto past peaks. */
import { describe, expect, test } from 'vitest';
import {
  peakPositions,
  productInsight,
  suggestedOrder,
} from '../../../../shared/playbook/fromHistory';
import type { ProductAppearance, ProductHistory } from '../../../../shared/report/history';
import { makeSheet } from '../../../support/sheets';

const MIN = 60_000;
const seen = (position: number, units: number, onAirMin: number) =>
  ({ position, units, onAirMs: onAirMin * MIN }) as ProductAppearance;
function past(productId: string, appearances: ProductAppearance[]): ProductHistory {
  const units = appearances.reduce((t, a) => t + a.units, 0);
  const onAirMs = appearances.reduce((t, a) => t + a.onAirMs, 0);
  return {
    productId,
    appearances,
    shows: appearances.length,
    units,
    onAirMs,
    gmv: units * 100_00,
    conversion: 0.05,
  } as ProductHistory;
}

// Past shows peaked at position 2: whatever was there sold 4–6 units a minute.
const history = [
  past('mask', [seen(1, 5, 5), seen(2, 20, 5)]), // 2.5/min overall, best at 2
  past('lamp', [seen(2, 30, 5), seen(3, 2, 5)]), // 3.2/min overall, best at 2
];

describe('plan from history', () => {
  test('a product’s units per minute, conversion and best position', () => {
    expect(productInsight(history[0]!)).toEqual({
      productId: 'mask',
      shows: 2,
      unitsPerMin: 2.5,
      gmvPerMin: 250_00,
      conversion: 0.05,
      bestPosition: 2,
    });
  });

  test('positions ranked by what sold there; unknown positions last', () => {
    expect(peakPositions(history, 4)).toEqual([2, 1, 3, 4]);
  });

  test('proven sellers go to the peaks, best on best; new products fill the rest in order', () => {
    // The base sheet presents buds, then mask; add the lamp third.
    const sheet = makeSheet((s) => {
      s.segments.push({ id: 's-lamp', kind: 'product', productId: 'lamp', durationSec: 240 });
    });
    expect(suggestedOrder(sheet, history)).toEqual(['mask', 'lamp', 'buds']);
    expect(suggestedOrder(sheet, [])).toEqual(['buds', 'mask', 'lamp']);
  });
});
