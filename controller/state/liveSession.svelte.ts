/**
 * The show on air, as Svelte sees it: bridges the runner's snapshots into $state, sends
 * commands (showing every refusal to the producer), and publishes the overlay view to the
 * transports. Created once by the wiring module.
 */
import { selectOverlayView, type OverlayView } from '../../shared/view/overlayView';
import { showState, type ShowCommandInput, type ShowSnapshot, type ShowState } from '../../shared/show';
import type { RunSheet } from '../../shared/runsheet';
import { createViewPublisher, type ViewPublisher } from '../../shared/protocol/viewPublisher';
import type { Transport } from '../../shared/protocol/transport';
import { assetRef, isAssetRef, isDataUrl } from '../../shared/view/assets';
import type { FlashcueDb, ShowRow } from '../db/db';
import { createShow, getShow } from '../db/eventLog';
import { createShowRunner, type DispatchResult, type ShowRunner } from '../show/showRunner';
import type { Clock } from '../lib/clock.svelte';
import type { Notices } from '../lib/notices.svelte';

const CURRENT_SHOW = 'currentShowId';

export class LiveSession {
  show = $state.raw<ShowRow | null>(null);
  snapshot = $state.raw<ShowSnapshot | null>(null);
  logSeq = $state(0);
  loading = $state(false);
  #runner: ShowRunner | null = null;
  #publisher: ViewPublisher | null = null;
  #unsubscribe: (() => void) | null = null;
  #transports: Transport[];
  #onChange: Array<() => void> = [];
  #assets = new Map<string, string>();
  #publishQueued = false;

  constructor(
    private readonly db: FlashcueDb,
    private readonly clock: Clock,
    private readonly notices: Notices,
    transports: Transport[],
  ) {
    this.#transports = transports;
  }

  /** Where views go: the same-browser channel plus whatever OBS currently offers. */
  setTransports(transports: Transport[]): void {
    this.#transports = transports;
    this.#publisher?.setTransports(transports);
    this.#publisher?.publish();
  }

  /** An image source for <img>: uploaded images travel in views as `asset:` references. */
  imageSrc(image: string | null): string | null {
    return isAssetRef(image) ? (this.#assets.get(image) ?? null) : image;
  }

  /** Sends the current view now (an OBS source became active, OBS came back); `withAssets`
   * also re-sends the current uploaded image, for pages that reconnected. */
  republish(withAssets = false): void {
    if (withAssets) this.#publisher?.setTransports(this.#transports);
    this.#publisher?.publish();
  }

  /** Called after every snapshot change (scene following hooks in here). */
  onChange(listener: () => void): () => void {
    this.#onChange.push(listener);
    return () => (this.#onChange = this.#onChange.filter((l) => l !== listener));
  }

  get state(): ShowState | null {
    return this.snapshot ? showState(this.snapshot) : null;
  }

  get sheet(): RunSheet | null {
    return this.show?.sheet ?? null;
  }

  /** The overlay view at the app clock: what every overlay shows right now. */
  get view(): OverlayView | null {
    return this.snapshot ? selectOverlayView(this.snapshot, this.clock.now) : null;
  }

  /** Reopens the show that was on this controller before a reload. */
  async resume(): Promise<void> {
    const row = await this.db.settings.get(CURRENT_SHOW);
    if (typeof row?.value === 'string') await this.open(row.value);
  }

  /** A new show from a run sheet (a frozen copy), made current. */
  async startFrom(sheet: RunSheet): Promise<ShowRow | null> {
    if (this.state?.phase === 'live') {
      this.notices.error('A show is live: end it before you load another run sheet.');
      return null;
    }
    const show = await createShow(this.db, sheet);
    await this.open(show.id);
    return show;
  }

  async open(showId: string): Promise<void> {
    this.loading = true;
    try {
      const show = await getShow(this.db, showId);
      if (!show) return;
      this.close();
      const runner = await createShowRunner({ db: this.db, showId });
      this.#runner = runner;
      this.show = show;
      this.snapshot = runner.getSnapshot();
      this.logSeq = runner.logSeq();
      this.#assets = new Map(
        show.sheet.products.flatMap((p) => (p.image && isDataUrl(p.image) ? [[assetRef(p.image), p.image] as const] : [])),
      );
      this.#publisher = createViewPublisher({
        transports: this.#transports,
        showId,
        view: (now) => selectOverlayView(runner.getSnapshot(), now),
        logSeq: () => runner.logSeq(),
        asset: (ref) => this.#assets.get(ref),
      });
      this.#unsubscribe = runner.subscribe((snapshot) => {
        this.#publishSoon(); // queued before Svelte's own flush: the overlays first
        this.snapshot = snapshot;
        this.logSeq = runner.logSeq();
        this.#onChange.forEach((l) => l());
      });
      this.#publisher.publish();
      this.#onChange.forEach((l) => l());
      await this.db.settings.put({ key: CURRENT_SHOW, value: showId });
    } finally {
      this.loading = false;
    }
  }

  /** Sends a command as a click would; a refusal is shown to the producer, never dropped. */
  async send(command: ShowCommandInput, options: { commandId?: string; quiet?: boolean } = {}): Promise<DispatchResult> {
    const runner = this.#runner;
    if (!runner) {
      const error = 'No show is loaded: choose a run sheet first.';
      this.notices.error(error);
      return { ok: false, error };
    }
    const result = await runner.dispatch(command, options.commandId ? { commandId: options.commandId } : {});
    if (result.ok) {
      const show = this.show;
      if (show && (result.event.type === 'show.start' || result.event.type === 'show.end')) {
        this.show = (await getShow(this.db, show.id)) ?? show;
      }
    } else if (!options.quiet) {
      this.notices.error(result.error);
    }
    return result;
  }

  /**
   * One view per change: applying an event moves the actor twice (clock, then the event), so
   * the snapshots of one task go out as one view, at the end of that task's microtasks.
   */
  #publishSoon(): void {
    if (this.#publishQueued) return;
    this.#publishQueued = true;
    queueMicrotask(() => {
      this.#publishQueued = false;
      this.#publisher?.publish();
    });
  }

  close(): void {
    this.#unsubscribe?.();
    this.#publisher?.stop();
    this.#runner?.stop();
    this.#unsubscribe = null;
    this.#publisher = null;
    this.#runner = null;
    this.show = null;
    this.snapshot = null;
  }
}
