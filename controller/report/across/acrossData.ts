/**
 * Across shows, for the report overview: which shows count, the product history's search and
 * CSV, recurring-show series, and comparisons read as experiments. Pure.
 */
import { toCsv, formatDecimal, type CsvColumn } from '../../../shared/export/csv';
import { localDateTime } from '../../../shared/report/csv';
import {
  byDate,
  compareShows,
  seriesGrowth,
  type Comparison,
  type GrowthPoint,
} from '../../../shared/report/compare';
import {
  productHistoryFromReports,
  type ProductAppearance,
  type ProductHistory,
} from '../../../shared/report/history';
import type { ShowReport } from '../../../shared/report/showReport';
import type { ShowChanges } from '../changes';

/** What these helpers need of a stored show (ShowEntry has it). */
export interface EntryLike {
  row: {
    id: string;
    runSheetId: string;
    status: string;
    startedAt: number | null;
    sheet: { show: { title: string; timeZone: string } };
  };
  report: ShowReport;
  changes: ShowChanges;
}

const keyed = <E extends EntryLike>(e: E) => ({
  showId: e.row.id,
  report: e.report,
  title: e.row.sheet.show.title,
  startedAt: e.row.startedAt,
  entry: e,
});

/** Shows that happened: the product history and the series count these only. */
export const endedShows = <E extends EntryLike>(entries: readonly E[]) =>
  entries.filter((e) => e.row.status === 'ended' && e.row.startedAt !== null);

export function productHistoryOf(entries: readonly EntryLike[]): ProductHistory[] {
  return productHistoryFromReports(endedShows(entries).map(keyed));
}

/** Case- and accent-blind match on any name the product had, or its id. */
export function searchHistory(rows: readonly ProductHistory[], query: string): ProductHistory[] {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((r) => {
    const hay = fold([r.productId, ...r.names].join(' '));
    return words.every((w) => hay.includes(w));
  });
}

type AppearanceRow = ProductAppearance & { productId: string; timeZone: string };

const seconds = (ms: number) => ms / 1000;
const rate = (r: number | null) => (r === null ? null : Number(r.toFixed(4)));

const HISTORY_COLUMNS: Array<CsvColumn<AppearanceRow>> = [
  { header: 'product_id', value: (a) => a.productId },
  { header: 'name', value: (a) => a.name },
  { header: 'show_id', value: (a) => a.showId },
  { header: 'show_title', value: (a) => a.title },
  {
    header: 'show_start_local',
    value: (a) => (a.startedAt === null ? null : localDateTime(a.startedAt, a.timeZone)),
  },
  { header: 'time_zone', value: (a) => a.timeZone },
  { header: 'presentation_order', value: (a) => a.position },
  { header: 'allocated_s', value: (a) => seconds(a.allocatedMs) },
  { header: 'on_air_s', value: (a) => seconds(a.onAirMs) },
  { header: 'orders', value: (a) => a.orders },
  { header: 'units', value: (a) => a.units },
  { header: 'unique_viewers', value: (a) => a.uniqueViewers },
  { header: 'conversion', value: (a) => rate(a.conversion) },
  { header: 'gmv', value: (a) => formatDecimal(a.gmv, a.currency) },
  { header: 'currency', value: (a) => a.currency },
];

/** One row per product per show it appeared in: the product performance database as a sheet. */
export function historyCsv(
  rows: readonly ProductHistory[],
  timeZones: ReadonlyMap<string, string>,
  header: (key: string) => string = (key) => key,
): string {
  const lines = rows.flatMap((r) =>
    r.appearances.map((a) => ({
      ...a,
      productId: r.productId,
      timeZone: timeZones.get(a.showId) ?? 'UTC',
    })),
  );
  return toCsv(
    lines,
    HISTORY_COLUMNS.map((c) => ({ ...c, header: header(c.header) })),
  );
}

export type SeriesBy = 'sheet' | 'title';

export interface SeriesGroup<E extends EntryLike> {
  key: string;
  label: string;
  entries: E[];
}

/** Recurring shows: ended shows sharing a run sheet (or a title), two or more of them, newest group first. */
export function seriesGroups<E extends EntryLike>(
  entries: readonly E[],
  by: SeriesBy,
): Array<SeriesGroup<E>> {
  const groups = new Map<string, SeriesGroup<E>>();
  for (const e of endedShows(entries)) {
    const title = e.row.sheet.show.title;
    const key = by === 'sheet' ? e.row.runSheetId : title.trim().toLowerCase();
    const group = groups.get(key) ?? { key, label: title, entries: [] };
    group.entries.push(e);
    groups.set(key, group);
  }
  const latest = (g: SeriesGroup<E>) => Math.max(...g.entries.map((e) => e.row.startedAt ?? 0));
  return [...groups.values()]
    .filter((g) => g.entries.length >= 2)
    .sort((a, b) => latest(b) - latest(a));
}

export function seriesOf<E extends EntryLike>(
  group: SeriesGroup<E>,
): Array<GrowthPoint & { changes: ShowChanges }> {
  const changes = new Map(group.entries.map((e) => [e.row.id, e.changes]));
  return seriesGrowth(group.entries.map(keyed)).map((p) => ({
    ...p,
    changes: changes.get(p.showId)!,
  }));
}

/** Shows side by side, oldest on the left so the columns read before → after. */
export function compareEntries<E extends EntryLike>(
  entries: readonly E[],
): Comparison & { changes: ShowChanges[] } {
  const ordered = byDate(entries.map(keyed));
  return { ...compareShows(ordered), changes: ordered.map((k) => k.entry.changes) };
}
