/**
 * Advice when the show runs long or short: concrete changes to the segments still to come,
 * ranked by what this seller's history says each minute of each product is worth (GMV and
 * units per minute on air, over past shows; the plan's own figures when a product has none).
 * Long: take time from the weakest slots first and keep the last call. Short: stretch the
 * strongest. Pure: the Live screen and `show.advice` call it; `show.replan` applies a result.
 */
import { formatMoney } from '../money';
import type { ProductHistory } from '../report/history';
import type { RunSheet, Segment } from '../runsheet/schema';
import { productOf } from './timeline';

export interface AdviceInput {
  sheet: RunSheet;
  /** The segment on air; only later ones change. */
  onAirIndex: number;
  now: number;
  projectedEndAt: number;
  plannedEndAt: number;
  history: readonly ProductHistory[];
  /** Drift (ms) under which no advice is given. */
  thresholdMs?: number;
}

export interface SegmentWorth {
  index: number;
  segmentId: string;
  label: string;
  gmvPerMin: number;
  unitsPerMin: number;
  basis: 'history' | 'plan' | 'none';
}

export interface Proposal {
  id: string;
  kind: 'trim-weakest' | 'trim-evenly' | 'stretch-strongest' | 'stretch-top';
  summary: string;
  reasons: string[];
  /** `reasons` as data, one per line, for the controller's language (same order). */
  lines: AdviceLine[];
  /** New planned lengths of later segments (only the ones that change). */
  segments: Array<{ index: number; segmentId: string; durationSec: number }>;
  projectedEndAt: number;
  /** Estimated GMV (minor units) given up (negative: gained) by the change. */
  gmvDelta: number;
}

/**
 * One reason as a code and its values: `shorten`/`stretch` a slot (`from`/`to` as m:ss, its
 * worth per minute as minor units of `currency` and units, `basis` where the figures come
 * from; `label` empty for a segment with neither title nor product: `kind` names it), then
 * where the show ends (`ends_on_plan`, `ends_late`/`ends_early` by `min`).
 */
export type AdviceLine =
  | {
      code: 'shorten' | 'stretch';
      params: {
        label: string;
        kind: string;
        from: string;
        to: string;
        gmvPerMin: number;
        currency: string;
        units: string;
        basis: SegmentWorth['basis'];
      };
    }
  | { code: 'ends_on_plan'; params: Record<string, never> }
  | { code: 'ends_late' | 'ends_early'; params: { min: number } };

export interface Advice {
  driftMs: number;
  proposals: Proposal[];
}

/** A slot is never cut below this (the playbook's shortest product slot). */
export const FLOOR_SEC = 3 * 60;
/** Nor stretched beyond twice its plan. */
const STRETCH_FACTOR = 2;
export const DEFAULT_THRESHOLD_MS = 2 * 60_000;

export function adviseReplan(input: AdviceInput): Advice {
  const driftMs = input.projectedEndAt - input.plannedEndAt;
  if (Math.abs(driftMs) < (input.thresholdMs ?? DEFAULT_THRESHOLD_MS))
    return { driftMs, proposals: [] };
  const worths = segmentWorths(input);
  const proposals =
    driftMs > 0 ? trims(input, worths, driftMs / 1000) : stretches(input, worths, -driftMs / 1000);
  proposals.sort(
    (a, b) => a.gmvDelta - b.gmvDelta || Math.abs(endGap(a, input)) - Math.abs(endGap(b, input)),
  );
  return { driftMs, proposals };
}

const endGap = (p: Proposal, input: AdviceInput) => p.projectedEndAt - input.plannedEndAt;

/**
 * Later segments that may change: product slots and breaks. Flash deals run on their own
 * timers, engagement moments are promises made to viewers, and the closing is the last call.
 */
export function segmentWorths(input: AdviceInput): SegmentWorth[] {
  const { sheet } = input;
  const out: SegmentWorth[] = [];
  sheet.segments.forEach((segment, index) => {
    if (index <= input.onAirIndex) return;
    if (segment.kind !== 'product' && segment.kind !== 'break') return;
    out.push({
      index,
      segmentId: segment.id,
      label: label(sheet, segment),
      ...worthOf(input, segment),
    });
  });
  return out;
}

function worthOf(input: AdviceInput, segment: Segment) {
  const id = productOf(segment);
  if (!id) return { gmvPerMin: 0, unitsPerMin: 0, basis: 'none' as const };
  const past = input.history.find((h) => h.productId === id);
  if (
    past &&
    past.onAirMs > 0 &&
    past.gmv !== null &&
    past.currency === input.sheet.show.currency
  ) {
    const min = past.onAirMs / 60_000;
    return { gmvPerMin: past.gmv / min, unitsPerMin: past.units / min, basis: 'history' as const };
  }
  // No history: the plan's own figures — its stock sold at the live price over its planned time.
  const product = input.sheet.products.find((p) => p.id === id);
  const plannedMin =
    input.sheet.segments.filter((s) => productOf(s) === id).reduce((t, s) => t + s.durationSec, 0) /
    60;
  if (!product || !plannedMin) return { gmvPerMin: 0, unitsPerMin: 0, basis: 'none' as const };
  return {
    gmvPerMin: (product.stock * product.livePrice) / plannedMin,
    unitsPerMin: product.stock / plannedMin,
    basis: 'plan' as const,
  };
}

const weakestFirst = (a: SegmentWorth, b: SegmentWorth) =>
  a.gmvPerMin - b.gmvPerMin || a.unitsPerMin - b.unitsPerMin || b.index - a.index;

