/**
 * What each report chart shows, from a ShowReport: the points in chart units (minutes since
 * the start, major currency units), an empty-state message when there is nothing to draw, and
 * a sentence that says what the chart shows for people who cannot see it (and for print).
 * Pure: the drawing is in plots.ts. Words are messages read when built (a language switch follows).
 */
import type { GrowthPoint } from '../../../shared/report/compare';
import type { ShowReport } from '../../../shared/report/showReport';
import { count, dateTime, decimal, duration, growth, major, money } from '../format';
import * as m from '../../i18n/paraglide/messages.js';
import { runTitle } from '../words';

export const MINUTE = 60_000;
export interface Band {
  x1: number;
  x2: number;
  kind: string;
  title: string;
}

export interface DealWindow {
  x1: number;
  x2: number;
  label: string;
}

interface Base {
  title: string;
  /** Why there is no chart, or null when there is one. */
  empty: string | null;
  summary: string;
}

/** The segment kinds that appear, in the fixed order: the legend lists these only. */
export function kindsOf(bands: readonly Band[]): string[] {
  return SEGMENT_KINDS.filter((k) => bands.some((b) => b.kind === k));
}

export interface GmvChart extends Base {
  kind: 'gmv';
  currency: string;
  points: Array<{ x: number; y: number }>;
  bands: Band[];
  deals: DealWindow[];
  endX: number;
}

export interface UnitsChart extends Base {
  kind: 'units';
  bars: Array<{ name: string; units: number }>;
}

export interface StockChart extends Base {
  kind: 'stock';
  /**
   * y is the share of the starting stock left (1 = all), so a product of 5 and one of 500 read
   * on one scale; `units` keeps the count. When a product started at 0 (restocked during the
   * show) shares mean nothing and y is the count for every line (`relative` false).
   */
  points: Array<{ x: number; y: number; units: number; name: string }>;
  relative: boolean;
  endX: number;
}

export interface ViewerChart extends Base {
  kind: 'viewers';
  points: Array<{ x: number; y: number }>;
  /** The counts as entered (the line carries the last one on to the end). */
  dots: Array<{ x: number; y: number }>;
  bands: Band[];
  endX: number;
}

export interface SeriesChart extends Base {
  kind: 'series';
  currency: string;
  bars: Array<{ label: string; gmv: number; growth: string }>;
}

export type ChartModel = GmvChart | UnitsChart | StockChart | ViewerChart | SeriesChart;

/** The order and colours of segment kinds, shared by every chart and the timeline. */
export const SEGMENT_KINDS = [
  'opening',
  'product',
  'flash',
  'engagement',
  'break',
  'closing',
] as const;
export const KIND_COLOURS: Record<string, string> = {
  opening: '#7a8699',
  product: '#3b82f6',
  flash: '#ff2d55',
  engagement: '#a855f7',
  break: '#475569',
  closing: '#14b8a6',
};

const minutes = (ms: number) => ms / MINUTE;

function endMs(report: ShowReport): number {
  const { startedAt, endedAt, asOf } = report.show;
  return startedAt === null ? 0 : Math.max(0, (endedAt ?? asOf) - startedAt);
}

function bandsOf(report: ShowReport): Band[] {
  return report.series.segmentBands.map((b) => ({
    x1: minutes(b.start),
    x2: minutes(b.end),
    kind: b.kind,
    title: runTitle(b.title, b.kind),
  }));
}

export function gmvChart(report: ShowReport): GmvChart {
  const { currency } = report.show;
  const end = endMs(report);
  const base = {
    kind: 'gmv' as const,
    title: m.rep_chart_gmv_title(),
    currency,
    endX: minutes(end),
    bands: bandsOf(report),
  };
  const deals = report.deals.map((d, i) => ({
    x1: minutes(d.startMs),
    x2: minutes(d.endMs ?? end),
    label: m.rep_chart_deal_window({ n: i + 1, name: d.productName }),
  }));
  const notStarted = m.rep_chart_not_started();
  if (report.show.startedAt === null)
    return { ...base, empty: notStarted, summary: notStarted, points: [], deals: [] };
  if (report.totals.orders === 0) {
    const none = m.rep_chart_gmv_none();
    return { ...base, empty: none, summary: none, points: [], deals };
  }
  const points = report.series.gmvOverTime.map((p) => ({
    x: minutes(p.t),
    y: major(p.gmv, currency),
  }));
  const best = [...report.runs].sort((a, b) => b.gmv - a.gmv)[0];
  const inDeals = report.deals.reduce((sum, d) => sum + d.gmv, 0);
  const summary =
    m.rep_chart_gmv_summary({
      gmv: money(report.totals.gmv, currency),
      time: duration(end),
      count: report.totals.orders,
      shown: count(report.totals.orders),
    }) +
    (best && best.gmv > 0
      ? m.rep_chart_gmv_best({
          title: runTitle(best.title, best.kind),
          gmv: money(best.gmv, currency),
        })
      : '') +
    (report.deals.length
      ? m.rep_chart_gmv_deals({
          gmv: money(inDeals, currency),
          count: report.deals.length,
          shown: count(report.deals.length),
        })
      : m.rep_full_stop());
  return { ...base, empty: null, summary, points, deals };
}

