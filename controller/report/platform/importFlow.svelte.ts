/**
 * One import on the Report screen, from the file picked to the lines stored: the reading,
 * parsing and preview sums run in the import worker (importWorker.ts), so the screen keeps
 * painting, and so does the storing (in the worker, one IndexedDB transaction), so a cancelled
 * or failed import saves nothing. Cancel works at every stage: reading (the worker is ended),
 * the preview (the rows are let go) and storing (the transaction is aborted between slices).
 */
import type { Preview } from '../../../shared/orders/importProtocol';
import type { ExportOptions } from '../../../shared/orders/parse';
import type { Window } from '../../../shared/orders/reconcile';
import * as m from '../../i18n/paraglide/messages.js';
import { ImportCancelled, ImportWorker } from './importWorker';
import { orderErrorText } from './orderWords';
import type { CommitOutcome } from './orderImport';
import type { PlatformData } from './platformData.svelte';

export type Stage = 'idle' | 'reading' | 'ready' | 'storing';

export class ImportFlow {
  stage = $state<Stage>('idle');
  fileName = $state('');
  progress = $state<number | null>(null);
  /** Worded when shown, so a switch of language rewords an error already on screen. */
  readError = $state<(() => string) | null>(null);
  preview = $state.raw<Preview | null>(null);
  /** What was stored, worded when shown (`commitText`): a switch of language rewords it. */
  result = $state<CommitOutcome | null>(null);
  #worker = new ImportWorker();
  #asked = 0;
  #abort: (() => void) | null = null;

  constructor(private readonly data: PlatformData) {}

  async choose(file: File | undefined) {
    if (!file) return;
    this.cancel();
    this.fileName = file.name;
    this.result = null;
    this.readError = null;
    this.preview = null;
    this.progress = 0;
    this.stage = 'reading';
    try {
      await this.#worker.read(file, (f) => (this.progress = f));
      this.stage = 'ready';
    } catch (error) {
      if (error instanceof ImportCancelled) return;
      this.readError = () => `${file.name}: ${orderErrorText(error)}`;
      this.stage = 'idle';
    } finally {
      this.progress = null;
    }
  }

  /** Asked again whenever the zone, the format or the window change; late answers dropped. */
  async refresh(options: ExportOptions, window: Window | null) {
    if (this.stage !== 'ready') return;
    const asked = ++this.#asked;
    try {
      const preview = await this.#worker.preview(options, window);
      if (asked === this.#asked && this.stage === 'ready') this.preview = preview;
    } catch (error) {
      if (error instanceof ImportCancelled || asked !== this.#asked) return;
      const name = this.fileName;
      this.readError = () => `${name}: ${orderErrorText(error)}`;
    }
  }

  async confirm(options: ExportOptions, window: Window, timeZone: string) {
    if (this.stage !== 'ready') return;
    this.stage = 'storing';
    let aborted = false;
    // The worker stores what it parsed (the lines never cross to the page), in one transaction.
    const store = this.#worker.store({
      db: this.data.db.name,
      showId: this.data.showId,
      options,
      window,
      timeZone,
      file: this.fileName.slice(0, 260),
      now: Date.now(),
    });
    this.#abort = () => {
      aborted = true;
      store.abort();
    };
    try {
      this.result = await store.done;
    } catch (error) {
      this.result = null;
      this.readError = aborted
        ? () => m.orders_cancelled()
        : () => m.orders_not_saved({ error: orderErrorText(error) });
    } finally {
      this.#abort = null;
      this.preview = null;
      this.stage = 'idle';
    }
  }

  /** Stops the import at whatever stage it is; nothing is saved. */
  cancel() {
    const was = this.stage;
    if (was === 'idle') return;
    if (was === 'storing') {
      this.#abort?.();
      return; // confirm() says so once the transaction has rolled back
    }
    this.#worker.cancel();
    this.stage = 'idle';
    this.preview = null;
    this.progress = null;
    this.readError = was === 'reading' ? () => m.orders_cancelled() : null;
  }

  dispose() {
    this.#abort?.();
    this.#worker.dispose();
  }
}
