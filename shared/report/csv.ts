/**
 * CSV exports of a report: sales (one row per order, undone ones flagged), products, segment
 * runs. Text goes through `toCsv`, so a buyer name like "=HYPERLINK(…)" cannot run as a formula.
 *
 * Money: fixed decimals in the show's currency ("199.00", JPY "1299"), as the product export.
 * Times: two columns each. `…_utc` is ISO 8601 with Z — unambiguous, sorts as text, what a
 * script wants. `…_local` is "YYYY-MM-DD HH:MM:SS" on the show's own clock (the run sheet's
 * time zone, named in a `time_zone` column): what the seller remembers, and a form Excel,
 * LibreOffice and Sheets read as a date-time (an ISO string with an offset they keep as text).
 * `…_s` columns are seconds since the show's start.
 */
import { formatDecimal, toCsv, type CsvColumn, type CsvOptions } from '../export/csv';
import { orderFlags } from './orders';
import type { OrderLine, ProductRow, RunRow, ShowReport } from './types';

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** Epoch ms as wall-clock time in `timeZone`: "2026-03-16 03:00:00". */
export function localDateTime(at: number, timeZone: string): string {
  let format = localFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

const utc = (at: number | null) => (at === null ? '' : new Date(at).toISOString());
const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
const fraction = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));

export function salesColumns(report: ShowReport): Array<CsvColumn<OrderLine>> {
  const { currency, timeZone } = report.show;
  const money = (minor: number) => formatDecimal(minor, currency);
  const segment = (i: number | null) =>
    i === null ? undefined : report.runs.find((r) => r.index === i);
  return [
    { header: 'order_id', value: (o) => o.id },
    { header: 'time_utc', value: (o) => utc(o.at) },
    { header: 'time_local', value: (o) => localDateTime(o.at, timeZone) },
    { header: 'time_zone', value: () => timeZone },
    { header: 'show_time_s', value: (o) => seconds(o.t) },
    { header: 'product_id', value: (o) => o.productId },
    { header: 'product_name', value: (o) => o.productName },
    { header: 'quantity', value: (o) => o.quantity },
    { header: 'unit_price', value: (o) => money(o.unitPrice) },
    { header: 'price_kind', value: (o) => o.priceKind },
    { header: 'line_total', value: (o) => money(o.lineTotal) },
    { header: 'currency', value: () => currency },
    { header: 'deal_id', value: (o) => o.dealId },
    {
      header: 'segment_position',
      value: (o) => (o.segmentIndex === null ? null : o.segmentIndex + 1),
    },
    { header: 'segment_title', value: (o) => segment(o.segmentIndex)?.title },
    { header: 'run', value: (o) => o.run },
    { header: 'buyer', value: (o) => o.buyer },
    // Undone orders stay in the export, flagged: the record of what was clicked is complete,
    // and the totals (which leave them out) can be checked against it.
    { header: 'undone', value: (o) => (o.undoneAt === null ? 'no' : 'yes') },
    { header: 'undone_utc', value: (o) => utc(o.undoneAt) },
    // Platform orders (issue 15): the platform's id, where it came from, when it arrived, the
    // price Flashcue had in force, and why it deserves a look.
    { header: 'platform_order_id', value: (o) => o.order?.orderId },
    { header: 'source', value: (o) => o.order?.source ?? 'hand' },
    { header: 'received_utc', value: (o) => utc(o.order?.receivedAt ?? null) },
    {
      header: 'list_price',
      value: (o) => (o.order?.listPrice == null ? null : money(o.order.listPrice)),
    },
    { header: 'flags', value: (o) => orderFlags(o).join(' ') },
    { header: 'cancelled_utc', value: (o) => utc(o.order?.cancelledAt ?? null) },
  ];
}

