/**
 * messageCheck.ts (the receive path without zod) against messages.ts's zod schema, the source
 * of truth: for any input, the same verdict and, when accepted, the same message (unknown keys
 * stripped, an optional key absent or present as zod leaves it). Inputs: valid messages of
 * every kind, each broken at one random place with values at and around every limit, any
 * JSON-like value in an envelope, and the hostile fixtures. Commands, hellos and acks are
 * `unknown` to a page (it never reads them), whatever zod says of them.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkMessage } from '../../../../shared/protocol/messageCheck';
import { FlashcueMessage, parseMessage } from '../../../../shared/protocol/messages';
import { hostileMessages, sampleView } from '../../../fixtures/hostile/messages';

/** Both verdicts, side by side; `unknown` (a kind this receiver does not know) compared apart. */
function expectSameVerdict(data: unknown): void {
  const zod = parseMessage(data);
  const ours = checkMessage(data);
  if (!ours.ok && ours.reason === 'unknown') {
    // Not one of the kinds the receiver checks: zod either calls it invalid (not in the
    // catalogue) or knows a kind added after messageCheck.ts. Either way the page ignores it.
    expect(zod.ok ? zod.message.kind : ours.kind).toBe(ours.kind);
    return;
  }
  expect(ours.ok, 'verdict').toBe(zod.ok);
  if (!ours.ok || !zod.ok) {
    expect(ours).toStrictEqual(zod);
    return;
  }
  // Receivers read only views and assets: those must come out exactly as zod makes them.
  if (ours.message.kind === 'view' || ours.message.kind === 'asset')
    expect(ours.message).toStrictEqual(zod.message);
}

const KNOWN_KINDS = ['view', 'asset', 'hello', 'command', 'ack'] as const;
const ENUM_WORDS = [
  'ready',
  'live',
  'paused',
  'ended',
  'opening',
  'product',
  'flash',
  'engagement',
  'break',
  'closing',
  'deal',
  'retail',
  'overlay',
  'host',
  'remote',
  'tool',
  'admin',
];
const LIMITS = [0, 1, 2, 3, 4, 40, 41, 60, 61, 64, 65, 128, 129, 200, 201, 2000, 2001, 2048, 2049];

// --- Valid messages ---------------------------------------------------------------------

const nonneg = fc.oneof(fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER), fc.nat());
const int = fc.oneof(
  nonneg,
  fc.integer({ min: -1e9, max: -1 }),
  fc.constant(Number.MIN_SAFE_INTEGER),
);
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: Math.min(max, 40) }),
    fc.constant('é'.repeat(max)),
    fc.constant('👍'.repeat(Math.floor(max / 2))),
  );
/** Plain objects, as JSON.parse and structured clone make them. */
const record: typeof fc.record = ((shape: never, options?: object) =>
  fc.record(shape, { noNullPrototype: true, ...options })) as typeof fc.record;
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const segmentKind = fc.constantFrom(
  'opening',
  'product',
  'flash',
  'engagement',
  'break',
  'closing',
);

const product = record({
  id: text(64),
  name: text(200),
  category: nullable(text(64)),
  image: nullable(text(2048)),
  retailPrice: nonneg,
  livePrice: nonneg,
  price: nonneg,
  priceKind: fc.constantFrom('deal', 'live', 'retail'),
  stock: int,
  initialStock: nonneg,
  soldOut: fc.boolean(),
  talkingPoints: fc.array(text(200), { maxLength: 12 }),
});

const view = record({
  phase: fc.constantFrom('ready', 'live', 'paused', 'ended'),
  title: text(200),
  currency: fc.constantFrom('USD', 'CNY', 'EUR'),
  segment: nullable(
    record({
      index: nonneg,
      count: nonneg,
      kind: segmentKind,
      title: text(200),
      plannedMs: nonneg,
      elapsedMs: nonneg,
      remainingMs: int,
    }),
  ),
  product: nullable(product),
  lowerThird: fc.boolean(),
  deal: nullable(
    record({
      productId: text(64),
      price: nonneg,
      remainingMs: nonneg,
      totalMs: nonneg,
      cap: nullable(nonneg),
      sold: nonneg,
      frozen: fc.boolean(),
    }),
  ),
  next: nullable(
    record({
      kind: segmentKind,
      title: text(200),
      productName: nullable(text(200)),
      startsInMs: nonneg,
    }),
  ),
  show: record({ elapsedMs: nonneg, remainingMs: nonneg, plannedMs: nonneg }),
  ticker: record({
    recent: fc.array(
      record({
        id: nonneg,
        buyer: nullable(text(60)),
        productName: text(200),
        quantity: nonneg,
        agoMs: nonneg,
      }),
      { maxLength: 20 },
    ),
    unitsLastMinute: nonneg,
    unitsTotal: nonneg,
  }),
  cue: nullable(record({ text: text(200), agoMs: nonneg })),
  start: nullable(record({ inMs: nonneg, firstDeal: nullable(text(200)) })),
  cards: record({
    soldOut: nullable(
      record({
        productId: text(64),
        productName: text(200),
        afterMs: nullable(nonneg),
        agoMs: nonneg,
      }),
    ),
    recap: nullable(
      record({
        top: fc.array(record({ name: text(200), units: nonneg }), { maxLength: 3 }),
        open: fc.array(
          record({
            name: text(200),
            price: nonneg,
            retailPrice: nonneg,
            left: nonneg,
            deal: fc.boolean(),
          }),
          { maxLength: 3 },
        ),
        next: nullable(record({ at: nonneg, timeZone: text(64) })),
      }),
    ),
  }),
});

