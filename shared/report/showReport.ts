/**
 * "After the show": every figure of a show's report, computed from its event log through the
 * same replay that rebuilds the live show, so the report and the log can never disagree.
 * Pure and framework-free. Money in integer minor units, rates as fractions, times in ms.
 */
import type { RunSheet } from '../runsheet/schema';
import { initialSnapshot, settle, step } from '../show';
import type { ShowContext, ShowEvent } from '../show/types';
import { hostEarnings } from './earnings';
import { orderNotes } from './orders';
import { productRows } from './products';
import { addSale, dealRows, isLive, noSales, orderLines, runRows, timeline } from './runs';
import { buildSeries, stockTrailRecorder, type StockTrail } from './series';
import type { ShowReport, ShowStatus, Totals } from './types';
import { viewerFigures } from './viewers';

export * from './types';
export { CONVERSION_BENCHMARK, averageConcurrent, conversionRate, verdict } from './viewers';
export { commissionOn, hostEarnings } from './earnings';
export type { StockTrail } from './series';

export interface ReportOptions {
  /**
   * Measure open things (a live show, the slot on air, a running deal) up to this moment, and
   * settle deadlines that passed by then. Default: the last moment the log knows of.
   */
  now?: number;
  /** Locale for the few words the report spells out (earnings arithmetic). Default 'en'. */
  locale?: string;
}

/**
 * The report of a show from its run sheet and event log. Replays the log event by event (the
 * machine's own `step`, exactly what `replay` does) so it can note each change of stock for
 * the burn-down chart on the way.
 */
export function buildReport(
  sheet: RunSheet,
  events: Iterable<ShowEvent>,
  options: ReportOptions = {},
): ShowReport {
  let snapshot = initialSnapshot(sheet);
  const recorder = stockTrailRecorder(snapshot.context.stock);
  for (const event of events) {
    snapshot = step(snapshot, event);
    recorder.note(event, snapshot.context);
  }
  if (options.now !== undefined) snapshot = settle(snapshot, options.now);
  return reportFromContext(snapshot.context, options.now, {
    trail: recorder.trail,
    locale: options.locale,
  });
}

/**
 * The report of a context (a live actor's, or one replayed elsewhere). It should be settled to
 * `now` (replay(sheet, events, now)); without a stock trail the burn-down chart is null.
 */
export function reportFromContext(
  ctx: ShowContext,
  now?: number,
  extras: { trail?: StockTrail | null; locale?: string | undefined } = {},
): ShowReport {
  const asOf = Math.max(now ?? ctx.now, ctx.now);
  const status: ShowStatus =
    ctx.startedAt === null ? 'not-started' : ctx.endedAt === null ? 'live' : 'ended';
  const endAt = ctx.endedAt ?? asOf;
  const base = ctx.startedAt ?? asOf;
  const { show } = ctx.sheet;

  const runs = runRows(ctx, asOf);
  const deals = dealRows(ctx, asOf);
  const products = productRows(ctx, runs, deals);
  const orders = orderLines(ctx, runs, asOf);
  const totals = totalsOf(ctx, runs, endAt);
  const viewers = viewerFigures(ctx, totals.orders, endAt);

  return {
    show: {
      sheetId: ctx.sheet.id,
      title: show.title,
      currency: show.currency,
      timeZone: show.timeZone,
      startedAt: ctx.startedAt,
      endedAt: ctx.endedAt,
      status,
      asOf,
    },
    totals,
    viewers,
    products,
    deals,
    runs,
    timeline: timeline(runs, deals, base),
    orders,
    orderNotes: orderNotes(ctx),
    earnings: hostEarnings(
      show.commission,
      {
        gmv: totals.gmv,
        peakConcurrent: viewers.peakConcurrent,
        uniqueViewers: viewers.uniqueViewers,
      },
      show.currency,
      extras.locale,
    ),
    series: buildSeries(ctx, { orders, runs, products, endAt, trail: extras.trail ?? null }),
  };
}

function totalsOf(ctx: ShowContext, runs: ReturnType<typeof runRows>, endAt: number): Totals {
  const sales = noSales();
  for (const sale of ctx.sales) if (isLive(sale)) addSale(sales, sale);
  const { show } = ctx.sheet;
  const target = show.targetGmv ?? null;
  const sum = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((a, r) => a + pick(r), 0);
  return {
    ...sales,
    undoneOrders: ctx.sales.filter((s) => s.undoneAt !== null).length,
    cancelledOrders: ctx.sales.filter((s) => s.undoneAt === null && s.order?.cancelledAt != null)
      .length,
    averageOrderValue: sales.orders > 0 ? roundedQuotient(sales.gmv, sales.orders) : null,
    targetGmv: target,
    gmvVsTarget: target ? sales.gmv / target : null,
    plannedMs: show.durationSec * 1000,
    plannedSegmentsMs: ctx.sheet.segments.reduce((a, s) => a + s.durationSec * 1000, 0),
    actualMs: ctx.startedAt === null ? 0 : Math.max(0, endAt - ctx.startedAt),
    onAirMs: sum((r) => r.onAirMs),
    pausedMs: sum((r) => r.pausedMs),
    onAirWithoutProductMs: sum((r) => (r.productId === null ? r.onAirMs : 0)),
  };
}

/** a / b for non-negative integers, rounded half up, in integers (no binary-fraction doubt). */
function roundedQuotient(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}