export function productColumnsOfReport(report: ShowReport): Array<CsvColumn<ProductRow>> {
  const money = (minor: number) => formatDecimal(minor, report.show.currency);
  return [
    { header: 'product_id', value: (p) => p.productId },
    { header: 'name', value: (p) => p.name },
    { header: 'sku', value: (p) => p.sku },
    { header: 'presentation_order', value: (p) => p.presentationOrder },
    { header: 'sheet_positions', value: (p) => p.positions.join(' ') },
    { header: 'slots', value: (p) => p.slots.length },
    { header: 'allocated_s', value: (p) => seconds(p.allocatedMs) },
    { header: 'planned_s', value: (p) => seconds(p.plannedMs) },
    { header: 'on_air_s', value: (p) => seconds(p.onAirMs) },
    { header: 'orders', value: (p) => p.orders },
    { header: 'units', value: (p) => p.units },
    { header: 'gmv', value: (p) => money(p.gmv) },
    { header: 'units_in_deals', value: (p) => p.inDeals.units },
    { header: 'gmv_in_deals', value: (p) => money(p.inDeals.gmv) },
    { header: 'units_outside_deals', value: (p) => p.outsideDeals.units },
    { header: 'gmv_outside_deals', value: (p) => money(p.outsideDeals.gmv) },
    { header: 'units_per_minute_on_air', value: (p) => fraction(p.unitsPerMinuteOnAir) },
    { header: 'initial_stock', value: (p) => p.initialStock },
    { header: 'remaining_stock', value: (p) => p.remainingStock },
    { header: 'sell_through', value: (p) => fraction(p.sellThrough) },
    { header: 'deals', value: (p) => p.dealIds.length },
    { header: 'currency', value: () => report.show.currency },
  ];
}

export function segmentColumns(report: ShowReport): Array<CsvColumn<RunRow>> {
  const { currency, timeZone } = report.show;
  return [
    { header: 'run', value: (r) => r.ordinal },
    { header: 'sheet_position', value: (r) => r.position },
    { header: 'segment_id', value: (r) => r.segmentId },
    { header: 'kind', value: (r) => r.kind },
    { header: 'title', value: (r) => r.title },
    { header: 'product_id', value: (r) => r.productId },
    { header: 'start_utc', value: (r) => utc(r.startAt) },
    { header: 'start_local', value: (r) => localDateTime(r.startAt, timeZone) },
    { header: 'end_utc', value: (r) => utc(r.endAt) },
    { header: 'end_local', value: (r) => localDateTime(r.endAt, timeZone) },
    { header: 'time_zone', value: () => timeZone },
    { header: 'start_s', value: (r) => seconds(r.startMs) },
    { header: 'end_s', value: (r) => seconds(r.endMs) },
    { header: 'planned_s', value: (r) => seconds(r.plannedMs) },
    { header: 'on_air_s', value: (r) => seconds(r.onAirMs) },
    { header: 'paused_s', value: (r) => seconds(r.pausedMs) },
    { header: 'over_s', value: (r) => seconds(r.onAirMs - r.plannedMs) },
    { header: 'orders', value: (r) => r.orders },
    { header: 'units', value: (r) => r.units },
    { header: 'gmv', value: (r) => formatDecimal(r.gmv, currency) },
    { header: 'still_on_air', value: (r) => (r.open ? 'yes' : 'no') },
  ];
}

export type ReportCsvKind = 'sales' | 'products' | 'segments';

/**
 * A column header by its key: the controller passes its language's (`order_id` → 订单号); the
 * values stay machine-readable whatever the language (ISO times, decimals with '.').
 */
export type CsvHeader = (key: string) => string;

const named = <T>(columns: Array<CsvColumn<T>>, header: CsvHeader) =>
  columns.map((c) => ({ ...c, header: header(c.header) }));

export function reportCsv(
  report: ShowReport,
  kind: ReportCsvKind,
  options: CsvOptions = {},
  header: CsvHeader = (key) => key,
): string {
  switch (kind) {
    case 'sales':
      return toCsv(report.orders, named(salesColumns(report), header), options);
    case 'products':
      return toCsv(report.products, named(productColumnsOfReport(report), header), options);
    case 'segments':
      return toCsv(report.runs, named(segmentColumns(report), header), options);
  }
}
