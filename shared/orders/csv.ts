/** The imported orders as a CSV beside the report's own (formula-injection safe, as those are). */
import { toCsv, type CsvColumn } from '../export/csv';
import { localDateTime } from '../report/csv';
import { toMajor } from '../money';
import { lineNet } from './types';
import type { AttributedLine } from './reconcile';

export function platformOrdersCsv(
  lines: readonly AttributedLine[],
  currency: string,
  timeZone: string,
): string {
  const money = (minor: number) => toMajor(minor, currency);
  const columns: Array<CsvColumn<AttributedLine>> = [
    { header: 'platform', value: (l) => l.format },
    { header: 'order_id', value: (l) => l.orderId },
    { header: 'line', value: (l) => l.line },
    { header: 'placed_utc', value: (l) => new Date(l.placedAt).toISOString() },
    { header: 'placed_local', value: (l) => localDateTime(l.placedAt, timeZone) },
    { header: 'seller_sku', value: (l) => l.sku },
    { header: 'platform_sku_id', value: (l) => l.platformSkuId },
    { header: 'name', value: (l) => l.name },
    { header: 'product_id', value: (l) => l.match?.productId ?? null },
    { header: 'matched_by', value: (l) => l.match?.by ?? null },
    { header: 'quantity', value: (l) => l.quantity },
    { header: 'returned', value: (l) => l.returned },
    { header: 'amount', value: (l) => money(l.amount) },
    { header: 'refunded', value: (l) => money(l.refunded) },
    { header: 'cancelled', value: (l) => l.cancelled },
    { header: 'net_units', value: (l) => lineNet(l).units },
    { header: 'net_gmv', value: (l) => money(lineNet(l).gmv) },
    { header: 'currency', value: () => currency },
    { header: 'segment_run', value: (l) => l.run },
    { header: 'deal_id', value: (l) => l.dealId },
    { header: 'flashcue_sale_id', value: (l) => l.saleId },
    { header: 'status', value: (l) => l.status },
    { header: 'buyer', value: (l) => l.buyer },
  ];
  return toCsv(lines, columns);
}
