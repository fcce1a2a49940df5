/** fast-check generators of valid products and run sheets (already through the schema). */
import fc from 'fast-check';
import {
  Product,
  RUNSHEET_FORMAT,
  RUNSHEET_VERSION,
  type RunSheet,
} from '../../shared/runsheet/schema';
import { parseRunSheet } from '../../shared/runsheet';

export const currencies = fc.constantFrom('CNY', 'USD', 'JPY', 'EUR', 'KWD');

/** Text people and attackers type: formula triggers, delimiters, quotes, CJK, emoji. */
const hostile = fc.constantFrom(
  '=HYPERLINK("http://x","y")',
  '+1-555',
  '-5',
  '@SUM(A1)',
  "'=already escaped",
  "''+x",
  'a,b;c\t"d"',
  '维生素C精华 30ml',
  'Crème "Brûlée" — 50 g',
  '🔥 Flash 🔥',
  'line\nbreak',
  '|pipe|',
  "'plain quote",
);
const text = (max: number) =>
  fc.oneof(
    hostile,
    fc.string({ minLength: 1, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }),
  );
/** Talking points can't hold line breaks in CSV (one point per line there). */
const point = fc
  .oneof(hostile, fc.string({ minLength: 1, maxLength: 60 }))
  .filter((s) => !/[\r\n]/.test(s));
const idArb = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,24}$/);

export function productsArb(maxLength = 8) {
  return fc
    .uniqueArray(
      fc.record({
        id: idArb,
        name: text(60),
        // A blank sku/category (the schema allows "") reads back as absent from CSV: not generated.
        sku: fc.option(
          text(30).filter((t) => t.trim() !== ''),
          { nil: undefined },
        ),
        category: fc.option(
          text(30).filter((t) => t.trim() !== ''),
          { nil: undefined },
        ),
        retail: fc.integer({ min: 0, max: 1e9 }),
        liveCut: fc.integer({ min: 0, max: 100 }),
        flashCut: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        stock: fc.integer({ min: 0, max: 1e6 }),
        flashSeconds: fc.option(fc.integer({ min: 1, max: 86400 }), { nil: undefined }),
        flashQuantity: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: undefined }),
        image: fc.option(
          fc.constantFrom(
            'https://cdn.example.com/p/1.jpg',
            '/images/serum.png',
            'data:image/png;base64,iVBORw0KGgo=',
          ),
          { nil: undefined },
        ),
        talkingPoints: fc.array(point, { maxLength: 4 }),
      }),
      { selector: (p) => p.id, maxLength },
    )
    .map((raw) =>
      raw.flatMap((r) => {
        const livePrice = r.retail - Math.floor((r.retail * r.liveCut) / 100);
        const candidate = {
          id: r.id,
          name: r.name,
          ...(r.sku !== undefined ? { sku: r.sku } : {}),
          ...(r.category !== undefined ? { category: r.category } : {}),
          retailPrice: r.retail,
          livePrice,
          ...(r.flashCut !== undefined
            ? { flashPrice: livePrice - Math.floor((livePrice * r.flashCut) / 100) }
            : {}),
          stock: r.stock,
          ...(r.flashSeconds !== undefined ? { flashSeconds: r.flashSeconds } : {}),
          ...(r.flashQuantity !== undefined ? { flashQuantity: r.flashQuantity } : {}),
          ...(r.image !== undefined ? { image: r.image } : {}),
          talkingPoints: r.talkingPoints,
        };
        const parsed = Product.safeParse(candidate);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

const segmentSpec = fc.record({
  kind: fc.constantFrom('opening', 'product', 'flash', 'engagement', 'break', 'closing'),
  durationSec: fc.integer({ min: 1, max: 3600 }),
  title: fc.option(text(40), { nil: undefined }),
  pick: fc.nat(),
  activity: fc.constantFrom('poll', 'giveaway', 'mystery', 'qa'),
  price: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }),
});

export const runSheetArb = fc
  .record({
    title: text(80),
    currency: currencies,
    timeZone: fc.constantFrom('UTC', 'Asia/Shanghai', 'Europe/London', 'America/New_York'),
    durationSec: fc.integer({ min: 60, max: 6 * 3600 }),
    start: fc.option(
      fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
      { nil: undefined },
    ),
    expectedViewers: fc.option(fc.nat({ max: 1e6 }), { nil: undefined }),
    rate: fc.integer({ min: 0, max: 10000 }),
    withCommission: fc.boolean(),
    products: productsArb(6),
    segments: fc.array(segmentSpec, { minLength: 1, maxLength: 12 }),
  })
  .map((r): RunSheet | null => {
    const ids = r.products.map((p) => p.id);
    const segments = r.segments.map((s, i) => {
      const base = {
        id: `seg-${i + 1}`,
        durationSec: s.durationSec,
        ...(s.title !== undefined ? { title: s.title } : {}),
      };
      const productId = ids.length ? ids[s.pick % ids.length] : undefined;
      if ((s.kind === 'product' || s.kind === 'flash') && productId) {
        return {
          ...base,
          kind: s.kind,
          productId,
          ...(s.kind === 'flash' && s.price !== undefined ? { price: s.price } : {}),
        };
      }
      if (s.kind === 'engagement')
        return {
          ...base,
          kind: s.kind,
          activity: s.activity,
          label: `${s.activity} time`,
          ...(productId ? { productId } : {}),
        };
      return { ...base, kind: s.kind === 'product' || s.kind === 'flash' ? 'break' : s.kind };
    });
    const parsed = parseRunSheet({
      format: RUNSHEET_FORMAT,
      version: RUNSHEET_VERSION,
      id: 'show-1',
      show: {
        title: r.title,
        currency: r.currency,
        timeZone: r.timeZone,
        durationSec: r.durationSec,
        ...(r.start ? { scheduledStart: r.start.toISOString() } : {}),
        ...(r.expectedViewers !== undefined ? { expectedViewers: r.expectedViewers } : {}),
        ...(r.withCommission
          ? {
              commission: {
                basePayment: 150000,
                commissionRate: r.rate / 10000,
                gmvBonuses: [{ threshold: 5000000, amount: 80000 }],
                otherBonuses: [{ label: 'viral', note: '=1+1' }],
              },
            }
          : {}),
      },
      products: r.products,
      segments,
    });
    return parsed.ok ? parsed.value : null;
  })
  .filter((s): s is RunSheet => s !== null);
