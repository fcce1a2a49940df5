/**
 * Shows side by side and show over show ("week over week": each show against the one before
 * it in date order). Growth is a fraction: (this − before) / before, null for the first show,
 * when either figure is unknown, when the base is 0, and for money across two currencies.
 */
import type { ShowReport } from './types';
import { conversionRate } from './viewers';

export interface KeyedReport {
  showId: string;
  report: ShowReport;
}

export function growth(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return (current - base) / base;
}

/** Date order (show start); shows never started keep their given order, after the rest. */
export function byDate<T extends KeyedReport & { startedAt?: number | null }>(
  shows: readonly T[],
): T[] {
  const when = (s: T) => s.startedAt ?? s.report.show.startedAt ?? Number.POSITIVE_INFINITY;
  return [...shows].sort((a, b) => (when(a) === when(b) ? 0 : when(a) - when(b)));
}

type Unit = 'money' | 'count' | 'rate' | 'ms';

const TOTALS: ReadonlyArray<
  [key: string, label: string, unit: Unit, pick: (r: ShowReport) => number | null]
> = [
  ['gmv', 'GMV', 'money', (r) => r.totals.gmv],
  ['orders', 'Orders', 'count', (r) => r.totals.orders],
  ['units', 'Units', 'count', (r) => r.totals.units],
  ['averageOrderValue', 'Average order value', 'money', (r) => r.totals.averageOrderValue],
  ['gmvVsTarget', 'GMV against target', 'rate', (r) => r.totals.gmvVsTarget],
  ['actualMs', 'Length', 'ms', (r) => r.totals.actualMs],
  ['onAirMs', 'Time on air', 'ms', (r) => r.totals.onAirMs],
  ['pausedMs', 'Time paused', 'ms', (r) => r.totals.pausedMs],
  ['peakConcurrent', 'Peak concurrent viewers', 'count', (r) => r.viewers.peakConcurrent],
  ['averageConcurrent', 'Average concurrent viewers', 'count', (r) => r.viewers.averageConcurrent],
  ['uniqueViewers', 'Unique viewers', 'count', (r) => r.viewers.uniqueViewers],
  ['conversionRate', 'Conversion', 'rate', (r) => r.viewers.conversionRate],
  ['deals', 'Flash deals', 'count', (r) => r.deals.length],
  ['totalHostCost', 'Host cost', 'money', (r) => r.earnings?.totalHostCost ?? null],
  ['brandRoi', 'GMV per unit of host cost', 'rate', (r) => r.earnings?.brandRoi ?? null],
];

export interface ComparisonColumn {
  showId: string;
  title: string;
  startedAt: number | null;
  currency: string;
}

export interface ProductCell {
  position: number | null;
  allocatedMs: number;
  onAirMs: number;
  units: number;
  orders: number;
  gmv: number;
  conversion: number | null;
}

export interface Comparison {
  columns: ComparisonColumn[];
  /** One row per figure, one value per column; money in each column's own currency. */
  totals: Array<{ key: string; label: string; unit: Unit; values: Array<number | null> }>;
  /** Featured products, in order of first appearance; null where a show did not feature it. */
  products: Array<{ productId: string; name: string; cells: Array<ProductCell | null> }>;
}

/** Columns in the order given (the UI chooses, e.g. newest first). */
export function compareShows(shows: readonly KeyedReport[]): Comparison {
  const columns = shows.map(({ showId, report }) => ({
    showId,
    title: report.show.title,
    startedAt: report.show.startedAt,
    currency: report.show.currency,
  }));
  const totals = TOTALS.map(([key, label, unit, pick]) => ({
    key,
    label,
    unit,
    values: shows.map((s) => pick(s.report)),
  }));
  const products = new Map<
    string,
    { productId: string; name: string; cells: Array<ProductCell | null> }
  >();
  shows.forEach(({ report }, column) => {
    for (const p of report.products) {
      if (!p.featured) continue;
      const row = products.get(p.productId) ?? {
        productId: p.productId,
        name: p.name,
        cells: shows.map(() => null),
      };
      row.cells[column] = {
        position: p.presentationOrder,
        allocatedMs: p.allocatedMs,
        onAirMs: p.onAirMs,
        units: p.units,
        orders: p.orders,
        gmv: p.gmv,
        conversion: conversionRate(p.orders, report.viewers.uniqueViewers),
      };
      products.set(p.productId, row);
    }
  });
  return { columns, totals, products: [...products.values()] };
}

export interface GrowthFigures {
  gmv: number | null;
  orders: number | null;
  peakConcurrent: number | null;
  averageConcurrent: number | null;
  uniqueViewers: number | null;
  conversionRate: number | null;
}

export interface GrowthPoint extends ComparisonColumn {
  figures: GrowthFigures;
  /** Against the show before; all null for the first. */
  growth: GrowthFigures;
  /** Conversion this show minus the one before, in fraction points (0.01 = one point). */
  conversionChange: number | null;
}

export function seriesGrowth(shows: readonly KeyedReport[]): GrowthPoint[] {
  let before: GrowthPoint | null = null;
  return byDate(shows).map(({ showId, report }) => {
    const figures: GrowthFigures = {
      gmv: report.totals.gmv,
      orders: report.totals.orders,
      peakConcurrent: report.viewers.peakConcurrent,
      averageConcurrent: report.viewers.averageConcurrent,
      uniqueViewers: report.viewers.uniqueViewers,
      conversionRate: report.viewers.conversionRate,
    };
    const b = before?.figures;
    const sameMoney = before?.currency === report.show.currency;
    const point: GrowthPoint = {
      showId,
      title: report.show.title,
      startedAt: report.show.startedAt,
      currency: report.show.currency,
      figures,
      growth: {
        gmv: sameMoney ? growth(figures.gmv, b?.gmv ?? null) : null,
        orders: growth(figures.orders, b?.orders ?? null),
        peakConcurrent: growth(figures.peakConcurrent, b?.peakConcurrent ?? null),
        averageConcurrent: growth(figures.averageConcurrent, b?.averageConcurrent ?? null),
        uniqueViewers: growth(figures.uniqueViewers, b?.uniqueViewers ?? null),
        conversionRate: growth(figures.conversionRate, b?.conversionRate ?? null),
      },
      conversionChange:
        figures.conversionRate === null || b?.conversionRate == null
          ? null
          : figures.conversionRate - b.conversionRate,
    };
    before = point;
    return point;
  });
}
