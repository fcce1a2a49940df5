/**
 * CSV out, safe to open in Excel, LibreOffice or Google Sheets: a text cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first; OWASP "CSV injection")
 * gets a leading apostrophe, which spreadsheets hide and Flashcue's importer removes.
 */
import Papa from 'papaparse';
import { minorDigits } from '../money';
import type { Product } from '../runsheet/schema';
import { FORMULA_START } from '../import/csvColumns';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

export interface CsvOptions {
  /** A UTF-8 byte-order mark, so Excel reads 中文 names correctly. Default true. */
  bom?: boolean;
}

/** Numbers stay numbers (a spreadsheet must be able to sum them); text is escaped. */
export function escapeCell(value: CsvCell): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows to CSV with RFC 4180 quoting and CRLF line ends. */
export function toCsv<Row>(
  rows: readonly Row[],
  columns: ReadonlyArray<CsvColumn<Row>>,
  options: CsvOptions = {},
): string {
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => String(escapeCell(c.header))),
      data: rows.map((row) => columns.map((c) => escapeCell(c.value(row)))),
    },
    { newline: '\r\n', quotes: false },
  );
  return ((options.bom ?? true) ? '\uFEFF' : '') + csv;
}

/** Minor units as a fixed decimal in the major unit ("199.00", JPY "1299"). */
export function formatDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Talking points one per line inside the cell. A single point containing "|" gets a
 * trailing line break so the importer splits on lines, not on its "|".
 */
function joinPoints(points: readonly string[]): string {
  const joined = points.join('\n');
  return points.length === 1 && joined.includes('|') ? `${joined}\n` : joined;
}

export function productColumns(currency: string): Array<CsvColumn<Product>> {
  const price = (minor: number | undefined) =>
    minor === undefined ? '' : formatDecimal(minor, currency);
  return [
    { header: 'id', value: (p) => p.id },
    { header: 'name', value: (p) => p.name },
    { header: 'sku', value: (p) => p.sku },
    { header: 'platform_sku_ids', value: (p) => p.platformSkuIds?.join(' ') },
    { header: 'category', value: (p) => p.category },
    { header: 'retail_price', value: (p) => price(p.retailPrice) },
    { header: 'live_price', value: (p) => price(p.livePrice) },
    { header: 'flash_price', value: (p) => price(p.flashPrice) },
    { header: 'stock', value: (p) => p.stock },
    { header: 'flash_seconds', value: (p) => p.flashSeconds },
    { header: 'flash_quantity', value: (p) => p.flashQuantity },
    { header: 'image_url', value: (p) => p.image },
    { header: 'talking_points', value: (p) => joinPoints(p.talkingPoints) },
  ];
}

/** Products as CSV, prices in decimal major units; `importProductsCsv` reads it back exactly. */
export function exportProductsCsv(
  products: readonly Product[],
  currency: string,
  options: CsvOptions = {},
): string {
  return toCsv(products, productColumns(currency), options);
}
