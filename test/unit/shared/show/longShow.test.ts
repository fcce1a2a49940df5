import { describe, expect, test } from 'vitest';
import { replay } from '../../../../shared/show';
import { parseRunSheet, type RunSheetInput } from '../../../../shared/runsheet';
import { drive, T0 } from '../../../support/driver';

/** A busy 4-hour show: 40 six-minute slots over 10 products, 20 deals, 2,400 units. */
function fourHourSheet() {
  const products = Array.from({ length: 10 }, (_, i) => ({
    id: `p${i}`,
    name: `Product ${i}`,
    retailPrice: 10_000 + i * 1000,
    livePrice: 8_000 + i * 1000,
    flashPrice: 6_000 + i * 1000,
    stock: 1000,
  }));
  const segments = Array.from({ length: 40 }, (_, i) => ({
    id: `s${i}`,
    kind: 'product' as const,
    productId: `p${i % 10}`,
    durationSec: 360,
  }));
  const input: RunSheetInput = {
    format: 'flashcue.runsheet',
    version: 1,
    id: 'four-hours',
    show: { title: 'Marathon', currency: 'CNY', durationSec: 4 * 3600 },
    products,
    segments,
  };
  const parsed = parseRunSheet(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('a four-hour show on a simulated clock', () => {
  test('every deal ends on its deadline, stock and totals add up, and replay agrees', () => {
    const s = drive(fourHourSheet());
    s.ok({ type: 'show.start' });
    const deadlines: number[] = [];
    for (let slot = 0; slot < 40; slot++) {
      if (slot > 0) s.ok({ type: 'show.next' });
      if (slot % 2 === 0) {
        s.ok({ type: 'deal.start', seconds: 120 + (slot % 3) * 30 });
        deadlines.push(s.ctx().deal!.endsAt);
      }
      // 60 units per slot: 12 orders of 5, one every 30 s.
      for (let order = 0; order < 12; order++) {
        s.ok({ type: 'sale', quantity: 5, buyer: `buyer${slot}-${order}` });
        s.advance(30_000);
      }
      if (slot % 10 === 9) s.ok({ type: 'viewers', concurrent: 1000 + slot * 10 });
    }
    expect(s.now() - T0).toBe(4 * 3600 * 1000);
    s.ok({ type: 'show.end' });

    const ctx = s.ctx();
    expect(ctx.deals).toHaveLength(20);
    expect(ctx.deals.map((d) => d.endedAt)).toEqual(deadlines);
    expect(ctx.deals.every((d) => d.endReason === 'expired')).toBe(true);
    const units = ctx.sales.reduce((n, x) => n + x.quantity, 0);
    expect(units).toBe(2400);
    expect(Object.values(ctx.stock).reduce((a, b) => a + b, 0)).toBe(10 * 1000 - 2400);
    // Deal-priced units: sales inside each deal's window.
    const dealUnits = ctx.sales
      .filter((x) => x.priceKind === 'deal')
      .reduce((n, x) => n + x.quantity, 0);
    expect(dealUnits).toBe(ctx.deals.reduce((n, d) => n + d.sold, 0));
    expect(ctx.history).toHaveLength(40);
    expect(ctx.history.every((r, i) => r.endedAt! - r.startedAt === 360_000 && r.index === i)).toBe(
      true,
    );

    const rebuilt = replay(s.sheet, s.log, s.now());
    expect(rebuilt.context).toEqual(ctx);
    expect(rebuilt.value).toEqual(s.snapshot().value);
  });
});
