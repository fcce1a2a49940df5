/**
 * The viewer sampler: TikTok reports the viewer count every second or so; the show keeps at most
 * one sample every few seconds (enough for a curve, few enough that the log stays small). The
 * peak is the highest count the room reported, sampled or not, so a one-second spike between
 * two samples is still the show's peak. Each sample is tagged with the segment and the deal on
 * air, so the report can say which slots held or lost viewers.
 */

export const SAMPLE_EVERY_MS = 5_000;

export interface OnAirTag {
  segmentIndex: number | null;
  /** The product of the running flash deal, if one is running. */
  dealProductId: string | null;
}

export interface ViewerSample extends OnAirTag {
  at: number;
  concurrent: number;
}

export interface SamplerState {
  everyMs: number;
  lastSampleAt: number | null;
  /** The newest count not yet sampled (sampled by `flush` once the interval has passed). */
  pending: ViewerSample | null;
  peak: number | null;
  reports: number;
}

export const createSampler = (everyMs = SAMPLE_EVERY_MS): SamplerState => ({
  everyMs,
  lastSampleAt: null,
  pending: null,
  peak: null,
  reports: 0,
});

export interface Offered {
  state: SamplerState;
  /** A sample to keep now, or null when the last one is too recent. */
  sample: ViewerSample | null;
}

/** A reported count at `at`: kept as a sample when the interval has passed, else held. */
export function offerViewers(
  state: SamplerState,
  count: number,
  at: number,
  tag: OnAirTag,
): Offered {
  const reading: ViewerSample = { at, concurrent: count, ...tag };
  const next: SamplerState = {
    ...state,
    peak: state.peak === null ? count : Math.max(state.peak, count),
    reports: state.reports + 1,
  };
  if (state.lastSampleAt === null || at - state.lastSampleAt >= state.everyMs)
    return { state: { ...next, lastSampleAt: at, pending: null }, sample: reading };
  return { state: { ...next, pending: reading }, sample: null };
}

/**
 * Called on a timer: a held count becomes a sample once the interval has passed, so the last
 * count before the room goes quiet is not lost. It keeps the time it was reported.
 */
export function flushViewers(state: SamplerState, now: number): Offered {
  if (!state.pending || state.lastSampleAt === null || now - state.lastSampleAt < state.everyMs)
    return { state, sample: null };
  return { state: { ...state, lastSampleAt: now, pending: null }, sample: state.pending };
}
