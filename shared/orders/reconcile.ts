/**
 * The platform's orders beside what Flashcue recorded live. Each export line is matched to a
 * product and attributed to the segment run and deal on air when it was placed; each live
 * sale is paired with a platform line — by order id first, then (hand entry has none) by the
 * same product within `PROXIMITY_MS`, nearest first. Figures are net: a cancelled order
 * counts for nothing, refunds and returns come off.
 */
import type { ShowReport } from '../report/types';
import { createMatcher, assignKey, type Match } from './match';
import { createOnAir } from './onAir';
import { onAirAt } from '../show/onAir';
import type { ShowContext } from '../show/types';
import { lineNet, netFigures, type NetFigures, type PlatformLine } from './types';

/** A click lands up to a few minutes after the order: the producer is busy. */
export const PROXIMITY_MS = 10 * 60_000;

export interface Window {
  from: number;
  to: number;
}

export interface AttributedLine extends PlatformLine {
  match: Match | null;
  run: number | null;
  segmentIndex: number | null;
  dealId: number | null;
  /** The live sale it was paired with (report order id), if any. */
  saleId: number | null;
}

export interface Recon {
  matched: number;
  platformOnly: number;
  flashcueOnly: number;
}

export interface Figures {
  orders: number;
  units: number;
  gmv: number;
}

export interface GroupRow extends Recon {
  platform: NetFigures;
  flashcue: Figures;
}

export interface UnmatchedGroup {
  key: string;
  name: string;
  sku: string | null;
  platformSkuId: string | null;
  lines: number;
  units: number;
}

