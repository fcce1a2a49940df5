/**
 * One time base for every page: the bench process's `performance.now()`. Each page's probe
 * clock (ms since that page's own time origin) is mapped onto it by the NTP trick — read the
 * page's clock between two readings of ours, many times, and keep the tightest bracket. Both
 * clocks are CLOCK_MONOTONIC underneath, so the offset does not drift; what is left is the
 * asymmetry of one CDP round trip, at most half the tightest bracket (reported as `±`).
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';

export interface PageClock {
  /** bench time = page time + offset */
  offset: number;
  /** Half the tightest round trip: the most the offset can be wrong by. */
  uncertainty: number;
}

export async function calibrate(page: Page, samples = 25): Promise<PageClock> {
  let best: PageClock | null = null;
  for (let i = 0; i < samples; i++) {
    const before = performance.now();
    const t = await page.evaluate(() => window.__bench.now());
    const after = performance.now();
    const rtt = after - before;
    if (!best || rtt / 2 < best.uncertainty)
      best = { offset: (before + after) / 2 - t, uncertainty: rtt / 2 };
  }
  return best!;
}

export const benchNow = (): number => performance.now();

/**
 * A page's wall clock (its Date.now — faked or not) on the page's probe clock:
 * page wall ms = page probe ms + returned offset. Whole-millisecond readings are corrected
 * by half a millisecond: Date.now is whole milliseconds, floored, so the mean over many
 * readings spread across millisecond boundaries is half a ms low.
 */
export async function pageWallOffset(page: Page): Promise<number> {
  const pairs = await page.evaluate(() => {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < 2000; i++) {
      out.push([Date.now(), window.__bench.now()]);
      const until = window.__bench.now() + 0.013 * (i % 7);
      while (window.__bench.now() < until) {
        // spin
      }
    }
    return out;
  });
  const whole = pairs.every(([d]) => Number.isInteger(d));
  return pairs.reduce((sum, [d, t]) => sum + (d - t), 0) / pairs.length + (whole ? 0.5 : 0);
}
