/**
 * Series bonus conditions, read from the sentence a PingHuman task writes them as (the seed's
 * own bonus style: "300 CNY if 50+ questions answered"), and evaluated against the series'
 * weeks. Three shapes are understood:
 *   "500 CNY if week 4 viewers > week 1 by 30%"   growth of one session over another
 *   "300 CNY if week 2 orders >= 150"              one session against a threshold
 *   "1000 CNY if series gmv >= 200000"             the whole series (sum; pooled conversion)
 * Anything else is kept as a note and reported as not evaluated, never guessed at.
 */
import { toMinor } from '../money';

export const SERIES_METRICS = ['viewers', 'peakViewers', 'gmv', 'orders', 'conversion'] as const;
export type SeriesMetric = (typeof SERIES_METRICS)[number];

export type SeriesCondition =
  | { kind: 'growth'; metric: SeriesMetric; session: number; base: number; percent: number }
  | {
      kind: 'threshold';
      metric: SeriesMetric;
      /** A session number, or 'series' for the whole series. */
      session: number | 'series';
      strict: boolean;
      /** Minor units for gmv, a fraction for conversion, a count otherwise. */
      value: number;
    };

export interface SeriesBonus {
  /** The task's key for it, or its position in a list (`series_bonuses[0]`). */
  key: string;
  text: string;
  /** Minor units of the series currency; null when the sentence names no amount. */
  amount: number | null;
  condition: SeriesCondition | null;
}

const METRIC_WORDS: Array<[RegExp, SeriesMetric]> = [
  [/^peak(?:[ _-]concurrent)?[ _-]viewers$/, 'peakViewers'],
  [/^(?:unique[ _-])?viewers$/, 'viewers'],
  [/^gmv$/, 'gmv'],
  [/^orders$/, 'orders'],
  [/^conversion(?:[ _-]rate)?$/, 'conversion'],
];
const metricOf = (word: string) => METRIC_WORDS.find(([re]) => re.test(word))?.[1];
const SCALE: Record<string, number> = { '': 1, k: 1e3, w: 1e4, 万: 1e4, m: 1e6 };
const AMOUNT = /^\s*(?:¥|\$|€)?\s*(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]{3}|元|yuan)?\s+if\s+(.+?)\s*$/i;
const WHO = String.raw`(week|session)\s*(\d+)|(series|total|all weeks)`;
const METRIC = String.raw`([a-z][a-z _-]*?)`;
const GROWTH = new RegExp(
  String.raw`^(?:week|session)\s*(\d+)\s+${METRIC}\s*(?:>|>=|≥|grows?|up)\s*(?:over|than|vs\.?)?\s*(?:week|session)\s*(\d+)\s+by\s+(\d+(?:\.\d+)?)\s*%$`,
  'i',
);
const THRESHOLD = new RegExp(
  String.raw`^(?:${WHO})\s+${METRIC}\s*(>=|≥|>|at least)\s*(\d[\d,]*(?:\.\d+)?)\s*(k|w|万|m|%)?$`,
  'i',
);
const PLUS = new RegExp(
  String.raw`^(?:${WHO})\s+(\d[\d,]*(?:\.\d+)?)\s*(k|w|万|m)?\+\s*${METRIC}$`,
  'i',
);

/** Reads one bonus sentence; `amount` is null when the currency differs or none is given. */
export function parseSeriesBonus(key: string, text: string, currency: string): SeriesBonus {
  const clipped = text.length > 300 ? `${text.slice(0, 299)}…` : text;
  const head = AMOUNT.exec(text);
  if (!head) return { key, text: clipped, amount: null, condition: null };
  const unit = head[2]?.toUpperCase();
  const sameCurrency =
    !unit || unit === currency || (currency === 'CNY' && (unit === '元' || unit === 'YUAN'));
  const amount = sameCurrency ? toMinor(Number(head[1]!.replace(/,/g, '')), currency) : null;
  return { key, text: clipped, amount, condition: readCondition(head[3]!, currency) };
}

