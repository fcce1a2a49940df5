/**
 * Across shows: the product performance database the landscape seed describes (every product
 * featured, with presentation order, time allocated, units, conversion, GMV per show), shows
 * side by side, and show-over-show growth.
 *
 * Identity: a product is its product id. The editor's catalogue hands a product its id again
 * in the next show and imports slug ids from names, so the same product keeps its id; matching
 * by name instead would merge different items that share a name ("Lipstick" in two shades) and
 * split one renamed between shows. Every name an id was shown under is kept, so a rename is
 * visible rather than silent.
 *
 * Money is never added across currencies: a sum over shows in different currencies is null.
 */
import type { RunSheet } from '../runsheet/schema';
import type { ShowEvent } from '../show/types';
import { buildReport } from './showReport';
import { byDate, type KeyedReport } from './compare';
import { conversionRate } from './viewers';

export interface ShowRecord {
  showId: string;
  title: string;
  startedAt: number | null;
  sheet: RunSheet;
  events: readonly ShowEvent[];
}

export interface ProductAppearance {
  showId: string;
  title: string;
  startedAt: number | null;
  currency: string;
  name: string;
  /** Presentation order in that show (1 = first product on air); null if never on air. */
  position: number | null;
  allocatedMs: number;
  onAirMs: number;
  units: number;
  orders: number;
  /** The show's unique viewers, and the product's orders / them (null when unknown or 0). */
  uniqueViewers: number | null;
  conversion: number | null;
  gmv: number;
}

export interface ProductHistory {
  productId: string;
  /** Latest name first. */
  names: string[];
  appearances: ProductAppearance[];
  shows: number;
  units: number;
  orders: number;
  onAirMs: number;
  allocatedMs: number;
  /** Σ GMV when every appearance shares one currency, else null. */
  gmv: number | null;
  currency: string | null;
  /** Pooled: Σ orders / Σ unique viewers over the shows whose unique viewers are known. */
  conversion: number | null;
  /** Mean presentation order over the shows where it went on air. */
  averagePosition: number | null;
  lastFeaturedAt: number | null;
}

export const PRODUCT_SORT_KEYS = [
  'name',
  'shows',
  'units',
  'orders',
  'gmv',
  'conversion',
  'onAirMs',
  'averagePosition',
  'lastFeaturedAt',
] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];

export function productHistory(shows: readonly ShowRecord[]): ProductHistory[] {
  return productHistoryFromReports(
    shows.map((s) => ({
      showId: s.showId,
      title: s.title,
      startedAt: s.startedAt,
      report: buildReport(s.sheet, s.events),
    })),
  );
}

/** The same, from reports already built (the controller keeps them). */
export function productHistoryFromReports(
  shows: ReadonlyArray<KeyedReport & { title?: string; startedAt?: number | null }>,
): ProductHistory[] {
  const byId = new Map<string, ProductAppearance[]>();
  for (const { showId, report, title, startedAt } of byDate(shows)) {
    for (const p of report.products) {
      if (!p.featured) continue;
      const list = byId.get(p.productId) ?? [];
      list.push({
        showId,
        title: title ?? report.show.title,
        startedAt: startedAt ?? report.show.startedAt,
        currency: report.show.currency,
        name: p.name,
        position: p.presentationOrder,
        allocatedMs: p.allocatedMs,
        onAirMs: p.onAirMs,
        units: p.units,
        orders: p.orders,
        uniqueViewers: report.viewers.uniqueViewers,
        conversion: conversionRate(p.orders, report.viewers.uniqueViewers),
        gmv: p.gmv,
      });
      byId.set(p.productId, list);
    }
  }
  return [...byId].map(([productId, appearances]) => summarise(productId, appearances));
}

function summarise(productId: string, appearances: ProductAppearance[]): ProductHistory {
  const sum = (pick: (a: ProductAppearance) => number) =>
    appearances.reduce((t, a) => t + pick(a), 0);
  const currencies = new Set(appearances.map((a) => a.currency));
  const currency = currencies.size === 1 ? appearances[0]!.currency : null;
  const known = appearances.filter((a) => (a.uniqueViewers ?? 0) > 0);
  const positions = appearances.map((a) => a.position).filter((p): p is number => p !== null);
  const dates = appearances.map((a) => a.startedAt).filter((d): d is number => d !== null);
  return {
    productId,
    names: [...new Set(appearances.map((a) => a.name).reverse())],
    appearances,
    shows: appearances.length,
    units: sum((a) => a.units),
    orders: sum((a) => a.orders),
    onAirMs: sum((a) => a.onAirMs),
    allocatedMs: sum((a) => a.allocatedMs),
    gmv: currency === null ? null : sum((a) => a.gmv),
    currency,
    conversion: known.length
      ? known.reduce((t, a) => t + a.orders, 0) / known.reduce((t, a) => t + a.uniqueViewers!, 0)
      : null,
    averagePosition: positions.length
      ? positions.reduce((a, b) => a + b, 0) / positions.length
      : null,
    lastFeaturedAt: dates.length ? Math.max(...dates) : null,
  };
}

/** Sorts a copy; unknown values (null) go last whichever the direction. */
export function sortProductHistory(
  rows: readonly ProductHistory[],
  key: ProductSortKey,
  direction: 'asc' | 'desc' = 'desc',
): ProductHistory[] {
  const value = (r: ProductHistory): number | string | null =>
    key === 'name' ? (r.names[0] ?? r.productId).toLowerCase() : r[key];
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.productId.localeCompare(b.productId);
  });
}

export { compareShows, seriesGrowth, growth, type KeyedReport } from './compare';
