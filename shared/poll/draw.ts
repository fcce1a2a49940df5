/**
 * The giveaway's draw, repeatable for audit: the entrants are put in one canonical order (by
 * handle, code-point order, so the order they arrived in does not matter), earlier winners of
 * the same giveaway are left out (a redraw is for a winner who did not answer), and one is
 * picked with pure-rand's xoroshiro128+ seeded with the logged 32-bit seed and its unbiased
 * uniformInt. Same entrants + same seed → same winner, on any machine.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Entrant } from './events.js';

const byHandle = (a: Entrant, b: Entrant) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function drawEntrant(
  entrants: readonly Entrant[],
  seed: number,
  exclude: ReadonlySet<string> = new Set(),
): Entrant | null {
  const pool = entrants.filter((e) => !exclude.has(e.id)).sort(byHandle);
  if (pool.length === 0) return null;
  return pool[uniformInt(xoroshiro128plus(seed), 0, pool.length - 1)]!;
}

/** A fresh seed from the platform's cryptographic random source. */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
