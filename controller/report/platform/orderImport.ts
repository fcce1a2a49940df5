/**
 * Importing a platform's order export into a show: read the file (CSV in chunks with
 * progress, XLSX through read-excel-file), parse it in the zone the person confirmed, keep
 * the orders placed within the show's window, store them beside the log. Used by the Report
 * screen (two steps: read, then confirm) and by the command API's `orders.import` (one).
 */
import Papa from 'papaparse';
import { parseOrderRows, tooBig, type ExportOptions } from '../../../shared/orders/parse';
import { looksLikeXlsx, xlsxRows } from '../../../shared/orders/xlsx';
import { inWindow, type Window } from '../../../shared/orders/reconcile';
import type { OrderFormat, ParsedExport, ParseOutcome } from '../../../shared/orders/types';
import type { FlashcueDb } from '../../db/db';
import { storePlatformLines, type StoreOutcome } from '../../db/platformOrders';

export type Rows = Array<Array<string | null>>;

/** A file to rows; CSV is parsed in 1 MB chunks so the page keeps painting and shows progress. */
export async function readExportFile(
  file: Blob & { name?: string },
  onProgress: (fraction: number) => void,
): Promise<{ rows: Rows } | { error: string }> {
  const big = tooBig(file.size);
  if (big) return { error: big };
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (looksLikeXlsx(head)) {
    onProgress(0.1);
    const read = await xlsxRows(await file.arrayBuffer());
    onProgress(1);
    return read;
  }
  return new Promise((resolve) => {
    const rows: Rows = [];
    let broken: string | null = null;
    Papa.parse<string[]>(file as File, {
      chunkSize: 1024 * 1024,
      skipEmptyLines: 'greedy',
      chunk(result) {
        rows.push(...result.data);
        const quote = result.errors.find((e) => e.type === 'Quotes');
        if (quote && !broken)
          broken = `row ${rows.length - result.data.length + (quote.row ?? 0) + 1}: ${quote.message.replace(/\.$/, '')} — the file is cut off or damaged; export it again.`;
        onProgress(Math.min(1, result.meta.cursor / Math.max(1, file.size)));
      },
      complete: () => resolve(broken ? { error: broken } : { rows }),
      error: (error) => resolve({ error: `The file could not be read: ${error.message}` }),
    });
  });
}

/** Text or base64 (the command API) to rows. */
export async function rowsFromPayload(args: {
  text?: unknown;
  base64?: unknown;
}): Promise<{ rows: Rows } | { error: string }> {
  if (typeof args.base64 === 'string') {
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(args.base64.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    } catch {
      return { error: 'base64 is not valid base64.' };
    }
    const big = tooBig(bytes.length);
    if (big) return { error: big };
    if (looksLikeXlsx(bytes)) return xlsxRows(bytes.buffer as ArrayBuffer);
    return rowsFromPayload({ text: new TextDecoder().decode(bytes) });
  }
  if (typeof args.text !== 'string')
    return { error: 'orders.import needs text (the CSV) or base64 (a CSV or XLSX file).' };
  const big = tooBig(args.text.length);
  if (big) return { error: big };
  if (args.text.includes('\u0000'))
    return { error: 'text holds binary data: send an XLSX file as base64.' };
  const parsed = Papa.parse<string[]>(args.text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote)
    return {
      error: `row ${(quote.row ?? 0) + 1}: ${quote.message.replace(/\.$/, '')} — the file is cut off or damaged; export it again.`,
    };
  return { rows: parsed.data };
}

export function parseRows(rows: Rows, opts: ExportOptions): ParseOutcome {
  return parseOrderRows(rows, opts);
}

export interface CommitOutcome extends StoreOutcome {
  format: OrderFormat;
  inWindow: number;
  outside: number;
}

export async function commitImport(
  db: FlashcueDb,
  showId: string,
  parsed: ParsedExport,
  info: { window: Window; timeZone: string; file: string; now?: number },
): Promise<CommitOutcome> {
  const kept = inWindow(parsed.lines, info.window);
  const stored = await storePlatformLines(db, showId, kept, {
    window: info.window,
    timeZone: info.timeZone,
    file: info.file,
    format: parsed.format,
    now: info.now ?? Date.now(),
  });
  return {
    ...stored,
    format: parsed.format,
    inWindow: kept.length,
    outside: parsed.lines.length - kept.length,
  };
}

/** One sentence for the person (or the tool) about what an import did. */
export function describeCommit(c: CommitOutcome): string {
  const name = c.format === 'tiktok' ? 'TikTok Shop' : 'Shopify';
  const parts = [
    `${c.inWindow} ${name} order line${c.inWindow === 1 ? '' : 's'} in the show's window`,
  ];
  parts.push(`${c.added} new`);
  if (c.changed) parts.push(`${c.changed} updated`);
  if (c.unchanged) parts.push(`${c.unchanged} already here`);
  if (c.outside) parts.push(`${c.outside} outside the window left out`);
  return `${parts.join(', ')}.`;
}