function readCondition(text: string, currency: string): SeriesCondition | null {
  const g = GROWTH.exec(text);
  if (g) {
    const metric = metricOf(g[2]!.trim().toLowerCase());
    const [session, base] = [Number(g[1]), Number(g[3])];
    if (!metric || session < 1 || base < 1 || session === base) return null;
    return { kind: 'growth', metric, session, base, percent: Number(g[4]) };
  }
  const t = THRESHOLD.exec(text);
  const p = t ? null : PLUS.exec(text);
  if (!t && !p) return null;
  const m = (t ?? p)!;
  const session = m[2] ? Number(m[2]) : 'series';
  const metric = metricOf((t ? m[4]! : m[6]!).trim().toLowerCase());
  if (!metric || session === 0) return null;
  const number = Number((t ? m[6]! : m[4]!).replace(/,/g, ''));
  const suffix = ((t ? m[7] : m[5]) ?? '').toLowerCase();
  const strict = t ? m[5] === '>' : false;
  let value: number | null;
  if (metric === 'conversion') value = suffix === '%' ? number / 100 : number > 1 ? null : number;
  else if (suffix === '%') value = null;
  else if (metric === 'gmv') value = toMinor(number * SCALE[suffix]!, currency);
  else value = Math.round(number * SCALE[suffix]!);
  return value === null ? null : { kind: 'threshold', metric, session, strict, value };
}

/** One session's figures from its ended show; null for a session that has not run yet. */
export interface WeekFigures {
  viewers: number | null;
  peakViewers: number | null;
  gmv: number;
  orders: number;
  conversion: number | null;
}

export type BonusStatus = 'met' | 'not-met' | 'not-yet';

export interface BonusResult {
  bonus: SeriesBonus;
  status: BonusStatus;
  /** Why it is not yet decided: the sessions still to run, or a figure never recorded. */
  waitingFor: Array<{
    session: number | 'series';
    metric: SeriesMetric;
    reason: 'not-run' | 'unknown';
  }>;
  /** The figure tested, and what it was tested against (both null while not known). */
  actual: number | null;
  target: number | null;
  /** For a growth condition: the change found, as a fraction (0.3 = +30%). */
  growth: number | null;
}

const pick = (w: WeekFigures, metric: SeriesMetric): number | null =>
  metric === 'peakViewers' ? w.peakViewers : w[metric];

/** The whole series: sums, conversion pooled (Σ orders / Σ viewers over sessions with both). */
function seriesFigure(weeks: ReadonlyArray<WeekFigures | null>, metric: SeriesMetric) {
  const ran = weeks.filter((w): w is WeekFigures => w !== null);
  if (metric === 'conversion') {
    const known = ran.filter((w) => (w.viewers ?? 0) > 0);
    const viewers = known.reduce((t, w) => t + w.viewers!, 0);
    return viewers > 0 ? known.reduce((t, w) => t + w.orders, 0) / viewers : null;
  }
  if (metric === 'peakViewers') {
    const peaks = ran.map((w) => w.peakViewers).filter((v): v is number => v !== null);
    return peaks.length ? Math.max(...peaks) : null;
  }
  const values = ran.map((w) => pick(w, metric));
  return values.some((v) => v === null) ? null : values.reduce((t, v) => t! + v!, 0);
}

/** `weeks[i]` is session i + 1. A series-wide condition waits until every session has run. */
export function evaluateBonus(
  bonus: SeriesBonus,
  weeks: ReadonlyArray<WeekFigures | null>,
): BonusResult {
  const result: BonusResult = {
    bonus,
    status: 'not-yet',
    waitingFor: [],
    actual: null,
    target: null,
    growth: null,
  };
  const c = bonus.condition;
  if (!c) return result;
  const figure = (session: number) => {
    const week = weeks[session - 1];
    if (!week) result.waitingFor.push({ session, metric: c.metric, reason: 'not-run' });
    const value = week ? pick(week, c.metric) : null;
    if (week && value === null)
      result.waitingFor.push({ session, metric: c.metric, reason: 'unknown' });
    return value;
  };
  if (c.kind === 'growth') {
    const base = figure(c.base);
    const actual = figure(c.session);
    result.actual = actual;
    result.target = base === null ? null : base * (1 + c.percent / 100);
    if (actual === null || base === null || result.target === null) return result;
    result.growth = base === 0 ? null : (actual - base) / base;
    result.status = actual > result.target ? 'met' : 'not-met';
    return result;
  }
  result.target = c.value;
  if (c.session === 'series') {
    const missing = weeks.map((w, i) => (w ? null : i + 1)).filter((s): s is number => s !== null);
    for (const session of missing)
      result.waitingFor.push({ session, metric: c.metric, reason: 'not-run' });
    result.actual = seriesFigure(weeks, c.metric);
    if (result.actual === null && !missing.length)
      result.waitingFor.push({ session: 'series', metric: c.metric, reason: 'unknown' });
  } else result.actual = figure(c.session);
  if (result.actual === null || result.waitingFor.length) return result;
  result.status = (c.strict ? result.actual > c.value : result.actual >= c.value)
    ? 'met'
    : 'not-met';
  return result;
}
