/**
 * A poll's figures: counts, whole percentages that add up to 100 (largest remainder, so a
 * 1/1/1 split reads 34/33/33, not 33/33/33), and the leading option(s) — more than one is a
 * tie, which the producer is told and decides.
 */
import type { PollState } from './state.js';

export interface PollResults {
  counts: number[];
  total: number;
  percents: number[];
  /** Indices of the options with the most votes (none while nobody voted). */
  leaders: number[];
  tie: boolean;
}

export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

export function pollResults(poll: Pick<PollState, 'counts'>): PollResults {
  const counts = [...poll.counts];
  const total = counts.reduce((a, b) => a + b, 0);
  const top = Math.max(0, ...counts);
  const leaders = total === 0 ? [] : counts.flatMap((c, i) => (c === top ? [i] : []));
  return { counts, total, percents: percentages(counts), leaders, tie: leaders.length > 1 };
}