export interface PlatformReconciliation extends Recon {
  window: Window;
  lines: AttributedLine[];
  totals: NetFigures;
  cancelled: { orders: number; lines: number };
  flashcue: Figures;
  difference: Figures;
  products: Array<GroupRow & { productId: string; name: string }>;
  /** Lines that match no product: kept and reported apart. */
  unmatched: UnmatchedGroup[];
  unmatchedFigures: NetFigures;
  segments: Array<GroupRow & { ordinal: number; index: number; title: string }>;
  deals: Array<GroupRow & { id: number; productName: string }>;
  /** In the window but before the first segment or after the last. */
  outsideSegments: NetFigures;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const zero = (): Recon => ({ matched: 0, platformOnly: 0, flashcueOnly: 0 });

export function inWindow(lines: readonly PlatformLine[], window: Window): PlatformLine[] {
  return lines.filter((l) => l.placedAt >= window.from && l.placedAt <= window.to);
}

export function reconcile(
  report: ShowReport,
  allLines: readonly PlatformLine[],
  options: {
    window: Window;
    /** The run sheet's products (with their platform SKU ids). */
    products: Parameters<typeof createMatcher>[0];
    remembered?: ReadonlyMap<string, string> | undefined;
    /**
     * The show's context (replayed from its log): attribution then uses the show's own rule
     * (`shared/show/onAir.ts`, the same one a live platform order is attributed by). Without
     * it, the report's runs and deals answer (`./onAir.ts`).
     */
    context?: ShowContext | undefined;
  },
): PlatformReconciliation {
  const matcher = createMatcher(options.products, options.remembered);
  const fromReport = createOnAir(report.runs, report.deals);
  const ctx = options.context;
  const onAir = (t: number) => {
    if (!ctx) {
      const { run, deal } = fromReport(t);
      return {
        run: run?.ordinal ?? null,
        segmentIndex: run?.index ?? null,
        dealId: deal?.id ?? null,
      };
    }
    const at = onAirAt(ctx, t);
    return { run: at.run, segmentIndex: at.segmentIndex, dealId: at.dealId };
  };
  const lines: AttributedLine[] = inWindow(allLines, options.window)
    .sort((a, b) => a.placedAt - b.placedAt || a.key.localeCompare(b.key))
    .map((line) => {
      return { ...line, match: matcher.match(line), ...onAir(line.placedAt), saleId: null };
    });
  // Sales the platform cancelled since still pair with its (cancelled) line.
  const sales = report.orders.filter((o) => o.undoneAt === null);
  const orderIdOf = (sale: (typeof sales)[number]) => sale.order?.orderId ?? null;
  const saleUsed = new Set<number>();
  // 1. By order id (sales that carry the platform's id).
  const byOrder = new Map<string, AttributedLine[]>();
  for (const l of lines) push(byOrder, l.orderId, l);
  for (const sale of sales) {
    const orderId = orderIdOf(sale);
    if (!orderId) continue;
    const candidates = byOrder.get(orderId) ?? [];
    const line =
      candidates.find((l) => l.saleId === null && l.match?.productId === sale.productId) ??
      candidates.find((l) => l.saleId === null);
    if (line) {
      line.saleId = sale.id;
      saleUsed.add(sale.id);
    }
  }
  // 2. Hand entry: same product, nearest in time within PROXIMITY_MS.
  const byProduct = new Map<string, AttributedLine[]>();
  for (const l of lines) if (l.match) push(byProduct, l.match.productId, l);
  for (const sale of sales) {
    if (saleUsed.has(sale.id) || orderIdOf(sale)) continue;
    let best: AttributedLine | null = null;
    for (const l of byProduct.get(sale.productId) ?? []) {
      if (l.saleId !== null) continue;
      const gap = Math.abs(l.placedAt - sale.at);
      if (gap <= PROXIMITY_MS && (!best || gap < Math.abs(best.placedAt - sale.at))) best = l;
    }
    if (best) {
      best.saleId = sale.id;
      saleUsed.add(sale.id);
    }
  }

  const totals = netFigures(lines);
  const { gmv, orders, units } = report.totals;
  const group = <K>(
    key: (l: AttributedLine) => K | null,
    saleKey: (s: (typeof sales)[number]) => K | null,
  ) => {
    const map = new Map<K, { lines: AttributedLine[]; recon: Recon }>();
    const get = (k: K) => {
      let g = map.get(k);
      if (!g) map.set(k, (g = { lines: [], recon: zero() }));
      return g;
    };
    for (const l of lines) {
      const k = key(l);
      if (k === null) continue;
      const g = get(k);
      g.lines.push(l);
      if (l.saleId !== null) g.recon.matched += 1;
      else if (!l.cancelled) g.recon.platformOnly += 1;
    }
    for (const s of sales) {
      const k = saleKey(s);
      if (k !== null && !saleUsed.has(s.id)) get(k).recon.flashcueOnly += 1;
    }
    return (k: K) => {
      const g = map.get(k);
      return { platform: netFigures(g?.lines ?? []), ...(g?.recon ?? zero()) };
    };
  };
  const perProduct = group(
    (l) => l.match?.productId ?? null,
    (s) => s.productId,
  );
  const perRun = group(
    (l) => l.run,
    (s) => s.run,
  );
  const perDeal = group(
    (l) => l.dealId,
    (s) => s.dealId,
  );
  const figures = (f: Figures): Figures => ({ orders: f.orders, units: f.units, gmv: f.gmv });

  const unmatched = new Map<string, UnmatchedGroup>();
  for (const l of lines) {
    if (l.match) continue;
    const key = assignKey(l);
    const g = unmatched.get(key) ?? {
      key,
      name: l.name,
      sku: l.sku,
      platformSkuId: l.platformSkuId,
      lines: 0,
      units: 0,
    };
    g.lines += 1;
    g.units += lineNet(l).units;
    unmatched.set(key, g);
  }
  const matched = lines.filter((l) => l.saleId !== null).length;
  return {
    window: options.window,
    lines,
    totals,
    cancelled: {
      orders: new Set(lines.filter((l) => l.cancelled).map((l) => l.orderId)).size,
      lines: lines.filter((l) => l.cancelled).length,
    },
    flashcue: { orders, units, gmv },
    difference: {
      orders: totals.orders - orders,
      units: totals.units - units,
      gmv: totals.gmv - gmv,
    },
    matched,
    platformOnly: lines.filter((l) => l.saleId === null && !l.cancelled).length,
    flashcueOnly: sales.length - saleUsed.size,
    products: report.products.map((p) => ({
      productId: p.productId,
      name: p.name,
      flashcue: figures(p),
      ...perProduct(p.productId),
    })),
    unmatched: [...unmatched.values()].sort((a, b) => b.units - a.units),
    unmatchedFigures: netFigures(lines.filter((l) => !l.match)),
    segments: report.runs.map((r) => ({
      ordinal: r.ordinal,
      index: r.index,
      title: r.title,
      flashcue: figures(r),
      ...perRun(r.ordinal),
    })),
    deals: report.deals.map((d) => ({
      id: d.id,
      productName: d.productName,
      flashcue: figures(d),
      ...perDeal(d.id),
    })),
    outsideSegments: netFigures(lines.filter((l) => l.run === null)),
  };
}
