import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  divergence,
  firstTerms,
  leads,
  recoverOrphans,
  takeOver,
  termAt,
  validTerms,
  type TermStart,
} from '../../../../shared/replica/terms';
import type { ShowEvent } from '../../../../shared/show';

const A = 'aaaa-device';
const B = 'bbbb-device';
const C = 'cccc-device';

describe('claims', () => {
  test('the higher term leads; a tie goes to the smaller device id', () => {
    expect(leads({ term: 2, device: B }, { term: 1, device: A })).toBe(true);
    expect(leads({ term: 1, device: A }, { term: 2, device: B })).toBe(false);
    expect(leads({ term: 2, device: A }, { term: 2, device: B })).toBe(true);
    expect(leads({ term: 2, device: B }, { term: 2, device: A })).toBe(false);
    expect(leads({ term: 2, device: A }, { term: 2, device: A })).toBe(false);
  });
});

describe('terms', () => {
  test('a takeover starts the next term after the last entry held, above every term seen', () => {
    const one = firstTerms(A);
    const two = takeOver(one, 100, 1, B);
    expect(two).toEqual([
      { term: 1, startSeq: 1, device: A },
      { term: 2, startSeq: 101, device: B },
    ]);
    expect(termAt(two, 100)?.device).toBe(A);
    expect(termAt(two, 101)?.device).toBe(B);
    // C mirrored only 90 entries and has heard term 5 somewhere: it starts term 6 at 91.
    expect(takeOver(two, 90, 5, C)).toEqual([
      { term: 1, startSeq: 1, device: A },
      { term: 6, startSeq: 91, device: C },
    ]);
    expect(validTerms(two)).toBe(true);
    expect(
      validTerms([
        { term: 2, startSeq: 1, device: A },
        { term: 2, startSeq: 5, device: B },
      ]),
    ).toBe(false);
  });

  test('divergence: the first entry the leader did not write is where the orphans start', () => {
    const a = firstTerms(A); // A wrote 1..120 in term 1
    const b = takeOver(a, 100, 1, B); // B took over after mirroring 100
    expect(divergence(a, 120, b)).toBe(101); // A's 101..120 are orphans
    expect(divergence(a, 100, b)).toBe(101); // nothing to hand over
    expect(divergence(a, 80, b)).toBe(81); // just behind
    expect(divergence(b, 130, b)).toBe(131); // B's own history
    // Two backups took over at the same term: the loser's entries from its start are orphans.
    const c = takeOver(a, 100, 1, C);
    expect(divergence(c, 105, b)).toBe(101);
    // Entries past the leader's last heartbeat written by its own term are not orphans.
    expect(divergence(b, 140, b)).toBe(141);
  });

  test("property: a log that follows the leader's history never has orphans, one that left it always does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 200 }),
        (gaps, extra) => {
          let terms: TermStart[] = firstTerms('d0');
          let last = 0;
          gaps.forEach((gap, i) => {
            last += gap;
            terms = takeOver(terms, last, 0, `d${i + 1}`);
          });
          expect(validTerms(terms)).toBe(true);
          const end = last + extra;
          expect(divergence(terms, end, terms)).toBe(end + 1);
          // A device deposed at the last takeover, which wrote on in the term before it.
          const before = terms.slice(0, -1);
          if (before.length && extra > 0 && before.at(-1)!.startSeq <= last) {
            expect(divergence(before, end, terms)).toBe(last + 1);
          }
        },
      ),
    );
  });
});

describe('orphans', () => {
  const sale = (productId: string, quantity: number, buyer: string | null = null): ShowEvent => ({
    type: 'sale',
    productId,
    quantity,
    buyer,
    at: 1,
  });

  test('sales are handed over under their ids; an undo cancels the orphan before it; the rest is listed', () => {
    const { resend, dropped } = recoverOrphans([
      { id: 'tool-1', seq: 101, event: sale('buds', 2, 'amy') },
      { id: 'recovered:s:1:102', seq: 102, event: sale('buds', 1) },
      { id: 'recovered:s:1:103', seq: 103, event: { type: 'sale.undo', at: 2 } },
      { id: 'recovered:s:1:104', seq: 104, event: { type: 'show.next', at: 3 } },
      { id: 'recovered:s:1:105', seq: 105, event: { type: 'cue', text: 'wrap up', at: 4 } },
      { id: 'recovered:s:1:106', seq: 106, event: { type: 'sale.undo', at: 5 } },
      { id: 'recovered:s:1:107', seq: 107, event: { type: 'sale.undo', at: 6 } },
    ]);
    expect(resend).toEqual([]); // both sales undone on that device
    expect(dropped).toEqual(['show.next', 'cue "wrap up"', 'undo a sale made before the takeover']);
    const again = recoverOrphans([
      { id: 'tool-1', seq: 101, event: sale('buds', 2, 'amy') },
      { id: 'x', seq: 102, event: sale('lamp', 1) },
    ]);
    expect(again.resend).toEqual([
      {
        commandId: 'tool-1',
        command: { type: 'sale', productId: 'buds', quantity: 2, buyer: 'amy' },
      },
      { commandId: 'x', command: { type: 'sale', productId: 'lamp', quantity: 1 } },
    ]);
  });
});
