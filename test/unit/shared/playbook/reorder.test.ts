/** Applying a suggested product order to the segments: product slots permuted, the rest kept. */
import { describe, expect, test } from 'vitest';
import { reorderedSegments } from '../../../../shared/playbook/fromHistory';

const seg = (kind: string, productId?: string) => ({ kind, productId });
const plan = [
  seg('opening'),
  seg('product', 'buds'),
  seg('flash', 'buds'),
  seg('product', 'mask'),
  seg('engagement'),
  seg('product', 'lamp'),
  seg('product', 'buds'),
  seg('closing'),
];

describe('reorderedSegments', () => {
  test('moves each product’s first segment among those slots; revisits and the rest stay', () => {
    const order = reorderedSegments(plan, ['lamp', 'buds', 'mask']);
    expect(order.map((i) => `${plan[i]!.kind}:${plan[i]!.productId ?? ''}`)).toEqual([
      'opening:',
      'product:lamp',
      'flash:buds',
      'product:buds',
      'engagement:',
      'product:mask',
      'product:buds',
      'closing:',
    ]);
  });

  test('is the identity for the current order, and keeps unnamed products after the named', () => {
    expect(reorderedSegments(plan, ['buds', 'mask', 'lamp'])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const order = reorderedSegments(plan, ['mask']);
    expect(order.filter((i) => plan[i]!.kind === 'product').map((i) => plan[i]!.productId)).toEqual(
      ['mask', 'buds', 'lamp', 'buds'],
    );
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