const envelope = { app: fc.constant('flashcue'), v: fc.constant(1) };
const validMessage = fc.oneof(
  {
    weight: 4,
    arbitrary: record(
      {
        ...envelope,
        kind: fc.constant('view'),
        showId: text(64),
        session: text(64),
        term: nonneg,
        logSeq: nonneg,
        n: nonneg,
        view,
      },
      { requiredKeys: ['app', 'v', 'kind', 'showId', 'session', 'logSeq', 'n', 'view'] },
    ),
  },
  record({
    ...envelope,
    kind: fc.constant('asset'),
    ref: fc.stringMatching(/^asset:[a-z0-9-]{1,40}$/),
    data: fc
      .constantFrom('png', 'jpeg', 'gif', 'webp', 'avif', 'svg+xml')
      .map((t) => `data:image/${t};base64,AAAA`),
  }),
  record({
    ...envelope,
    kind: fc.constant('hello'),
    sender: text(64),
    role: fc.constantFrom('overlay', 'host', 'remote', 'tool'),
  }),
  record(
    {
      ...envelope,
      kind: fc.constant('command'),
      id: fc.string({ minLength: 1, maxLength: 128 }),
      command: text(64),
      args: fc.dictionary(fc.string(), fc.jsonValue(), { noNullPrototype: true }),
      sender: text(64),
    },
    { requiredKeys: ['app', 'v', 'kind', 'id', 'command'] },
  ),
  record(
    {
      ...envelope,
      kind: fc.constant('ack'),
      id: text(128),
      ok: fc.boolean(),
      result: fc.jsonValue(),
      error: text(2000),
    },
    { requiredKeys: ['app', 'v', 'kind', 'id', 'ok'] },
  ),
);

// --- Breaking one place -------------------------------------------------------------------

