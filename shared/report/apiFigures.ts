/**
 * The report as the command API's `report.get` answers it: plain JSON, money as decimal numbers
 * in the show's currency (the API's convention, as in the seeds' task format), rates as
 * fractions, times as epoch ms and ms since the start.
 *
 * The per-order list and the chart series are left out: an answer rides every obs-websocket
 * client's event stream, and a long show's order list runs to hundreds of kilobytes. A tool
 * that needs them exports CSV from the controller.
 */
import { toMajor } from '../money';
import type { DealRow, ProductRow, RunRow, SalesFigures, ShowReport } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function apiReport(report: ShowReport, currency: string = report.show.currency) {
  const m = (minor: number) => toMajor(minor, currency);
  const mOrNull = (minor: number | null) => (minor === null ? null : m(minor));
  const figures = (f: SalesFigures) => ({ orders: f.orders, units: f.units, gmv: m(f.gmv) });
  const { totals, viewers, earnings } = report;

  const run = ({ orders, units, gmv, ...rest }: RunRow) => ({
    ...rest,
    ...figures({ orders, units, gmv }),
  });
  const product = (p: ProductRow) => ({
    productId: p.productId,
    name: p.name,
    sku: p.sku,
    positions: p.positions,
    presentationOrder: p.presentationOrder,
    allocatedMs: p.allocatedMs,
    plannedMs: p.plannedMs,
    onAirMs: p.onAirMs,
    ...figures(p),
    unitsPerMinuteOnAir: p.unitsPerMinuteOnAir,
    initialStock: p.initialStock,
    remainingStock: p.remainingStock,
    sellThrough: p.sellThrough,
    inDeals: figures(p.inDeals),
    outsideDeals: figures(p.outsideDeals),
    dealIds: p.dealIds,
    featured: p.featured,
    slots: p.slots.map(({ orders, units, gmv, ...rest }) => ({
      ...rest,
      ...figures({ orders, units, gmv }),
    })),
  });
  const deal = ({ price, orders, units, gmv, ...rest }: DealRow) => ({
    ...rest,
    price: m(price),
    ...figures({ orders, units, gmv }),
  });

  const result = {
    currency,
    show: { ...report.show },
    totals: {
      ...totals,
      gmv: m(totals.gmv),
      averageOrderValue: mOrNull(totals.averageOrderValue),
      targetGmv: mOrNull(totals.targetGmv),
    },
    viewers: { ...viewers, benchmark: { ...viewers.benchmark } },
    products: report.products.map(product),
    deals: report.deals.map(deal),
    runs: report.runs.map(run),
    timeline: report.timeline.map((e) => ({ ...e })),
    orderNotes: {
      cancelled: figures(report.orderNotes.cancelled),
      offSheet: figures(report.orderNotes.offSheet),
      bySource: report.orderNotes.bySource.map((s) => ({ source: s.source, ...figures(s) })),
      flagged: report.orderNotes.flagged.map((o) => ({
        ...o,
        flags: [...o.flags],
        unitPrice: m(o.unitPrice),
        listPrice: mOrNull(o.listPrice),
      })),
    },
    earnings: earnings && {
      arithmetic: earnings.arithmetic.map((l) => ({ ...l, amount: m(l.amount) })),
      bonuses: earnings.bonuses.map((b) => ({
        ...b,
        // A GMV bonus's threshold and measure are money; a viewer bonus's are head counts.
        threshold: b.kind === 'gmv' ? m(b.threshold) : b.threshold,
        actual: b.kind === 'gmv' ? mOrNull(b.actual) : b.actual,
        amount: m(b.amount),
      })),
      toJudge: earnings.toJudge.map((b) => ({
        label: b.label,
        amount: b.amount === undefined ? null : m(b.amount),
        note: b.note ?? null,
      })),
      totalHostCost: m(earnings.totalHostCost),
      brandRoi: earnings.brandRoi,
    },
  };
  return result satisfies { [key: string]: Json };
}

export type ApiReport = ReturnType<typeof apiReport>;
