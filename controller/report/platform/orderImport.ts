/**
 * Importing a platform's order export into a show: read the file (CSV in chunks with
 * progress, XLSX through read-excel-file), parse it in the zone the person confirmed, keep
 * the orders placed within the show's window, store them beside the log. Used by the Report
 * screen (two steps: read, then confirm) and by the command API's `orders.import` (one).
 */
import { parseOrderRows, type ExportOptions } from '../../../shared/orders/parse';
import { inWindow, type Window } from '../../../shared/orders/reconcile';
import type {
  OrderFormat,
  ParsedExport,
  ParseOutcome,
  PlatformLine,
} from '../../../shared/orders/types';
import type { Rows } from './readExport';
import type { FlashcueDb } from '../../db/db';
import { storePlatformLines, type StoreOutcome } from '../../db/platformOrders';

export function parseRows(rows: Rows, opts: ExportOptions): ParseOutcome {
  return parseOrderRows(rows, opts);
}

export interface CommitOutcome extends StoreOutcome {
  format: OrderFormat;
  inWindow: number;
  outside: number;
}

export interface CommitInfo {
  window: Window;
  timeZone: string;
  file: string;
  now?: number;
  /** Aborting it rolls the whole import back (storePlatformLines). */
  signal?: AbortSignal;
}

export async function commitImport(
  db: FlashcueDb,
  showId: string,
  parsed: ParsedExport,
  info: CommitInfo,
): Promise<CommitOutcome> {
  const kept = inWindow(parsed.lines, info.window);
  return commitLines(
    db,
    showId,
    { format: parsed.format, lines: kept, outside: parsed.lines.length - kept.length },
    info,
  );
}

/** Lines already kept to the window (the import worker's `take`) into the show's storage. */
export async function commitLines(
  db: FlashcueDb,
  showId: string,
  taken: { format: OrderFormat; lines: readonly PlatformLine[]; outside: number },
  info: CommitInfo,
): Promise<CommitOutcome> {
  const stored = await storePlatformLines(db, showId, taken.lines, {
    window: info.window,
    timeZone: info.timeZone,
    file: info.file,
    format: taken.format,
    now: info.now ?? Date.now(),
    ...(info.signal ? { signal: info.signal } : {}),
  });
  return {
    ...stored,
    format: taken.format,
    inWindow: taken.lines.length,
    outside: taken.outside,
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
