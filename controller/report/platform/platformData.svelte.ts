/**
 * A show's platform orders for the Report screen: the stored lines and settings live from
 * IndexedDB (one liveQuery per show, only while the page reads it), reconciled with the
 * show's report once per change, and the writes the screen makes (import, window, summary,
 * assignments).
 */
import {
  platformReport,
  showWindow,
  type PlatformReport,
} from '../../../shared/orders/platformReport';
import type { LiveSummary } from '../../../shared/orders/liveSummary';
import type { Window } from '../../../shared/orders/reconcile';
import type { ParsedExport } from '../../../shared/orders/types';
import { replay } from '../../../shared/show';
import type { FlashcueDb } from '../../db/db';
import {
  loadPlatform,
  rememberAssignment,
  rememberedAssignments,
  savePlatformMeta,
  type StoredPlatform,
} from '../../db/platformOrders';
import { liveValue } from '../../app/liveQuery.svelte';
import type { ShowEntry } from '../reportStore.svelte';
import { commitImport } from './orderImport';
import { commitText } from '../words';

interface Loaded extends StoredPlatform {
  remembered: Map<string, string>;
}

export class PlatformData {
  #query: () => Loaded | undefined;
  #cache: { loaded: Loaded; entry: ShowEntry; report: PlatformReport | null } | null = null;

  constructor(
    readonly db: FlashcueDb,
    readonly showId: string,
  ) {
    this.#query = liveValue<Loaded | undefined>(
      async () => ({
        ...(await loadPlatform(db, showId)),
        remembered: await rememberedAssignments(db),
      }),
      undefined,
      'platform orders',
    );
  }

  /** Undefined while loading; null when nothing was imported or typed yet. */
  report(entry: ShowEntry): PlatformReport | null | undefined {
    const loaded = this.#query();
    if (!loaded) return undefined;
    const c = this.#cache;
    if (c && c.loaded === loaded && c.entry === entry) return c.report;
    // The show's context, so orders are attributed by the show's own rule (shared/show/onAir.ts).
    const context = loaded.lines.length
      ? replay(entry.row.sheet, entry.events, entry.report.show.asOf).context
      : undefined;
    const report = platformReport(
      entry.report,
      entry.row.sheet.products,
      loaded.lines,
      loaded.meta,
      loaded.remembered,
      context,
    );
    this.#cache = { loaded, entry, report };
    return report;
  }

  /** The stored window and zone, else the show's span and zone. */
  settings(entry: ShowEntry): { window: Window | null; timeZone: string } {
    const meta = this.#query()?.meta;
    return {
      window: meta?.window ?? showWindow(entry.report),
      timeZone: meta?.timeZone ?? entry.report.show.timeZone,
    };
  }

  async commit(parsed: ParsedExport, info: { window: Window; timeZone: string; file: string }) {
    return commitText(await commitImport(this.db, this.showId, parsed, info));
  }

  async saveWindow(entry: ShowEntry, window: Window) {
    await savePlatformMeta(this.db, this.showId, { window }, this.#defaults(entry));
  }

  async saveSummary(entry: ShowEntry, summary: LiveSummary | null) {
    await savePlatformMeta(this.db, this.showId, { summary }, this.#defaults(entry));
  }

  async assign(entry: ShowEntry, key: string, productId: string) {
    const product = entry.row.sheet.products.find((p) => p.id === productId);
    if (!product) return;
    await rememberAssignment(this.db, key, product, {
      currency: entry.report.show.currency,
      showId: this.showId,
      at: entry.row.startedAt ?? entry.row.createdAt,
    });
  }

  #defaults(entry: ShowEntry) {
    const s = this.settings(entry);
    return { window: s.window ?? { from: 0, to: 0 }, timeZone: s.timeZone };
  }
}
