/**
 * The report CSVs' column headers in the controller's language. English keeps the keys the
 * exports always had (`order_id`), so a script that reads them keeps working; Chinese names
 * each column (`订单号`). Only the headers change: the values stay machine-readable in every
 * language (ISO 8601 times, decimals with '.', `yes`/`no`), so a spreadsheet still reads them.
 */
import type { CsvHeader } from '../../shared/report/csv';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../i18n/paraglide/runtime.js';

type Message = (params?: Record<string, never>, options?: { locale?: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;

/** The header of a column key in `locale`; a key the catalogue lacks stays as the key. */
export function csvHeader(locale: Locale = getLocale()): CsvHeader {
  return (key) => catalogue[`rcsv_${key}`]?.({}, { locale }) ?? key;
}

/**
 * A CSV built elsewhere (the markers export, shared/marker/exports.ts) with its header row put
 * in the controller's language. Its headers are our own snake_case keys, never quoted, so the
 * first row splits on commas; the rows below are left exactly as they were.
 */
export function withHeaders(csv: string, header: CsvHeader = csvHeader()): string {
  const bom = csv.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = csv.slice(bom.length);
  const end = body.indexOf('\r\n');
  const first = end === -1 ? body : body.slice(0, end);
  const rest = end === -1 ? '' : body.slice(end);
  return `${bom}${first.split(',').map(header).join(',')}${rest}`;
}
