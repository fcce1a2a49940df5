/**
 * Viewer figures and conversion, as the landscape seed defines them: conversion = orders /
 * unique viewers, benchmarked against 5–15 %.
 */
import type { ShowContext } from '../show/types';
import type { Verdict, ViewerFigures } from './types';

export const CONVERSION_BENCHMARK = { low: 0.05, high: 0.15 } as const;

/**
 * Time-weighted average of the concurrent samples: each sample holds until the next one, the
 * last until `endAt` (the show's end, or now). Time before the first sample is not counted —
 * nobody knows what the audience was then — and paused time is, because the stream (and its
 * audience) keeps going while the producer's clock is paused. When every sample holds for no
 * time (a single sample taken at the very end) the plain mean is the only honest figure.
 */
export function averageConcurrent(
  samples: ReadonlyArray<{ at: number; concurrent: number }>,
  endAt: number,
): number | null {
  if (samples.length === 0) return null;
  let weighted = 0;
  let span = 0;
  samples.forEach((sample, i) => {
    const until = Math.max(sample.at, samples[i + 1]?.at ?? endAt);
    weighted += sample.concurrent * (until - sample.at);
    span += until - sample.at;
  });
  if (span > 0) return weighted / span;
  return samples.reduce((a, s) => a + s.concurrent, 0) / samples.length;
}

/** orders / unique; never NaN or Infinity: null when unique viewers are unknown or 0. */
export function conversionRate(orders: number, uniqueViewers: number | null): number | null {
  return uniqueViewers === null || uniqueViewers <= 0 ? null : orders / uniqueViewers;
}

export function verdict(
  rate: number | null,
  band: { low: number; high: number } = CONVERSION_BENCHMARK,
): Verdict | null {
  if (rate === null) return null;
  return rate < band.low ? 'below' : rate > band.high ? 'above' : 'within';
}

export function viewerFigures(ctx: ShowContext, orders: number, endAt: number): ViewerFigures {
  const samples = ctx.viewerSamples;
  const rate = conversionRate(orders, ctx.uniqueViewers);
  return {
    peakConcurrent: samples.length ? Math.max(...samples.map((s) => s.concurrent)) : null,
    averageConcurrent: averageConcurrent(samples, endAt),
    samples: samples.length,
    uniqueViewers: ctx.uniqueViewers,
    conversionRate: rate,
    benchmark: { ...CONVERSION_BENCHMARK },
    verdict: verdict(rate),
  };
}