export function unitsChart(report: ShowReport): UnitsChart {
  const bars = report.series.unitsPerProduct
    .filter(
      (p) => p.units > 0 || report.products.find((r) => r.productId === p.productId)?.featured,
    )
    .map((p) => ({ name: p.name, units: p.units }))
    .sort((a, b) => b.units - a.units);
  const base = { kind: 'units' as const, title: m.rep_chart_units_title() };
  if (bars.every((b) => b.units === 0)) {
    const none = m.rep_chart_units_none();
    return { ...base, empty: none, summary: none, bars: [] };
  }
  const summary = m.rep_chart_units_summary({
    list: bars.map((b) => `${b.name} ${count(b.units)}`).join(m.rep_list_separator()),
  });
  return { ...base, empty: null, summary, bars };
}

export function stockChart(report: ShowReport): StockChart {
  const end = endMs(report);
  const base = {
    kind: 'stock' as const,
    title: m.rep_chart_stock_title(),
    endX: minutes(end),
    relative: true,
  };
  const trail = report.series.stockBurnDown;
  const notStarted = !trail ? m.rep_chart_not_started() : '';
  if (!trail) return { ...base, empty: notStarted, summary: notStarted, points: [] };
  const names = new Map(report.products.map((p) => [p.productId, p.name]));
  const moved = Object.entries(trail).filter(([, points]) =>
    points.some((p) => p.cause !== 'start' && p.cause !== 'end'),
  );
  if (moved.length === 0) {
    const none = m.rep_chart_stock_none();
    return { ...base, empty: none, summary: none, points: [] };
  }
  const relative = moved.every(([, list]) => list[0]!.remaining > 0);
  const points = moved.flatMap(([id, list]) =>
    list.map((p) => ({
      x: minutes(p.t),
      y: relative ? p.remaining / list[0]!.remaining : p.remaining,
      units: p.remaining,
      name: names.get(id) ?? id,
    })),
  );
  const lines = moved.map(([id, list]) => {
    const first = list[0]!.remaining;
    const last = list.at(-1)!.remaining;
    const out = list.find((p) => p.remaining === 0 && p.cause === 'sale');
    const soldOut = out ? m.rep_chart_sold_out_at({ time: duration(out.t) }) : '';
    return `${names.get(id) ?? id} ${count(first)} → ${count(last)}${soldOut}`;
  });
  return {
    ...base,
    relative,
    empty: null,
    summary: m.rep_chart_stock_summary({ list: lines.join(m.rep_chart_separator()) }),
    points,
  };
}

export function viewerChart(report: ShowReport): ViewerChart {
  const end = endMs(report);
  const base = {
    kind: 'viewers' as const,
    title: m.rep_chart_viewers_title(),
    endX: minutes(end),
    bands: bandsOf(report),
  };
  const samples = report.series.viewerCurve;
  if (samples.length === 0) {
    const none = m.rep_chart_viewers_none();
    return { ...base, empty: none, summary: none, points: [], dots: [] };
  }
  const dots = samples.map((s) => ({ x: minutes(s.t), y: s.concurrent }));
  const points = [...dots];
  // Each count holds until the next one: carry the last to the end so the line reaches it.
  const last = points.at(-1)!;
  if (last.x < minutes(end)) points.push({ x: minutes(end), y: last.y });
  const peak = samples.reduce((a, b) => (b.concurrent > a.concurrent ? b : a));
  const { viewers } = report;
  const summary = m.rep_chart_viewers_summary({
    peak: count(viewers.peakConcurrent),
    time: duration(peak.t),
    average: decimal(viewers.averageConcurrent),
    count: viewers.samples,
    shown: count(viewers.samples),
  });
  return { ...base, empty: null, summary, points, dots };
}

export function reportCharts(report: ShowReport): ChartModel[] {
  return [gmvChart(report), unitsChart(report), stockChart(report), viewerChart(report)];
}

/** GMV of each show of a recurring series, oldest first, with the change against the one before. */
export function seriesChart(
  points: ReadonlyArray<GrowthPoint>,
  timeZone: (showId: string) => string,
): SeriesChart {
  const currency = points[0]?.currency ?? 'USD';
  const base = { kind: 'series' as const, title: m.rep_chart_series_title(), currency };
  if (points.some((p) => p.currency !== currency)) {
    const mixed = m.rep_chart_series_mixed();
    return { ...base, empty: mixed, summary: mixed, bars: [] };
  }
  const bars = points.map((p) => ({
    label: `${dateTime(p.startedAt, timeZone(p.showId), 'date')}`,
    gmv: major(p.figures.gmv ?? 0, currency),
    growth: p.growth.gmv === null ? '' : growth(p.growth.gmv),
  }));
  const seen = new Map<string, number>(); // two shows on one day would share a bar: number them
  for (const bar of bars) {
    const n = (seen.get(bar.label) ?? 0) + 1;
    seen.set(bar.label, n);
    if (n > 1) bar.label = `${bar.label} (${n})`;
  }
  const first = points[0];
  const last = points.at(-1);
  const summary =
    first && last && first !== last
      ? m.rep_chart_series_summary({
          from: money(first.figures.gmv, currency),
          first: bars[0]!.label,
          to: money(last.figures.gmv, currency),
          last: bars.at(-1)!.label,
        }) +
        (last.growth.gmv === null
          ? m.rep_full_stop()
          : m.rep_chart_series_growth({ growth: growth(last.growth.gmv) }))
      : m.rep_chart_series_short();
  return { ...base, empty: null, summary, bars };
}
