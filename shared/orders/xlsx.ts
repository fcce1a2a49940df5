/**
 * XLSX exports through read-excel-file (MIT, browser and Node, ~48 KB minified with its
 * unzip): numbers are kept as the file's own decimal text so money stays exact, text is not
 * trimmed here (the table cleans tabs and BOMs itself), and a date cell Excel stored as a
 * serial number becomes the wall-clock text TikTok writes in its CSV.
 */
import { readSheet } from 'read-excel-file/universal';
import { parseOrderRows, tooBigProblem, type ExportOptions } from './parse';
import type { ParseOutcome } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel dates have no zone: read-excel-file hands them over as UTC; the wall clock is kept. */
function cellText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date)
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())} ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean')
    return String(cell);
  return null; // read-excel-file gives only these; anything else is no text
}

export async function xlsxRows(
  data: ArrayBuffer,
): Promise<
  | { rows: (string | null)[][] }
  | { error: string; problem: { message: string; code: string; params: { reason: string } } }
> {
  try {
    const sheet = await readSheet(data, { trim: false, parseNumber: (s: string) => s });
    return { rows: sheet.map((row) => row.map(cellText)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The XLSX file could not be read (${reason}): export it again, or export CSV.`;
    return { error: message, problem: { message, code: 'xlsx_unreadable', params: { reason } } };
  }
}

export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return (
    bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

export async function parseOrderXlsx(
  data: ArrayBuffer,
  opts: ExportOptions,
): Promise<ParseOutcome> {
  const big = tooBigProblem(data.byteLength);
  if (big) return { ok: false, errors: [{ row: null, ...big }] };
  const read = await xlsxRows(data);
  if ('error' in read) return { ok: false, errors: [{ row: null, ...read.problem }] };
  return parseOrderRows(read.rows, opts);
}
