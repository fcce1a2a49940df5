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
