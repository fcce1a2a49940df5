/**
 * A platform's order export in, lines out: the format told by its headers (or named by the
 * caller), CSV through papaparse, XLSX through read-excel-file (xlsx.ts). Pure apart from the
 * XLSX reader's unzip, which is async.
 */
import Papa from 'papaparse';
import type { DayOrder } from './dates';
import { MAX_EXPORT_LINES } from './lines';
import { isShopify, parseShopify } from './shopify';
import { toTable } from './table';
import { isTiktok, parseTiktok } from './tiktok';
import type { OrderFormat, ParseOutcome } from './types';

/** Refused before reading: a year of a big shop's orders fits well within this. */
export const MAX_EXPORT_BYTES = 40 * 1024 * 1024;

export interface ExportOptions {
  currency: string;
  timeZone: string;
  format?: OrderFormat;
  dayOrder?: DayOrder;
}

const fail = (message: string, row: number | null = null): ParseOutcome => ({
  ok: false,
  errors: [{ row, message }],
});

export function tooBig(bytes: number): string | null {
  if (bytes <= MAX_EXPORT_BYTES) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `The file is ${mb(bytes)} MB; Flashcue reads order exports up to ${mb(MAX_EXPORT_BYTES)} MB. Export only the days of the show from the platform.`;
}

/** Rows of cells (from CSV or XLSX) to lines. */
export function parseOrderRows(
  raw: ReadonlyArray<ReadonlyArray<string | null | undefined>>,
  opts: ExportOptions,
): ParseOutcome {
  if (raw.length > MAX_EXPORT_LINES + 2)
    return fail(
      `The file has ${raw.length.toLocaleString('en')} rows; Flashcue reads up to ${MAX_EXPORT_LINES.toLocaleString('en')} lines at once. Export only the days of the show.`,
    );
  const table = toTable(raw);
  if (!table) return fail('The file is empty: there is no header row.');
  const format = opts.format ?? (isTiktok(table) ? 'tiktok' : isShopify(table) ? 'shopify' : null);
  if (!format) {
    const first = table.headers
      .slice(0, 5)
      .map((h) => `"${h.slice(0, 30)}"`)
      .join(', ');
    return fail(
      `This is neither a TikTok Shop order export (no "Order ID" and "Seller SKU" columns) nor a Shopify orders export (no "Name" and "Lineitem quantity" columns). Its first columns are ${first}.`,
      1,
    );
  }
  return format === 'tiktok' ? parseTiktok(table, opts) : parseShopify(table, opts);
}

/** CSV text: a broken quote is reported with its row; anything else goes on to the columns. */
export function csvRows(text: string): { rows: string[][] } | { error: string } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken)
    return {
      error: `row ${(broken.row ?? 0) + 1}: ${broken.message.replace(/\.$/, '')} — the file is cut off or damaged; export it again.`,
    };
  return { rows: parsed.data };
}

export function parseOrderCsv(text: string, opts: ExportOptions): ParseOutcome {
  if (text.includes('\u0000'))
    return fail(
      'This is not a CSV file (it holds binary data): choose the CSV or XLSX the platform exported.',
    );
  const read = csvRows(text);
  if ('error' in read) return fail(read.error);
  return parseOrderRows(read.rows, opts);
}
