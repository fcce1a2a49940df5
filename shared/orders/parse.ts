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

/** A file-level problem: the English sentence, and its code (`ord_<code>`) with values. */
export type FileProblem = {
  message: string;
  code: string;
  params?: Record<string, string | number>;
};

const fail = (problem: FileProblem, row: number | null = null): ParseOutcome => ({
  ok: false,
  errors: [{ row, ...problem }],
});

export function tooBigProblem(bytes: number): FileProblem | null {
  if (bytes <= MAX_EXPORT_BYTES) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    message: `The file is ${mb(bytes)} MB; Flashcue reads order exports up to ${mb(MAX_EXPORT_BYTES)} MB. Export only the days of the show from the platform.`,
    code: 'too_big',
    params: { size: mb(bytes), max: mb(MAX_EXPORT_BYTES) },
  };
}

export const tooBig = (bytes: number): string | null => tooBigProblem(bytes)?.message ?? null;

/** Rows of cells (from CSV or XLSX) to lines. */
export function parseOrderRows(
  raw: ReadonlyArray<ReadonlyArray<string | null | undefined>>,
  opts: ExportOptions,
): ParseOutcome {
  if (raw.length > MAX_EXPORT_LINES + 2)
    return fail({
      message: `The file has ${raw.length.toLocaleString('en')} rows; Flashcue reads up to ${MAX_EXPORT_LINES.toLocaleString('en')} lines at once. Export only the days of the show.`,
      code: 'too_many_rows',
      params: { rows: raw.length, max: MAX_EXPORT_LINES },
    });
  const table = toTable(raw);
  if (!table) return fail({ message: 'The file is empty: there is no header row.', code: 'empty' });
  const format = opts.format ?? (isTiktok(table) ? 'tiktok' : isShopify(table) ? 'shopify' : null);
  if (!format) {
    const first = table.headers
      .slice(0, 5)
      .map((h) => `"${h.slice(0, 30)}"`)
      .join(', ');
    const message = `This is neither a TikTok Shop order export (no "Order ID" and "Seller SKU" columns) nor a Shopify orders export (no "Name" and "Lineitem quantity" columns). Its first columns are ${first}.`;
    return fail({ message, code: 'unknown_format', params: { first } }, 1);
  }
  return format === 'tiktok' ? parseTiktok(table, opts) : parseShopify(table, opts);
}

/** CSV text: a broken quote is reported with its row; anything else goes on to the columns. */
export function csvRows(
  text: string,
): { rows: string[][] } | { error: string; problem: FileProblem } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    const error = `row ${row}: ${broken.message.replace(/\.$/, '')} — the file is cut off or damaged; export it again.`;
    return { error, problem: { message: error, code: 'broken_quotes', params: { row } } };
  }
  return { rows: parsed.data };
}

export function parseOrderCsv(text: string, opts: ExportOptions): ParseOutcome {
  if (text.includes('\u0000'))
    return fail({
      message:
        'This is not a CSV file (it holds binary data): choose the CSV or XLSX the platform exported.',
      code: 'binary',
    });
  const read = csvRows(text);
  if ('error' in read) return fail(read.problem);
  return parseOrderRows(read.rows, opts);
}
