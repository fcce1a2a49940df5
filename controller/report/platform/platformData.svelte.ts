/**
 * A show's platform orders for the Report screen: the stored lines and settings live from
 * IndexedDB (one liveQuery per show, only while the page reads it), reconciled with the
 * show's log once per change — in the import worker, since 20,000 lines take longer than a
 * frame may — and the writes the screen makes (import, window, summary, assignments).
 */
import { showWindow, type PlatformReport } from '../../../shared/orders/platformReport';
import type { LiveSummary } from '../../../shared/orders/liveSummary';
import type { Window } from '../../../shared/orders/reconcile';
import type { OrderFormat, PlatformLine } from '../../../shared/orders/types';
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
import { commitLines, describeCommit, type CommitInfo } from './orderImport';
import { ImportWorker } from './importWorker';

interface Loaded extends StoredPlatform {
  remembered: Map<string, string>;
}

export class PlatformData {
  #query: () => Loaded | undefined;
  #latest = $state.raw<{ showId: string; report: PlatformReport | null } | null>(null);
  #worker = new ImportWorker();
  #asked = 0;

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

  /**
   * Undefined while loading; null when nothing was imported or typed yet. Between a change
   * and the worker's answer the previous reconciliation of the same show stays on screen.
   */
  report(entry: ShowEntry): PlatformReport | null | undefined {
    const latest = this.#latest;
    if (!latest || latest.showId !== entry.row.id) return undefined;
    return latest.report;
  }

  /** Asks the worker again for what is read now (call it from an effect); late answers dropped. */
  reconcile(entry: ShowEntry): void {
    const loaded = this.#query();
    if (!loaded) return;
    const asked = ++this.#asked;
    const done = (report: PlatformReport | null) => {
      if (asked === this.#asked) this.#latest = { showId: entry.row.id, report };
    };
    if (!loaded.meta && !loaded.lines.length) return done(null);
    this.#worker
      .reconcile({
        sheet: entry.row.sheet,
        events: entry.events,
        now: entry.report.show.asOf,
        lines: loaded.lines,
        meta: loaded.meta,
        remembered: [...loaded.remembered],
      })
      .then(done)
      .catch((error: unknown) => console.error('Flashcue: platform orders not reconciled', error));
  }

  dispose() {
    this.#worker.dispose();
  }

  /** The stored window and zone, else the show's span and zone. */
  settings(entry: ShowEntry): { window: Window | null; timeZone: string } {
    const meta = this.#query()?.meta;
    return {
      window: meta?.window ?? showWindow(entry.report),
      timeZone: meta?.timeZone ?? entry.report.show.timeZone,
    };
  }

  async commitLines(
    taken: { format: OrderFormat; lines: readonly PlatformLine[]; outside: number },
    info: CommitInfo,
  ) {
    return describeCommit(await commitLines(this.db, this.showId, taken, info));
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
