/**
 * fast-check generators of producer sessions on the base sheet (test/support/sheets.ts):
 * every command type, with and without its optional arguments, some refused by `decide`
 * (wrong phase, sold out, price above live…) and some malformed (refused by the schema),
 * separated by time advances from none to long gaps that let deals run out.
 */
import fc from 'fast-check';

const productId = fc.constantFrom('buds', 'mask', 'lamp', 'ghost');
/** Mostly products that can take a deal, so deals (and their timers) happen often. */
const dealProduct = fc.constantFrom('buds', 'buds', 'lamp', 'mask', 'ghost');
const seconds = fc.integer({ min: 1, max: 180 });
const bare = (type: string) => fc.constant({ type });
/** The test driver's show clock starts here (test/support/driver.ts T0). */
const SHOW_T0 = Date.UTC(2026, 2, 15, 19, 0, 0);
const orderIdPool = fc.constantFrom('576460752303423488', '576460752303423489', '#1001', 'A-7');

/** Commands the schema accepts (decide may still refuse them). */
export const validCommand: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 2, arbitrary: bare('show.start') },
  { weight: 4, arbitrary: bare('show.next') },
  { weight: 2, arbitrary: bare('show.prev') },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('show.goto'), index: fc.integer({ min: 0, max: 7 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      { type: fc.constant('show.pause'), freezeDeal: fc.boolean() },
      { requiredKeys: ['type'] },
    ),
  },
  { weight: 4, arbitrary: bare('show.resume') },
  { weight: 1, arbitrary: bare('show.end') },
  {
    weight: 8,
    arbitrary: fc.record(
      {
        type: fc.constant('deal.start'),
        productId: dealProduct,
        // Mostly at or under the live prices (5 900 to 19 900), sometimes above: refused.
        price: fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 0, max: 5_900 }) },
          fc.integer({ min: 5_901, max: 25_000 }),
        ),
        seconds,
        quantity: fc.integer({ min: 1, max: 12 }),
      },
      { requiredKeys: ['type'] },
    ),
  },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('deal.extend'), seconds }) },
  { weight: 2, arbitrary: bare('deal.end') },
  {
    weight: 10,
    arbitrary: fc.record(
      {
        type: fc.constant('sale'),
        productId,
        quantity: fc.integer({ min: 1, max: 6 }),
        buyer: fc.constantFrom('anna', 'bo', ''),
      },
      { requiredKeys: ['type'] },
    ),
  },
  {
    // Orders with an identity: a small pool of ids so repeats (duplicates) and cancellations
    // of recorded orders happen; `at` around the show (often before the arrival: attributed
    // back), platform sources past stock and caps, SKUs on and off the run sheet.
    weight: 8,
    arbitrary: fc.record(
      {
        type: fc.constant('sale'),
        productId: fc.constantFrom('buds', 'mask', 'lamp', 'ghost'),
        sku: fc.constantFrom('SKU-BUDS', 'TT-1729', 'unknown-sku'),
        quantity: fc.integer({ min: 1, max: 9 }),
        orderId: orderIdPool,
        price: fc.integer({ min: 0, max: 30_000 }),
        at: fc.integer({ min: SHOW_T0 - 60_000, max: SHOW_T0 + 3_600_000 }),
        source: fc.constantFrom('hand', 'tiktok', 'shopify', 'api'),
      },
      { requiredKeys: ['type', 'orderId'] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      { type: fc.constant('sale.cancel'), orderId: orderIdPool, restock: fc.boolean() },
      { requiredKeys: ['type', 'orderId'] },
    ),
  },
  { weight: 3, arbitrary: bare('sale.undo') },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('stock.set'),
      productId,
      remaining: fc.integer({ min: 0, max: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        { type: fc.constant('viewers'), concurrent: fc.nat(5000), unique: fc.nat(50_000) },
        { requiredKeys: ['type'] },
      )
      .filter((v) => 'concurrent' in v || 'unique' in v),
  },
  { weight: 1, arbitrary: bare('lowerThird.show') },
  { weight: 1, arbitrary: bare('lowerThird.hide') },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('cue'),
      text: fc.constantFrom('Push the deal', 'Wrap up', '  hi  '),
    }),
  },
);

/** Commands the schema refuses: they must never reach the log. */
export const malformedCommand: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant({ type: 'teleport' }),
  fc.constant({ type: 'deal.start', seconds: 0 }),
  fc.constant({ type: 'deal.extend' }),
  fc.constant({ type: 'sale', quantity: 0 }),
  fc.constant({ type: 'sale', quantity: 1.5 }),
  fc.constant({ type: 'sale', orderId: 576460752303423500 }),
  fc.constant({ type: 'sale', source: 'Tik Tok!' }),
  fc.constant({ type: 'sale', at: '2026-03-15 19:00:00' }),
  fc.constant({ type: 'sale.cancel' }),
  fc.constant({ type: 'show.goto', index: -1 }),
  fc.constant({ type: 'viewers' }),
  fc.constant({ type: 'cue', text: '   ' }),
  fc.constant({ type: 'show.start', extra: true }),
  fc.constant(null),
  fc.string(),
);

/** Milliseconds to let pass before a command: often none, sometimes past any deal's end. */
export const advance: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5_001, max: 120_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 120_001, max: 20 * 60_000 }) },
);

export interface Step {
  ms: number;
  command: unknown;
}

export const step: fc.Arbitrary<Step> = fc.record({
  ms: advance,
  command: fc.oneof(
    { weight: 12, arbitrary: validCommand },
    { weight: 1, arbitrary: malformedCommand },
  ),
});

/** A session usually opens with the show's start, so most steps exercise a live show. */
export const session = (maxLength = 60): fc.Arbitrary<Step[]> =>
  fc
    .tuple(fc.boolean(), fc.array(step, { minLength: 1, maxLength, size: 'max' }))
    .map(([opens, steps]) =>
      opens ? [{ ms: 0, command: { type: 'show.start' } }, ...steps] : steps,
    );

/**
 * FC_SEED / FC_PATH (printed by fast-check on failure) replay a failing run exactly;
 * FC_RUNS raises the number of runs for a longer hunt.
 */
export function runParameters(numRuns: number): fc.Parameters<unknown> {
  const { FC_SEED: seed, FC_PATH: path, FC_RUNS: runs } = process.env;
  return {
    numRuns: runs ? Number(runs) : numRuns,
    ...(seed ? { seed: Number(seed) } : {}),
    ...(path ? { path } : {}),
  };
}
