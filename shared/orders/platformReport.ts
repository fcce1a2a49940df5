/**
 * The platform block of a report, for the Report screen and `report.get`: the reconciliation
 * of the stored export lines with the show, the platform's LIVE summary, and conversion on
 * the platform's unique viewers when the person gave them. The headline keeps Flashcue's
 * live figures (what was on air); this block says so, and shows the platform's beside them.
 */
import { toMajor } from '../money';
import type { ShowReport } from '../report/types';
import type { ShowContext } from '../show/types';
import type { LiveSummary } from './liveSummary';
import { reconcile, type GroupRow, type PlatformReconciliation, type Window } from './reconcile';
import type { OrderFormat, PlatformLine } from './types';

export interface ImportRecord {
  at: number;
  format: OrderFormat;
  file: string;
  lines: number;
  added: number;
  changed: number;
}

export interface PlatformMeta {
  window: Window;
  timeZone: string;
  imports: ImportRecord[];
  summary: LiveSummary | null;
}

/** What a show keeps of its platform orders (storage and the show file). */
export interface StoredPlatform {
  lines: PlatformLine[];
  meta: PlatformMeta | null;
}

export interface PlatformReport extends PlatformReconciliation {
  formats: OrderFormat[];
  imports: ImportRecord[];
  summary: LiveSummary | null;
  /** Orders ÷ unique viewers: the platform's orders and its unique viewers when known. */
  conversion: {
    rate: number | null;
    orders: 'platform' | 'flashcue';
    viewers: 'platform' | 'flashcue' | null;
  };
  headline: 'flashcue';
}

/** The show's own span: the default window for its orders. */
export function showWindow(report: ShowReport): Window | null {
  const { startedAt, endedAt } = report.show;
  if (startedAt === null) return null;
  return {
    from: startedAt,
    to: endedAt ?? Math.max(startedAt, report.runs.at(-1)?.endAt ?? startedAt),
  };
}

export function platformReport(
  report: ShowReport,
  products: Parameters<typeof reconcile>[2]['products'],
  lines: readonly PlatformLine[],
  meta: PlatformMeta | null,
  remembered?: ReadonlyMap<string, string>,
  context?: ShowContext,
): PlatformReport | null {
  if (!meta && !lines.length) return null;
  const window = meta?.window ?? showWindow(report) ?? { from: 0, to: 0 };
  const recon = reconcile(report, lines, { window, products, remembered, context });
  const summary = meta?.summary ?? null;
  const imported = lines.length > 0;
  const uniqueViewers = summary?.uniqueViewers ?? report.viewers.uniqueViewers;
  const orders = imported ? recon.totals.orders : report.totals.orders;
  return {
    ...recon,
    formats: [...new Set(lines.map((l) => l.format))],
    imports: meta?.imports ?? [],
    summary,
    conversion: {
      rate: uniqueViewers ? orders / uniqueViewers : null,
      orders: imported ? 'platform' : 'flashcue',
      viewers: summary?.uniqueViewers ? 'platform' : uniqueViewers ? 'flashcue' : null,
    },
    headline: 'flashcue',
  };
}

/** `report.get`'s `platform`: money as decimals in the show's currency, no per-line list. */
export function apiPlatform(p: PlatformReport | null, currency: string) {
  if (!p) return null;
  const m = (minor: number) => toMajor(minor, currency);
  const f = (x: { orders: number; units: number; gmv: number }) => ({
    orders: x.orders,
    units: x.units,
    gmv: m(x.gmv),
  });
  const g = (row: GroupRow) => ({
    platform: f(row.platform),
    flashcue: f(row.flashcue),
    matched: row.matched,
    platformOnly: row.platformOnly,
    flashcueOnly: row.flashcueOnly,
  });
  return {
    headline: p.headline,
    formats: p.formats,
    window: { ...p.window },
    lines: p.lines.length,
    totals: f(p.totals),
    flashcue: f(p.flashcue),
    difference: f(p.difference),
    cancelled: { ...p.cancelled },
    matched: p.matched,
    platformOnly: p.platformOnly,
    flashcueOnly: p.flashcueOnly,
    unmatched: p.unmatched.map((u) => ({ ...u })),
    unmatchedFigures: f(p.unmatchedFigures),
    outsideSegments: f(p.outsideSegments),
    products: p.products.map((r) => ({ productId: r.productId, name: r.name, ...g(r) })),
    segments: p.segments.map((r) => ({
      ordinal: r.ordinal,
      index: r.index,
      title: r.title,
      ...g(r),
    })),
    deals: p.deals.map((r) => ({ id: r.id, productName: r.productName, ...g(r) })),
    summary: p.summary && {
      ...p.summary,
      gmv: p.summary.gmv === null ? null : m(p.summary.gmv),
    },
    conversion: { ...p.conversion },
    imports: p.imports.map((i) => ({ ...i })),
  };
}
