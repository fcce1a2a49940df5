/** The playbook checks: a plan that follows every rule gets no note; each broken rule, one. */
import { describe, expect, test } from 'vitest';
import type { RunSheetInput } from '../../../../shared/runsheet';
import { checkPlan, type PlanHistory } from '../../../../shared/playbook/check';
import { PLAYBOOK_RULES, rulesWith } from '../../../../shared/playbook/rules';
import type { ProductHistory } from '../../../../shared/report/history';
import { makeSheet } from '../../../support/sheets';

const M = 60;
/** A 70-minute show that follows the whole playbook. */
function good(sheet: RunSheetInput) {
  sheet.show.durationSec = 70 * M;
  sheet.segments = [
    { id: 'open', kind: 'opening', durationSec: 5 * M },
    { id: 'p1', kind: 'product', productId: 'buds', durationSec: 5 * M },
    { id: 'f1', kind: 'flash', productId: 'buds', durationSec: 3 * M },
    { id: 'p2', kind: 'product', productId: 'mask', durationSec: 4 * M },
    { id: 'p3', kind: 'product', productId: 'lamp', durationSec: 4 * M },
    { id: 'p4', kind: 'product', productId: 'buds', durationSec: 4 * M },
    { id: 'e1', kind: 'engagement', activity: 'mystery', label: 'Mystery', durationSec: 5 * M },
    { id: 'f2', kind: 'flash', productId: 'mask', durationSec: 3 * M },
    { id: 'p5', kind: 'product', productId: 'lamp', durationSec: 5 * M },
    { id: 'p6', kind: 'product', productId: 'mask', durationSec: 5 * M },
    { id: 'p7', kind: 'product', productId: 'buds', durationSec: 5 * M },
    { id: 'p8', kind: 'product', productId: 'lamp', durationSec: 5 * M },
    { id: 'f3', kind: 'flash', productId: 'lamp', durationSec: 3 * M },
    { id: 'e2', kind: 'engagement', activity: 'poll', label: 'Your pick', durationSec: 4 * M },
    { id: 'p9', kind: 'product', productId: 'mask', durationSec: 5 * M },
    { id: 'close', kind: 'closing', productId: 'buds', durationSec: 5 * M },
  ];
}
const sheetWith = (patch: (s: RunSheetInput) => void = () => {}) =>
  makeSheet((s) => {
    good(s);
    patch(s);
  });
const ids = (notes: { ruleId: string }[]) => notes.map((n) => n.ruleId);
const seg = (s: RunSheetInput, id: string) => s.segments.find((x) => x.id === id)!;

describe('checkPlan', () => {
  test('a plan that follows the playbook gets no note', () => {
    expect(checkPlan(sheetWith())).toEqual([]);
  });

  test('opening: missing, or longer than 10 minutes', () => {
    const long = checkPlan(sheetWith((s) => (seg(s, 'open').durationSec = 12 * M)));
    expect(ids(long)).toContain('opening');
    expect(long.find((n) => n.ruleId === 'opening')!.message).toMatch(/runs 12 min.*10 min/);
    const none = checkPlan(sheetWith((s) => (s.segments[0] = { ...seg(s, 'p1'), id: 'p0' })));
    expect(ids(none)).toEqual(['opening']);
  });

  test('slot length: 3–5 minutes, 8–12 for an educational format', () => {
    const notes = checkPlan(sheetWith((s) => (seg(s, 'p2').durationSec = 2 * M)));
    expect(ids(notes)).toEqual(['slotLength']);
    expect(notes[0]!.message).toContain('Hydrating Face Mask (2 min)');
    expect(notes[0]!.refs).toEqual(['p2']);
    const edu = checkPlan(sheetWith((s) => (s.show.format = 'educational_sales_hybrid')));
    expect(ids(edu)).toEqual(['slotLength']);
    expect(edu[0]!.message).toMatch(/8–12 min \(educational format\)/);
  });

  test('flash cadence: a gap over 30 minutes, or no flash deal at all', () => {
    const gap = checkPlan(sheetWith((s) => (s.segments = s.segments.filter((x) => x.id !== 'f2'))));
    expect(ids(gap)).toEqual(['flashCadence']);
    expect(gap[0]!.message).toMatch(/minute 10 to minute 50/);
    const none = checkPlan(
      sheetWith((s) => (s.segments = s.segments.filter((x) => x.kind !== 'flash'))),
    );
    expect(none.find((n) => n.ruleId === 'flashCadence')!.message).toMatch(/no flash deal/);
  });

  test('engagement marks: near 30 and 60 minutes, only within the show', () => {
    const notes = checkPlan(sheetWith((s) => (seg(s, 'e2').kind = 'break')));
    expect(ids(notes)).toEqual(['engagementMarks']);
    expect(notes[0]!.message).toMatch(/near minute 60/);
    const short = makeSheet(); // 17 minutes: neither mark falls inside it
    expect(ids(checkPlan(short))).not.toContain('engagementMarks');
  });

  test('last call: a flash or a product-pushing closing in the final 10 minutes', () => {
    const notes = checkPlan(
      sheetWith((s) => delete (seg(s, 'close') as { productId?: string }).productId),
    );
    expect(ids(notes)).toEqual(['lastCall']);
  });

  test('first session over 120 minutes is flagged; not once the seller has shows', () => {
    const long = sheetWith((s) => (s.show.durationSec = 150 * M));
    expect(ids(checkPlan(long))).toEqual(['firstSession']);
    expect(ids(checkPlan(long, { showCount: 2, products: [] }))).toEqual([]);
  });

  test('stock vs expected viewers × past conversion names the minute it may sell out', () => {
    const sheet = sheetWith((s) => {
      s.show.expectedViewers = 2000;
      s.products.find((p) => p.id === 'buds')!.stock = 40;
    });
    const past = { productId: 'buds', conversion: 0.04, orders: 40, units: 40 } as ProductHistory;
    const history: PlanHistory = { showCount: 2, products: [past] };
    const notes = checkPlan(sheet, history);
    expect(ids(notes)).toEqual(['stockVsViewers']);
    // 2000 × 4% = 80 units over buds' 22 min on air; 40 in stock lasts 11 of them: p1 (5),
    // f1 (3), then 3 min into p4 (21–25): minute 24.
    expect(notes[0]!.message).toBe(
      'You may sell out of Wireless Earbuds (40 in stock) by minute 24: 2000 expected viewers × 4.0% past conversion ≈ 80 units.',
    );
    expect(checkPlan(sheet, { showCount: 2, products: [] })).toEqual([]);
  });

  test('three rules broken give three notes, each with its source; switched-off rules are quiet', () => {
    const sheet = sheetWith((s) => {
      s.segments[0] = { id: 'open', kind: 'product', productId: 'lamp', durationSec: 5 * M };
      seg(s, 'p2').durationSec = 2 * M; // and p3 2 min longer, so nothing else moves
      seg(s, 'p3').durationSec = 6 * M;
      delete (seg(s, 'close') as { productId?: string }).productId;
    });
    const notes = checkPlan(sheet);
    expect(ids(notes)).toEqual(['opening', 'slotLength', 'lastCall']);
    for (const note of notes) expect(note.source.quote.length).toBeGreaterThan(20);
    expect(ids(checkPlan(sheet, undefined, rulesWith(['opening', 'lastCall'])))).toEqual([
      'slotLength',
    ]);
  });

  test('the rule table: unique ids, a source for each', () => {
    expect(new Set(PLAYBOOK_RULES.map((r) => r.id)).size).toBe(PLAYBOOK_RULES.length);
    for (const r of PLAYBOOK_RULES) expect(r.source.reference).toMatch(/seed/);
  });
});

