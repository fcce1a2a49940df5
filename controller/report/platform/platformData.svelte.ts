/**
 * A show's platform orders for the Report screen: the stored lines and settings live from
 * IndexedDB (one liveQuery per show, only while the page reads it), reconciled with the
 * show's log once per change — in the import worker, since 20,000 lines take longer than a
 * frame may — and the writes the screen makes (import, window, summary, assignments).
 */
import { showWindow, type PlatformReport } from '../../../shared/orders/platformReport';
import type { LiveSummary } from '../../../shared/orders/liveSummary';
import type { Window } from '../../../shared/orders/reconcile';
import type { PlatformMeta } from '../../../shared/orders/platformReport';
import type { FlashcueDb } from '../../db/db';
import { rememberAssignment, savePlatformMeta } from '../../db/platformOrders';
import { liveValue } from '../../app/liveQuery.svelte';
import type { ShowEntry } from '../reportStore.svelte';
import { ImportWorker } from './importWorker';

/**
 * What the page itself reads: the settings, how many lines there are and the assignments'
 * count — cheap, yet any change to the stored lines or the remembered assignments changes
 * it, so the worker (which reads the lines itself) is asked again exactly then.
 */
interface Loaded {
  meta: PlatformMeta | null;
  lines: number;
  assignments: number;
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
      () =>
        db.transaction('r', db.platformOrders, db.platformMeta, db.catalogue, async () => {
          const row = await db.platformMeta.get(showId);
          const meta = row ? (({ showId: _s, ...rest }) => rest)(row) : null;
          let assignments = 0;
          await db.catalogue.each((row) => (assignments += row.platformKeys?.length ?? 0));
          return {
            meta,
            lines: await db.platformOrders.where('showId').equals(showId).count(),
            assignments,
          };
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
    const done = ({ report }: { report: PlatformReport | null }) => {
      if (asked === this.#asked) this.#latest = { showId: entry.row.id, report };
    };
    if (!loaded.meta && !loaded.lines) return done({ report: null });
    this.#worker
      .reconcile({
        db: this.db.name,
        showId: this.showId,
        sheet: entry.row.sheet,
        events: entry.events,
        now: entry.report.show.asOf,
      })
      .then(done)
      .catch((error: unknown) => console.error('Flashcue: platform orders not reconciled', error));
  }

  /** The platform-orders CSV, written by the worker from the lines it reconciled. */
  csv(entry: ShowEntry): Promise<string> {
    return this.#worker.csv(this.showId, entry.report.show.currency, entry.report.show.timeZone);
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
