/**
 * Every highlight marker of a show: the producer's own (`marker.add` events) and the moments
 * marked automatically from the report — a product selling out, a deal starting, a minute
 * that beat every minute before it in GMV. Pure: the report's figures and the log in, a list
 * sorted by time out.
 *
 * Automatic moments carry no timecode of their own (nobody asked OBS then); their recording
 * time is estimated from the nearest marker that has one, assuming the recording ran on
 * without a pause in between (`recordEstimated`).
 */
import type { ShowReport } from '../report/types';
import type { ShowEvent } from '../show/types';

export type MarkerKind = 'manual' | 'sold-out' | 'deal' | 'record-minute';

export interface Marker {
  kind: MarkerKind;
  at: number;
  /** ms since the show started. */
  showMs: number;
  /** 1-based place of the segment in the run sheet; null before the first one. */
  position: number | null;
  segmentTitle: string | null;
  productId: string | null;
  productName: string | null;
  /** The producer's words (manual markers only). */
  label: string | null;
  /** Where the moment is in OBS's recording file; null when unknown. */
  recordMs: number | null;
  recordEstimated: boolean;
  /** The minute's GMV (record-minute markers), minor units. */
  gmv: number | null;
}

const MINUTE = 60_000;

/** The last item that passes (ES2022 has no Array.prototype.findLast). */
function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

export function showMarkers(report: ShowReport, events: Iterable<ShowEvent>): Marker[] {
  const base = report.show.startedAt;
  if (base === null) return [];
  const segments = report.runs;
  const names = new Map(report.products.map((p) => [p.productId, p.name]));
  const runAt = (at: number) =>
    lastOf(segments, (r) => r.startAt <= at && (r.open || at < r.endAt)) ?? null;
  const make = (
    kind: MarkerKind,
    at: number,
    productId: string | null,
    extra: Partial<Marker> = {},
  ): Marker => {
    const run = runAt(at);
    return {
      kind,
      at,
      showMs: at - base,
      position: run?.position ?? null,
      segmentTitle: run?.title ?? null,
      productId,
      productName: productId === null ? null : (names.get(productId) ?? productId),
      label: null,
      recordMs: null,
      recordEstimated: false,
      gmv: null,
      ...extra,
    };
  };

  const out: Marker[] = [];
  for (const e of events) {
    if (e.type !== 'marker.add') continue;
    const run =
      e.segmentIndex === null
        ? null
        : lastOf(segments, (r) => r.index === e.segmentIndex && r.startAt <= e.at);
    out.push({
      ...make('manual', e.at, e.productId, { label: e.label, recordMs: e.recordMs }),
      showMs: e.showMs,
      position: e.segmentIndex === null ? null : e.segmentIndex + 1,
      segmentTitle: run?.title ?? null,
    });
  }
  for (const deal of report.deals) out.push(make('deal', deal.startAt, deal.productId));
  for (const [productId, points] of Object.entries(report.series.stockBurnDown ?? {})) {
    for (let i = 1; i < points.length; i++) {
      const [before, now] = [points[i - 1]!, points[i]!];
      if (now.cause === 'sale' && now.remaining === 0 && before.remaining > 0)
        out.push(make('sold-out', now.at, productId));
    }
  }
  out.push(...recordMinutes(report, make));
  out.sort((a, b) => a.at - b.at || kindOrder(a.kind) - kindOrder(b.kind));
  return estimateRecordTimes(out);
}

const kindOrder = (kind: MarkerKind) =>
  ['deal', 'manual', 'sold-out', 'record-minute'].indexOf(kind);

/** Minutes (from the show's start) whose GMV beat every minute before them. */
function recordMinutes(
  report: ShowReport,
  make: (kind: MarkerKind, at: number, productId: string | null, extra?: Partial<Marker>) => Marker,
): Marker[] {
  const base = report.show.startedAt!;
  const perMinute = new Map<number, number>();
  for (const line of report.orders) {
    if (!line.counted || line.t < 0) continue;
    const minute = Math.floor(line.t / MINUTE);
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + line.lineTotal);
  }
  const out: Marker[] = [];
  let best = 0;
  for (const minute of [...perMinute.keys()].sort((a, b) => a - b)) {
    const gmv = perMinute.get(minute)!;
    if (gmv <= best) continue;
    best = gmv;
    out.push(make('record-minute', base + minute * MINUTE, null, { gmv }));
  }
  return out;
}

/** Fills unknown recording times from the nearest marker OBS stamped (the one before, else after). */
function estimateRecordTimes(markers: Marker[]): Marker[] {
  const stamped = markers.filter((m) => m.recordMs !== null);
  if (!stamped.length) return markers;
  return markers.map((m) => {
    if (m.recordMs !== null) return m;
    const anchor = lastOf(stamped, (s) => s.at <= m.at) ?? stamped[0]!;
    const recordMs = m.at - anchor.at + anchor.recordMs!;
    // Before the recording started: not in the file.
    return recordMs < 0 ? m : { ...m, recordMs, recordEstimated: true };
  });
}
