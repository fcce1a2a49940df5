import { describe, expect, it } from 'vitest';
import { drawEntrant } from '../../../../shared/poll/draw';

const entrants = Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, name: `User ${i}` }));

describe('drawEntrant', () => {
  it('is repeatable for audit: same entrants + same seed → same winner, whatever their order', () => {
    for (const seed of [0, 1, 42, 123456789, 0xffffffff]) {
      const first = drawEntrant(entrants, seed);
      const shuffled = [...entrants].reverse();
      expect(drawEntrant(entrants, seed)).toEqual(first);
      expect(drawEntrant(shuffled, seed)).toEqual(first);
    }
  });
  it('pins known draws (a change of PRNG or ordering would change past audits)', () => {
    expect(drawEntrant(entrants, 42)?.id).toMatchInlineSnapshot(`"u13"`);
    expect(drawEntrant(entrants, 7)?.id).toMatchInlineSnapshot(`"u45"`);
  });
  it('reaches every entrant over many seeds, and leaves earlier winners out', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 2000; seed++) seen.add(drawEntrant(entrants, seed)!.id);
    expect(seen.size).toBe(entrants.length);
    const exclude = new Set(entrants.slice(1).map((e) => e.id));
    expect(drawEntrant(entrants, 99, exclude)?.id).toBe('u0');
    expect(drawEntrant(entrants, 99, new Set(entrants.map((e) => e.id)))).toBeNull();
    expect(drawEntrant([], 1)).toBeNull();
  });
});