function trims(input: AdviceInput, worths: SegmentWorth[], overSec: number): Proposal[] {
  const room = (w: SegmentWorth) => Math.max(0, durationOf(input, w) - floorOf(input, w));
  const weakest = new Map<number, number>();
  let left = overSec;
  for (const w of [...worths].sort(weakestFirst)) {
    if (left <= 0) break;
    const cut = Math.min(room(w), roundUp(left));
    if (cut > 0) weakest.set(w.index, cut);
    left -= cut;
  }
  const totalRoom = worths.reduce((t, w) => t + room(w), 0);
  const even = new Map<number, number>();
  if (totalRoom > 0) {
    const share = Math.min(1, overSec / totalRoom);
    for (const w of worths) {
      const cut = Math.min(room(w), roundUp(room(w) * share));
      if (cut > 0) even.set(w.index, cut);
    }
  }
  return [
    build(input, worths, 'trim-weakest', weakest, -1),
    build(input, worths, 'trim-evenly', even, -1),
  ].filter((p): p is Proposal => p !== null);
}

function stretches(input: AdviceInput, worths: SegmentWorth[], underSec: number): Proposal[] {
  const products = worths.filter((w) => w.basis !== 'none');
  const strongest = [...products].sort(weakestFirst).reverse();
  const room = (w: SegmentWorth) => durationOf(input, w) * (STRETCH_FACTOR - 1);
  const fill = (list: SegmentWorth[]) => {
    const out = new Map<number, number>();
    let left = underSec;
    for (const w of list) {
      if (left <= 0) break;
      const add = Math.min(room(w), roundUp(left));
      out.set(w.index, add);
      left -= add;
    }
    return out;
  };
  const top = strongest.slice(0, 2);
  const spread = new Map<number, number>();
  for (const w of top) spread.set(w.index, Math.min(room(w), roundUp(underSec / top.length)));
  return [
    build(input, worths, 'stretch-strongest', fill(strongest), 1),
    top.length > 1 ? build(input, worths, 'stretch-top', spread, 1) : null,
  ].filter((p): p is Proposal => p !== null);
}

function build(
  input: AdviceInput,
  worths: SegmentWorth[],
  kind: Proposal['kind'],
  changes: Map<number, number>,
  sign: 1 | -1,
): Proposal | null {
  if (!changes.size) return null;
  let movedSec = 0;
  let gmv = 0;
  const segments: Proposal['segments'] = [];
  const reasons: string[] = [];
  const lines: AdviceLine[] = [];
  const currency = input.sheet.show.currency;
  for (const w of worths) {
    const by = changes.get(w.index);
    if (!by) continue;
    const from = durationOf(input, w);
    segments.push({ index: w.index, segmentId: w.segmentId, durationSec: from + sign * by });
    movedSec += by;
    gmv += (w.gmvPerMin * by) / 60;
    reasons.push(
      `${sign < 0 ? 'Shorten' : 'Stretch'} “${w.label}” ${mmss(from)} → ${mmss(from + sign * by)}: ${worthText(w, currency)}`,
    );
    const segment = input.sheet.segments[w.index]!;
    lines.push({
      code: sign < 0 ? 'shorten' : 'stretch',
      params: {
        label:
          segment.title ??
          input.sheet.products.find((p) => p.id === productOf(segment))?.name ??
          '',
        kind: segment.kind,
        from: mmss(from),
        to: mmss(from + sign * by),
        gmvPerMin: Math.round(w.gmvPerMin),
        currency,
        units: w.unitsPerMin.toFixed(2),
        basis: w.basis,
      },
    });
  }
  const projectedEndAt = input.projectedEndAt + sign * movedSec * 1000;
  const gapMin = Math.round((projectedEndAt - input.plannedEndAt) / 60_000);
  const summary = {
    'trim-weakest': 'Take the time from the weakest slots',
    'trim-evenly': 'Trim every later slot a little',
    'stretch-strongest': 'Give the time to the strongest seller',
    'stretch-top': 'Share the time between the two strongest sellers',
  }[kind];
  lines.push(
    gapMin === 0
      ? { code: 'ends_on_plan', params: {} }
      : { code: gapMin > 0 ? 'ends_late' : 'ends_early', params: { min: Math.abs(gapMin) } },
  );
  reasons.push(
    gapMin === 0
      ? 'The show then ends on plan; the last call is kept.'
      : `The show then ends ${Math.abs(gapMin)} min ${gapMin > 0 ? 'late' : 'early'}; the last call is kept.`,
  );
  return {
    id: kind,
    kind,
    summary,
    reasons,
    lines,
    segments,
    projectedEndAt,
    gmvDelta: Math.round(sign < 0 ? gmv : -gmv),
  };
}

const durationOf = (input: AdviceInput, w: SegmentWorth) =>
  input.sheet.segments[w.index]!.durationSec;
const floorOf = (input: AdviceInput, w: SegmentWorth) =>
  input.sheet.segments[w.index]!.kind === 'break' ? 60 : FLOOR_SEC;
/** Whole seconds, and a slot length a producer can read (multiples of 15 s). */
const roundUp = (sec: number) => Math.ceil(sec / 15) * 15;
const mmss = (sec: number) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;

function worthText(w: SegmentWorth, currency: string): string {
  if (w.basis === 'none') return 'a break earns nothing';
  const money = formatMoney(Math.round(w.gmvPerMin), currency, 'en');
  const source = w.basis === 'history' ? 'in past shows' : 'by the plan (no history yet)';
  return `${money} and ${w.unitsPerMin.toFixed(2)} units a minute on air ${source}`;
}

function label(sheet: RunSheet, segment: Segment): string {
  const product = sheet.products.find((p) => p.id === productOf(segment));
  return segment.title ?? product?.name ?? segment.kind;
}