/** Values at and around every limit and type the schema has. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    -(2 ** 53),
    2 ** 53 - 1,
    '',
    '1',
    'USD',
    'usd',
    'US',
    'USDX',
    [],
    {},
    new Date(0),
  ),
  fc.constantFrom(...ENUM_WORDS, ...KNOWN_KINDS, 'primary', 'log', 'sync'),
  fc.constantFrom(...LIMITS).map((n) => 'x'.repeat(n)),
  fc.constantFrom(11, 12, 13, 20, 21).map((n) => Array.from({ length: n }, () => 'x')),
  fc.constantFrom(
    'asset:ok',
    'asset:',
    'asset:UP',
    'asset:a/b',
    `asset:${'a'.repeat(41)}`,
    'data:image/png;base64,',
    'data:text/html;base64,',
    'data:image/png,AAAA',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

type Path = Array<string | number>;

/** Every place in a value, grouped by its place in the schema (array items as `*`). */
function places(
  value: unknown,
  at: Path = [],
  out = new Map<string, Path[]>(),
): Map<string, Path[]> {
  const key = at.map((k) => (typeof k === 'number' ? '*' : k)).join('.');
  out.set(key, [...(out.get(key) ?? []), at]);
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      places(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

type Edit =
  | { op: 'set'; value: unknown }
  | { op: 'nudge' }
  | { op: 'delete' }
  | { op: 'extra'; key: string; value: unknown };

/** Just over a limit: a string one character longer, an array one item longer, a number off by a bit. */
function nudge(value: unknown, pick: number): unknown {
  if (typeof value === 'string') return value + 'x';
  if (Array.isArray(value)) return [...value, value[0] ?? 'x'];
  if (typeof value === 'number')
    return [value + 1, -value - 1, value + 0.5, value * 2 ** 53][pick % 4];
  return value;
}

/** A deep copy of `message` with one edit at `path`. */
function broken(message: unknown, path: Path, edit: Edit, pick: number): unknown {
  const copy = structuredClone(message) as Record<string | number, unknown>;
  if (path.length === 0) return edit.op === 'set' ? edit.value : copy;
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>(
      (node, key) => node[key] as Record<string | number, unknown>,
      copy,
    );
  const key = path[path.length - 1]!;
  if (edit.op === 'set') parent[key] = edit.value;
  else if (edit.op === 'nudge') parent[key] = nudge(parent[key], pick);
  else if (edit.op === 'delete') delete parent[key];
  // An own property even for "__proto__", as JSON.parse makes it (assigning would swap the prototype).
  else if (parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key]))
    Object.defineProperty(parent[key], edit.key, {
      value: edit.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: nasty.map((value) => ({ op: 'set' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ op: 'nudge' as const }) },
  fc.constant({ op: 'delete' as const }),
  fc.record({
    op: fc.constant('extra' as const),
    key: fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'term'),
    value: nasty,
  }),
);

/** One place picked evenly among the schema's places (not among array items), then broken. */
const brokenMessage = fc
  .tuple(validMessage, fc.nat(), fc.nat(), edit)
  .map(([message, place, pick, e]) => {
    const groups = [...places(message).values()];
    const group = groups[place % groups.length]!;
    return broken(message, group[pick % group.length]!, e, pick);
  });

describe('messageCheck.ts ≡ the zod schema of messages.ts', () => {
  test('valid messages of every kind: accepted, with the very same message', () => {
    fc.assert(
      fc.property(validMessage, (message) => {
        // Views and assets are read; what the controller reads (hello, command, ack) a page ignores.
        const kind = (message as { kind: string }).kind;
        if (kind === 'view' || kind === 'asset')
          expect(checkMessage(message)).toStrictEqual({ ok: true, message });
        else expect(checkMessage(message)).toStrictEqual({ ok: false, reason: 'unknown', kind });
        expectSameVerdict(message);
      }),
      { numRuns: 500 },
    );
  });

  test('a message broken at one place: the same verdict, the same stripped output', () => {
    fc.assert(
      fc.property(brokenMessage, (m) => expectSameVerdict(m)),
      { numRuns: 20_000 },
    );
    // ~2 s alone; generous for a loaded CI machine (it is a run count, not a time budget).
  }, 60_000);

  test('anything at all, bare or in an envelope', () => {
    const inEnvelope = record({
      app: fc.constantFrom('flashcue', 'other'),
      v: fc.constantFrom(1, 2, '1'),
      kind: fc.constantFrom(...KNOWN_KINDS, 'exec'),
    }).chain((env) =>
      fc.dictionary(fc.string(), fc.anything()).map((rest) => ({ ...rest, ...env })),
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), inEnvelope), (m) => expectSameVerdict(m)),
      { numRuns: 2_000 },
    );
  });

  test('the rules the property tests found worth spelling out', () => {
    const base = {
      app: 'flashcue',
      v: 1,
      kind: 'view',
      showId: 's',
      session: 'a',
      logSeq: 1,
      n: 1,
      view: sampleView(),
    } as const;
    const cases: unknown[] = [
      base,
      { ...base, term: undefined }, // kept as a present undefined, as zod keeps it
      { ...base, term: 2.5 },
      { ...base, showId: '👍'.repeat(64) }, // 128 UTF-16 units but 64 code points: zod 4 counts code points
      { ...base, showId: '👍'.repeat(65) },
      { ...base, extra: 1, view: { ...base.view, extra: 2 } }, // unknown keys stripped
      JSON.parse(JSON.stringify(base).replace('{', '{"__proto__":{"polluted":true},')),
      { ...base, logSeq: 2 ** 53 }, // beyond the safe integers
      { ...base, view: { ...base.view, show: { ...base.view.show, elapsedMs: Infinity } } },
    ];
    for (const data of cases) expectSameVerdict(data);
    expect(checkMessage(cases[1])).toStrictEqual({
      ok: true,
      message: { ...base, term: undefined },
    });
    expect(checkMessage(cases[3]).ok).toBe(true);
    expect(checkMessage(cases[4]).ok).toBe(false);
  });

  test('the hostile fixtures', () => {
    for (const { name, data } of hostileMessages()) {
      const ours = checkMessage(data);
      // A page accepts a hostile fixture only where zod does (hellos, commands, acks: ignored).
      if (ours.ok) expect(parseMessage(data).ok, name).toBe(true);
      else if (ours.reason !== 'unknown') expect(parseMessage(data).ok, name).toBe(false);
      expectSameVerdict(data);
    }
  });

  test('a kind added to the protocol later is ignored, never an error', () => {
    for (const kind of ['primary', 'log', 'sync']) {
      expect(checkMessage({ app: 'flashcue', v: 1, kind, anything: [1, { deep: true }] })).toEqual({
        ok: false,
        reason: 'unknown',
        kind,
      });
    }
    // Every kind the zod catalogue has today is checked here too (a new one is `unknown` until added).
    const catalogue = FlashcueMessage.def.options.map((o) => o.shape.kind.def.values[0]);
    for (const kind of KNOWN_KINDS) expect(catalogue).toContain(kind);
  });
});
