/**
 * Segment runs, deals and orders measured up to a moment. Open things (the run on air, a
 * running deal, a pause in progress) are measured up to `asOf`, so a live show's report reads
 * "so far" with the same arithmetic as a finished one.
 */
import type { Segment } from '../runsheet/schema';
import { product, saleCounts, segmentProductId } from '../show/derive';
import type { Deal, Sale, ShowContext } from '../show/types';
import type { DealRow, OrderLine, RunRow, SalesFigures, TimelineEntry } from './types';

export const noSales = (): SalesFigures => ({ orders: 0, units: 0, gmv: 0 });

export function addSale(into: SalesFigures, sale: Pick<Sale, 'quantity' | 'unitPrice'>): void {
  into.orders += 1;
  into.units += sale.quantity;
  into.gmv += sale.quantity * sale.unitPrice;
}

/** Counted: neither undone nor cancelled by the platform. */
export const isLive = (sale: Sale) => saleCounts(sale);

export function productName(ctx: ShowContext, id: string): string {
  return product(ctx, id)?.name ?? id;
}

/** A person-readable name for a segment: its title, else its product, label or kind. */
export function segmentTitle(ctx: ShowContext, segment: Segment): string {
  if (segment.title) return segment.title;
  const productId = segmentProductId(segment);
  if (productId) return productName(ctx, productId);
  if (segment.kind === 'engagement') return segment.label;
  return segment.kind.charAt(0).toUpperCase() + segment.kind.slice(1);
}

/** Pause time of the run on air: what it has banked plus a pause still running. */
function openPausedMs(ctx: ShowContext, at: number): number {
  const onAir = ctx.onAir;
  if (!onAir) return 0;
  return onAir.pausedMs + (onAir.pausedAt !== null ? Math.max(0, at - onAir.pausedAt) : 0);
}

/**
 * The run each order fell in. A sale knows its segment index but not which visit of that
 * segment, so the visit is the one whose window holds the sale's time; when a revisit starts
 * in the very millisecond the previous visit ended, the later one wins.
 */
export function runOfSale(runs: readonly RunRow[], sale: Sale): number | null {
  let found: number | null = null;
  for (const run of runs) {
    if (run.index === sale.segmentIndex && run.startAt <= sale.at && sale.at <= run.endAt)
      found = run.ordinal;
  }
  return found;
}

export function runRows(ctx: ShowContext, asOf: number): RunRow[] {
  const base = ctx.startedAt ?? asOf;
  const runs = ctx.history.map((run, i): RunRow => {
    const segment = ctx.sheet.segments[run.index]!;
    const open = run.endedAt === null;
    const endAt = run.endedAt ?? Math.max(asOf, run.startedAt);
    // An open run's history entry has not banked its pauses yet: they live in onAir.
    const pausedMs = open ? openPausedMs(ctx, endAt) : run.pausedMs;
    return {
      ordinal: i + 1,
      index: run.index,
      position: run.index + 1,
      segmentId: run.segmentId,
      kind: segment.kind,
      title: segmentTitle(ctx, segment),
      productId: segmentProductId(segment) ?? null,
      startAt: run.startedAt,
      endAt,
      startMs: run.startedAt - base,
      endMs: endAt - base,
      plannedMs: segment.durationSec * 1000,
      onAirMs: Math.max(0, endAt - run.startedAt - pausedMs),
      pausedMs,
      open,
      ...noSales(),
    };
  });
  for (const sale of ctx.sales) {
    if (!isLive(sale)) continue;
    const ordinal = runOfSale(runs, sale);
    if (ordinal !== null) addSale(runs[ordinal - 1]!, sale);
  }
  return runs;
}

export function allDeals(ctx: ShowContext): Deal[] {
  return ctx.deal ? [...ctx.deals, ctx.deal] : ctx.deals;
}

export function dealRows(ctx: ShowContext, asOf: number): DealRow[] {
  const base = ctx.startedAt ?? asOf;
  return allDeals(ctx).map((deal): DealRow => {
    const running = deal.endedAt === null;
    // A running deal is measured to asOf, but never past a deadline that ran out unsettled.
    const frozenNow = deal.frozenAt !== null ? Math.max(0, asOf - deal.frozenAt) : 0;
    const endAt = deal.endedAt ?? (deal.frozenAt !== null ? asOf : Math.min(asOf, deal.endsAt));
    const frozenMs = deal.frozenMs + (running ? frozenNow : 0);
    const figures = noSales();
    for (const sale of ctx.sales)
      if (sale.dealId === deal.id && isLive(sale)) addSale(figures, sale);
    return {
      id: deal.id,
      productId: deal.productId,
      productName: productName(ctx, deal.productId),
      price: deal.price,
      planned: deal.planned,
      segmentIndex: deal.segmentIndex,
      startAt: deal.startedAt,
      endAt: deal.endedAt,
      startMs: deal.startedAt - base,
      endMs: deal.endedAt === null ? null : deal.endedAt - base,
      plannedMs: deal.plannedMs,
      extendedMs: deal.extendedMs,
      frozenMs,
      actualMs: Math.max(0, endAt - deal.startedAt - frozenMs),
      cap: deal.cap,
      endReason: deal.endReason,
      soldOutAfterMs:
        deal.endReason === 'soldout' && deal.endedAt !== null
          ? deal.endedAt - deal.startedAt
          : null,
      running,
      ...figures,
    };
  });
}

export function orderLines(ctx: ShowContext, runs: readonly RunRow[], asOf: number): OrderLine[] {
  const base = ctx.startedAt ?? asOf;
  return ctx.sales.map((sale) => ({
    id: sale.id,
    at: sale.at,
    t: sale.at - base,
    productId: sale.productId,
    productName: productName(ctx, sale.productId),
    quantity: sale.quantity,
    unitPrice: sale.unitPrice,
    priceKind: sale.priceKind,
    lineTotal: sale.quantity * sale.unitPrice,
    dealId: sale.dealId,
    segmentIndex: sale.segmentIndex,
    run: runOfSale(runs, sale),
    buyer: sale.buyer,
    undoneAt: sale.undoneAt,
    order: sale.order,
    counted: saleCounts(sale),
  }));
}

/** Runs and deals on one time axis; at the same start a segment comes before its deal. */
export function timeline(
  runs: readonly RunRow[],
  deals: readonly DealRow[],
  base: number,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...runs.map((r): TimelineEntry => ({
      type: 'segment',
      id: r.ordinal,
      label: r.title,
      kind: r.kind,
      productId: r.productId,
      startAt: r.startAt,
      endAt: r.endAt,
      startMs: r.startMs,
      endMs: r.endMs,
      open: r.open,
    })),
    ...deals.map((d): TimelineEntry => {
      const endAt = d.endAt ?? d.startAt + d.actualMs + d.frozenMs;
      return {
        type: 'deal',
        id: d.id,
        label: `Flash deal: ${d.productName}`,
        kind: 'deal',
        productId: d.productId,
        startAt: d.startAt,
        endAt,
        startMs: d.startAt - base,
        endMs: endAt - base,
        open: d.running,
      };
    }),
  ];
  const rank = (e: TimelineEntry) => (e.type === 'segment' ? 0 : 1);
  return entries.sort((a, b) => a.startAt - b.startAt || rank(a) - rank(b) || a.id - b.id);
}
