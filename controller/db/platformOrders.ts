/**
 * Imported platform orders, stored beside a show's log and never in it: the log stays what
 * happened on air, the export what the shop says it sold. A line is keyed by show and
 * `format:orderId#n`, so importing the same file again changes nothing, and a newer export
 * of the same orders (one cancelled since) updates those lines only.
 */
import type { PlatformLine } from '../../shared/orders/types';
import type { ImportRecord } from '../../shared/orders/platformReport';
import type { LiveSummary } from '../../shared/orders/liveSummary';
import type { Window } from '../../shared/orders/reconcile';
import type { Product } from '../../shared/runsheet/schema';
import type { CatalogueRow, FlashcueDb, PlatformOrderRow } from './db';

export type { StoredPlatform } from '../../shared/orders/platformReport';
import type { StoredPlatform } from '../../shared/orders/platformReport';

/** Same line, whatever its row number in the file (it moves when orders are added above it). */
function sameLine(a: PlatformLine, b: PlatformLine): boolean {
  return (Object.keys(b) as Array<keyof PlatformLine>).every((k) => k === 'row' || a[k] === b[k]);
}

const strip = ({ showId: _s, ...line }: PlatformOrderRow): PlatformLine => line;

export async function loadPlatform(db: FlashcueDb, showId: string): Promise<StoredPlatform> {
  return db.transaction('r', db.platformOrders, db.platformMeta, async () => {
    const rows = await db.platformOrders.where('showId').equals(showId).toArray();
    const meta = await db.platformMeta.get(showId);
    return { lines: rows.map(strip), meta: meta ? withoutShow(meta) : null };
  });
}

/** Lines read and written per step of an import (see storePlatformLines). */
const STORE_SLICE = 500;

const withoutShow = <T extends { showId: string }>({ showId: _s, ...rest }: T) => rest;

export interface StoreOutcome {
  added: number;
  changed: number;
  unchanged: number;
}

/**
 * Stores the lines in `window` (the caller has filtered them) and records the import. Only
 * new and changed lines are written.
 */
export async function storePlatformLines(
  db: FlashcueDb,
  showId: string,
  lines: readonly PlatformLine[],
  info: {
    window: Window;
    timeZone: string;
    file: string;
    format: ImportRecord['format'];
    now: number;
    /** Checked between slices: aborted, the transaction fails and nothing is kept. */
    signal?: AbortSignal;
  },
): Promise<StoreOutcome> {
  return db.transaction('rw', db.platformOrders, db.platformMeta, async () => {
    let added = 0;
    let changed = 0;
    // In slices, each awaited: the page paints and answers between them (a 20,000-line export
    // read and written in one go held the Report screen for seconds), and the transaction
    // stays one, alive across the awaits, so an import is still all or nothing.
    for (let from = 0; from < lines.length; from += STORE_SLICE) {
      info.signal?.throwIfAborted();
      const slice = lines.slice(from, from + STORE_SLICE);
      const existing = await db.platformOrders.bulkGet(slice.map((l) => [showId, l.key]));
      const writes: PlatformOrderRow[] = [];
      slice.forEach((line, i) => {
        const before = existing[i];
        if (!before) added += 1;
        else if (!sameLine(before, line)) changed += 1;
        else return;
        writes.push({ ...line, showId });
      });
      if (writes.length) await db.platformOrders.bulkPut(writes);
    }
    info.signal?.throwIfAborted();
    const meta = await db.platformMeta.get(showId);
    const record: ImportRecord = {
      at: info.now,
      format: info.format,
      file: info.file.slice(0, 260),
      lines: lines.length,
      added,
      changed,
    };
    await db.platformMeta.put({
      showId,
      window: info.window,
      timeZone: info.timeZone,
      imports: [...(meta?.imports ?? []), record].slice(-1000),
      summary: meta?.summary ?? null,
    });
    return { added, changed, unchanged: lines.length - added - changed };
  });
}

/** Saves the window or the LIVE summary of a show (creating its settings row if need be). */
export async function savePlatformMeta(
  db: FlashcueDb,
  showId: string,
  patch: { window?: Window; summary?: LiveSummary | null },
  defaults: { window: Window; timeZone: string },
): Promise<void> {
  await db.transaction('rw', db.platformMeta, async () => {
    const meta = (await db.platformMeta.get(showId)) ?? {
      showId,
      window: defaults.window,
      timeZone: defaults.timeZone,
      imports: [],
      summary: null,
    };
    await db.platformMeta.put({ ...meta, ...patch });
  });
}

/** Every remembered hand assignment: line key → product id. */
export async function rememberedAssignments(db: FlashcueDb): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  await db.catalogue.each((row) => {
    for (const key of row.platformKeys ?? []) map.set(key, row.productId);
  });
  return map;
}

/**
 * Remembers that export lines with `key` are `product`: in the product catalogue, so the next
 * show whose run sheet holds the product matches them by itself. A key moves from any product
 * it named before.
 */
export async function rememberAssignment(
  db: FlashcueDb,
  key: string,
  product: Product,
  context: { currency: string; showId: string; at: number },
): Promise<void> {
  await db.transaction('rw', db.catalogue, async () => {
    const holders = await db.catalogue
      .filter((r) => (r.platformKeys ?? []).includes(key))
      .toArray();
    for (const r of holders)
      if (r.productId !== product.id)
        await db.catalogue.update(r.productId, {
          platformKeys: (r.platformKeys ?? []).filter((k) => k !== key),
        });
    const row: CatalogueRow = (await db.catalogue.get(product.id)) ?? {
      productId: product.id,
      name: product.name,
      sku: product.sku ?? null,
      category: product.category ?? null,
      retailPrice: product.retailPrice,
      livePrice: product.livePrice,
      currency: context.currency,
      lastSeenShowId: context.showId,
      lastSeenAt: context.at,
    };
    const keys = new Set(row.platformKeys ?? []);
    keys.add(key);
    await db.catalogue.put({ ...row, platformKeys: [...keys] });
  });
}

/** An archive's orders into storage (the show file's `platform`): the same keys, so idempotent. */
export async function restorePlatform(
  db: FlashcueDb,
  showId: string,
  platform: StoredPlatform,
): Promise<void> {
  if (platform.lines.length)
    await db.platformOrders.bulkPut(platform.lines.map((l) => ({ ...l, showId })));
  if (platform.meta && !(await db.platformMeta.get(showId)))
    await db.platformMeta.put({ ...platform.meta, showId });
}