describe('checkPlan codes: each note as data the controller words in its language', () => {
  const codeOf = (notes: ReturnType<typeof checkPlan>, id: string) => {
    const n = notes.find((x) => x.ruleId === id)!;
    return { code: n.code, params: n.params, items: n.items };
  };

  test('opening, missing or long, with its minutes', () => {
    const long = checkPlan(sheetWith((s) => (seg(s, 'open').durationSec = 12 * M)));
    expect(codeOf(long, 'opening')).toMatchObject({
      code: 'opening_long',
      params: { min: 12, max: 10 },
    });
    const none = checkPlan(sheetWith((s) => (s.segments[0] = { ...seg(s, 'p1'), id: 'p0' })));
    expect(codeOf(none, 'opening')).toMatchObject({
      code: 'opening_missing',
      params: { max: 10 },
    });
  });

  test('slot length lists each slot by its name (or its number) and minutes', () => {
    const notes = checkPlan(
      sheetWith((s) => {
        seg(s, 'p2').durationSec = 2 * M;
        seg(s, 'p3').durationSec = 150;
      }),
    );
    expect(codeOf(notes, 'slotLength')).toEqual({
      code: 'slot_length',
      params: { count: 2, min: 3, max: 5 },
      items: [
        { label: 'Hydrating Face Mask', n: 4, min: 2 },
        { label: 'Desk Lamp', n: 5, min: 2.5 },
      ],
    });
    const edu = checkPlan(sheetWith((s) => (s.show.format = 'educational_sales_hybrid')));
    expect(codeOf(edu, 'slotLength')).toMatchObject({
      code: 'slot_length_edu',
      params: { min: 8, max: 12 },
    });
  });

  test('flash cadence, engagement, last call and first session carry their minutes', () => {
    const gap = checkPlan(sheetWith((s) => (s.segments = s.segments.filter((x) => x.id !== 'f2'))));
    expect(codeOf(gap, 'flashCadence')).toEqual({
      code: 'flash_gap',
      params: { from: 10, to: 50, min: 20, max: 30 },
      items: undefined,
    });
    const none = checkPlan(
      sheetWith((s) => (s.segments = s.segments.filter((x) => x.kind !== 'flash'))),
    );
    expect(codeOf(none, 'flashCadence').code).toBe('flash_none');
    const marks = checkPlan(sheetWith((s) => (seg(s, 'e2').kind = 'break')));
    expect(codeOf(marks, 'engagementMarks')).toMatchObject({
      code: 'engagement',
      items: [{ mark: 60 }],
    });
    const last = checkPlan(
      sheetWith((s) => delete (seg(s, 'close') as { productId?: string }).productId),
    );
    expect(codeOf(last, 'lastCall')).toMatchObject({ code: 'last_call', params: { min: 10 } });
    const first = checkPlan(sheetWith((s) => (s.show.durationSec = 150 * M)));
    expect(codeOf(first, 'firstSession')).toMatchObject({
      code: 'first_session',
      params: { min: 150, max: 120 },
    });
  });

  test('stock vs viewers: one item per product, with the figures of the sentence', () => {
    const sheet = sheetWith((s) => {
      s.show.expectedViewers = 2000;
      s.products.find((p) => p.id === 'buds')!.stock = 40;
    });
    const past = { productId: 'buds', conversion: 0.04, orders: 40, units: 40 } as ProductHistory;
    const notes = checkPlan(sheet, { showCount: 2, products: [past] });
    expect(codeOf(notes, 'stockVsViewers')).toEqual({
      code: 'stock',
      params: {},
      items: [
        {
          name: 'Wireless Earbuds',
          stock: 40,
          minute: 24,
          viewers: 2000,
          percent: '4.0',
          units: 80,
        },
      ],
    });
  });
});
