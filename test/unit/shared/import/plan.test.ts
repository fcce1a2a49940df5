import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateSegments } from '../../../../shared/import/plan';
import {
  RUNSHEET_FORMAT,
  RUNSHEET_VERSION,
  parseRunSheet,
  type Product,
  type Segment,
} from '../../../../shared/runsheet';

const product = (i: number, discounted = true): Product => ({
  id: `p${i}`,
  name: `Product ${i}`,
  retailPrice: 10000,
  livePrice: discounted ? 8000 : 10000,
  stock: 10,
  talkingPoints: [],
});
const products = (n: number, discounted = true) =>
  Array.from({ length: n }, (_, i) => product(i + 1, discounted));
const total = (segments: Segment[]) => segments.reduce((sum, s) => sum + s.durationSec, 0);
const starts = (segments: Segment[]) => {
  let t = 0;
  return segments.map((s) => [s, (t += s.durationSec) - s.durationSec] as const);
};

describe('generateSegments', () => {
  test("2 hours, 8 discounted products: the skill's showcase shape", () => {
    const { segments, warnings } = generateSegments(products(8), { durationSec: 7200 });
    expect(warnings).toEqual([]);
    expect(total(segments)).toBe(7200);
    expect(segments.map((s) => s.id)).toEqual(segments.map((_, i) => `seg-${i + 1}`));
    expect(segments[0]).toMatchObject({ kind: 'opening', durationSec: 300 });
    expect(segments.at(-1)).toMatchObject({ kind: 'closing', durationSec: 600 });
    const slots = segments.filter((s) => s.kind === 'product');
    expect(slots.map((s) => 'productId' in s && s.productId)).toEqual(products(8).map((p) => p.id));
    for (const slot of slots) expect(slot.durationSec).toBeGreaterThanOrEqual(180);
    // Each flash deal follows its product's slot.
    segments.forEach((s, i) => {
      if (s.kind === 'flash')
        expect(segments[i - 1]).toMatchObject({ kind: 'product', productId: s.productId });
    });
    const engagements = starts(segments).filter(([s]) => s.kind === 'engagement');
    expect(engagements.map(([s]) => 'activity' in s && s.activity)).toEqual([
      'mystery',
      'poll',
      'giveaway',
    ]);
    engagements.forEach(([, at], i) =>
      expect(Math.abs(at - (i + 1) * 1800)).toBeLessThanOrEqual(600),
    );
  });

  test('no flash segment for a product without discount, flash price or flash length', () => {
    const { segments } = generateSegments(
      [product(1, false), { ...product(2, false), flashSeconds: 90 }],
      { durationSec: 1800 },
    );
    expect(segments.filter((s) => s.kind === 'flash')).toEqual([
      expect.objectContaining({ productId: 'p2', durationSec: 90 }),
    ]);
  });

  test('fast rotation (15 products an hour) squeezes and warns about short slots', () => {
    const { segments, warnings } = generateSegments(products(15), {
      durationSec: 3600,
      format: 'flash_sale',
    });
    expect(total(segments)).toBe(3600);
    expect(warnings).toEqual([
      { path: 'show.durationSec', message: expect.stringMatching(/per product/) },
    ]);
  });

  test('too many products: still a plan, longer than the show, with a warning', () => {
    const { segments, warnings } = generateSegments(products(40), { durationSec: 1800 });
    expect(segments.filter((s) => s.kind === 'product')).toHaveLength(40);
    expect(total(segments)).toBeGreaterThan(1800);
    expect(warnings[0]!.message).toMatch(/do not fit in 30 min/);
  });

  test('few products in a long show: repeated rounds instead of hour-long slots', () => {
    const { segments } = generateSegments(products(2), { durationSec: 3 * 3600 });
    expect(total(segments)).toBe(3 * 3600);
    const slots = segments.filter((s) => s.kind === 'product');
    expect(Math.max(...slots.map((s) => s.durationSec))).toBeLessThanOrEqual(900);
    expect(slots.at(-1)!.title).toMatch(/\(round \d+\)$/);
  });

  test('educational format: Q&A first, longer slots', () => {
    const { segments } = generateSegments(products(3), {
      durationSec: 5400,
      format: 'educational_sales_hybrid',
    });
    expect(segments.find((s) => s.kind === 'engagement')).toMatchObject({
      activity: 'qa',
      durationSec: 300,
    });
    expect(segments.filter((s) => s.kind === 'product')).toHaveLength(3);
  });

  test('no products: opening and closing, and a warning', () => {
    const { segments, warnings } = generateSegments([], { durationSec: 600 });
    expect(segments.map((s) => s.kind)).toEqual(['opening', 'closing']);
    expect(warnings[0]!.path).toBe('products');
  });

  test('every plan is a valid run sheet, fills the show when it fits, and is deterministic (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 600, max: 6 * 3600 }),
        fc.boolean(),
        (n, durationSec, discounted) => {
          const list = products(n, discounted);
          const plan = generateSegments(list, { durationSec });
          expect(generateSegments(list, { durationSec })).toEqual(plan);
          const sheet = parseRunSheet({
            format: RUNSHEET_FORMAT,
            version: RUNSHEET_VERSION,
            id: 's',
            show: { title: 'T', currency: 'CNY', durationSec },
            products: list,
            segments: plan.segments,
          });
          expect(sheet.ok).toBe(true);
          if (!plan.warnings.some((w) => /do not fit/.test(w.message)))
            expect(total(plan.segments)).toBe(durationSec);
          else expect(total(plan.segments)).toBeGreaterThan(durationSec);
        },
      ),
      { numRuns: 300 },
    );
  });
});
