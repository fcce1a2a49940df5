/**
 * What was on air at a moment, from the report's own runs and deals: the segment run whose
 * span holds `t`, and the deal running then. Orders-core's attribution helper answers the
 * same question for live sales; this one reads the finished report, so an export imported
 * after the show is attributed exactly as the report draws its timeline.
 */
import type { DealRow, RunRow } from '../report/types';

export interface OnAirAt {
  run: RunRow | null;
  deal: DealRow | null;
}

export function createOnAir(runs: readonly RunRow[], deals: readonly DealRow[]) {
  const sortedRuns = [...runs].sort((a, b) => a.startAt - b.startAt);
  return (t: number): OnAirAt => {
    let run: RunRow | null = null;
    // Binary search for the last run starting at or before t.
    let lo = 0;
    let hi = sortedRuns.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sortedRuns[mid]!.startAt <= t) {
        run = sortedRuns[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (run && t >= run.endAt && !run.open) run = null;
    const deal = deals.find((d) => d.startAt <= t && (d.endAt === null || t < d.endAt)) ?? null;
    return { run, deal };
  };
}
