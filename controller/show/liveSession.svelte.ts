/**
 * The show on air, as Svelte sees it: bridges the runner's snapshots into $state, sends
 * commands (showing every refusal to the producer), and publishes the overlay view to the
 * transports. Created once by the wiring module.
 */
import { selectOverlayView, type OverlayView } from '../../shared/view/overlayView';
import {
  showState,
  type ShowCommandInput,
  type ShowSnapshot,
  type ShowState,
} from '../../shared/show';
import type { RunSheet } from '../../shared/runsheet';
import { createViewPublisher, type ViewPublisher } from '../../shared/protocol/viewPublisher';
import type { Transport } from '../../shared/protocol/transport';
import { assetRef, isAssetRef, isDataUrl } from '../../shared/view/assets';
import type { FlashcueDb, ShowRow } from '../db/db';
import { createShow, getShow } from '../db/eventLog';
import { createShowRunner, type DispatchResult, type ShowRunner } from './showRunner';
import type { Clock } from '../app/clock.svelte';
import type { Notices } from '../app/notices.svelte';
import type { PrimaryMessage } from '../../shared/protocol/messages';
import { currentTerm, takeOver, type TermStart } from '../../shared/replica/terms';
import { Replica, type Device, type FollowStatus } from '../replica/replica';
import { createCommandClient, type CommandClient } from '../replica/commandClient';
import { createRemoteRunner, type RemoteRunner } from './backupRunner';
import { lastSeq, setTerms, termsOf } from '../db/replicaLog';

const CURRENT_SHOW = 'currentShowId';
const ROLE = 'controllerRole';
const AUTO_TAKEOVER = 'autoTakeoverSeconds';

export type ControllerRole = 'primary' | 'remote';

export class LiveSession {
  show = $state.raw<ShowRow | null>(null);
  snapshot = $state.raw<ShowSnapshot | null>(null);
  logSeq = $state(0);
  loading = $state(false);
  /** Primary: this device owns the show's log. Remote: it mirrors the primary's and sends commands to it. */
  role = $state<ControllerRole | null>(null);
  /** Primaries heard on other devices (shows this device could follow). */
  heard = $state.raw<PrimaryMessage[]>([]);
  /** Take over by itself after this many seconds without the primary (null: only by a click). */
  autoTakeoverSeconds = $state<number | null>(null);
  terms = $state.raw<readonly TermStart[]>([]);
  #runner: ShowRunner | null = null;
  #remote: RemoteRunner | null = null;
  #replica: Replica | null = null;
  #client: CommandClient | null = null;
  #linkUp: () => boolean = () => true;
  #local: Transport[] = [];
  #takingOver = false;
  #linkUpSince: number | null = null;
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
    this.#replica?.setTransports(transports);
    this.#client?.setTransports(transports);
    this.#publisher?.setTransports(this.#viewTransports());
    this.#publisher?.publish();
  }

  /** A remote shows its views only to pages in its own browser (its previews): the overlays on air follow the primary. */
  #viewTransports(): Transport[] {
    return this.role === 'remote' ? this.#local : this.#transports;
  }

  /**
   * Turns on primary/remote controllers for this device (the wiring module, once this tab is
   * the browser's controller). `local` are the transports that reach only this browser;
   * `linkUp` says whether this device can hear other devices at all (OBS or the relay
   * connected) — an automatic takeover never happens while this device itself is cut off.
   */
  async enableReplica(
    device: Device,
    options: { local: Transport[]; linkUp: () => boolean },
  ): Promise<void> {
    this.#local = options.local;
    this.#linkUp = options.linkUp;
    this.#client = createCommandClient(device.id);
    this.#client.setTransports(this.#transports);
    this.#replica = new Replica(this.db, device, (request) =>
      this.#client!.send(request, this.sheet?.show.currency ?? null),
    );
    this.#replica.setTransports(this.#transports);
    const auto = await this.db.settings.get(AUTO_TAKEOVER);
    this.autoTakeoverSeconds = typeof auto?.value === 'number' ? auto.value : null;
    setInterval(() => this.#watchLeader(), 250);
  }

  /** Does this transport reach only this browser (a tool or preview here, not another device)? */
  isLocal(transport: Transport): boolean {
    return this.#local.includes(transport);
  }

  get device(): Device | null {
    return this.#replica?.device ?? null;
  }

  /** How the remote sees its primary, fresh on every clock tick. */
  get following(): FollowStatus | null {
    void this.clock.now;
    return this.role === 'remote' ? (this.#replica?.followStatus() ?? null) : null;
  }

  async setAutoTakeover(seconds: number | null): Promise<void> {
    this.autoTakeoverSeconds = seconds;
    await this.db.settings.put({ key: AUTO_TAKEOVER, value: seconds });
  }

  #watchLeader(): void {
    this.heard = this.#replica?.heard() ?? [];
    const status = this.role === 'remote' ? this.#replica?.followStatus() : null;
    const limit = this.autoTakeoverSeconds;
    // Silence counts only while this device's own link is up: after an outage that cut
    // everyone off, the primary gets the same time to come back as it would have had.
    const now = Date.now();
    if (!this.#linkUp()) this.#linkUpSince = null;
    else this.#linkUpSince ??= now;
    if (!status?.hasShow || limit === null || this.#takingOver || this.#linkUpSince === null)
      return;
    // Never heard a primary since following (this device just started): nothing to count yet.
    if (status.silentMs === null) return;
    if (Math.min(status.silentMs, now - this.#linkUpSince) >= limit * 1000)
      void this.takeOver('auto');
  }

  /** An image source for <img>: uploaded images travel in views as `asset:` references. */
  imageSrc(image: string | null): string | null {
    return isAssetRef(image) ? (this.#assets.get(image) ?? null) : image;
  }

  /** Sends the current view now (an OBS source became active, OBS came back); `withAssets`
   * also re-sends the current uploaded image, for pages that reconnected. */
  republish(withAssets = false): void {
    if (withAssets) this.#publisher?.setTransports(this.#viewTransports());
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

  /** Reopens the show that was on this controller before a reload, in the role it had. */
  async resume(): Promise<void> {
    const row = await this.db.settings.get(CURRENT_SHOW);
    if (typeof row?.value !== 'string') return;
    const role = await this.db.settings.get(ROLE);
    if (role?.value === 'remote' && this.#replica) await this.follow(row.value);
    else await this.open(row.value);
  }

  /**
   * Follows a show run by a primary on another device: mirrors its log here and sends every
   * command to it. Works before this device has the show (the primary sends it).
   */
  async follow(showId: string): Promise<void> {
    const replica = this.#replica;
    if (!replica) return;
    if (this.role === 'primary' && this.state?.phase === 'live' && this.show?.id !== showId) {
      this.notices.error('A show is live on this controller: end it before you follow another.');
      return;
    }
    this.close();
    this.role = 'remote';
    await this.db.settings.bulkPut([
      { key: CURRENT_SHOW, value: showId },
      { key: ROLE, value: 'remote' },
    ]);
    // The mirror's changes reach the screen one at a time, in order: the runner is built once
    // (from everything mirrored so far), and entries that arrive meanwhile are applied after.
    let chain: Promise<void> = Promise.resolve();
    const inOrder = (work: () => Promise<void>) => {
      chain = chain.then(work).catch((error: unknown) => {
        this.notices.error(`The backup's copy of the show could not be updated: ${String(error)}`);
      });
    };
    const attach = async () => {
      if (this.#remote || this.role !== 'remote') return;
      const show = await getShow(this.db, showId);
      if (!show) return;
      const runner = await createRemoteRunner({
        db: this.db,
        showId,
        send: (command, commandId) =>
          this.#client!.send(
            { commandId, command: command as ShowCommandInput },
            show.sheet.show.currency,
          ),
      });
      if (this.role !== 'remote' || this.#remote) return runner.stop();
      this.#remote = runner;
      this.terms = termsOf(show, '');
      this.#attach(runner, show);
    };
    await replica.follow({
      showId,
      onShow: () => inOrder(attach),
      onLog: (change) =>
        inOrder(async () => {
          if (!this.#remote) return attach();
          await this.#remote.applyLog(change);
          const show = await getShow(this.db, showId);
          if (show && this.role === 'remote') {
            this.show = show;
            this.terms = termsOf(show, '');
          }
        }),
      onHandover: ({ handedOver, dropped }) => {
        if (handedOver)
          this.notices.info(
            `Handed ${handedOver} sale${handedOver === 1 ? '' : 's'} made on this device to the primary: each is counted once.`,
          );
        if (dropped.length)
          this.notices.error(
            `Not carried over to the primary (made here after it took over): ${dropped.join('; ')}.`,
          );
      },
    });
    inOrder(attach);
    await chain;
  }

  /**
   * This remote becomes the primary: the next term starts right after the last entry it
   * mirrored, from the same log, so every deadline and count continues unchanged.
   */
  async takeOver(how: 'click' | 'auto' = 'click'): Promise<boolean> {
    const replica = this.#replica;
    const show = this.show;
    if (!replica || this.role !== 'remote' || !show || this.#takingOver) return false;
    this.#takingOver = true;
    try {
      await replica.settled();
      const last = await lastSeq(this.db, show.id);
      const current = (await getShow(this.db, show.id)) ?? show;
      const terms = takeOver(
        termsOf(current, ''),
        last,
        replica.seenTerm(show.id),
        replica.device.id,
      );
      await setTerms(this.db, show.id, terms);
      await this.db.settings.put({ key: ROLE, value: 'primary' });
      this.role = 'primary';
      await this.open(show.id);
      this.notices.info(
        `${how === 'auto' ? 'The primary went silent: this controller' : 'This controller'} took over the show (term ${currentTerm(terms)}), continuing from event ${last}.`,
      );
      return true;
    } finally {
      this.#takingOver = false;
    }
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
      let show = await getShow(this.db, showId);
      if (!show) return;
      this.close();
      const replica = this.#replica;
      if (replica && !show.terms?.length) {
        await setTerms(this.db, showId, termsOf(show, replica.device.id));
        show = (await getShow(this.db, showId)) ?? show;
      }
      const runner = await createShowRunner({ db: this.db, showId });
      this.#runner = runner;
      this.role = 'primary';
      this.terms = termsOf(show, replica?.device.id ?? '');
      this.logSeq = runner.logSeq();
      this.#attach(runner, show);
      await this.db.settings.bulkPut([
        { key: CURRENT_SHOW, value: showId },
        { key: ROLE, value: 'primary' },
      ]);
      replica?.lead({
        showId,
        title: () => this.show?.sheet.show.title ?? '',
        terms: () => this.terms,
        lastSeq: () => this.logSeq,
        phase: () => this.state?.phase ?? 'ready',
        onDeposed: (leader) => {
          this.notices.error(
            `${leader.deviceName || 'Another controller'} took over this show (term ${leader.term}). This controller now follows it; sales made here since are handed over.`,
          );
          void this.follow(showId);
        },
      });
    } finally {
      this.loading = false;
    }
  }

  /** Shows the runner's snapshots here and publishes them (a remote only to its own browser). */
  #attach(runner: ShowRunner, show: ShowRow): void {
    this.show = show;
    this.snapshot = runner.getSnapshot();
    this.#assets = new Map(
      show.sheet.products.flatMap((p) =>
        p.image && isDataUrl(p.image) ? [[assetRef(p.image), p.image] as const] : [],
      ),
    );
    this.#publisher = createViewPublisher({
      transports: this.#viewTransports(),
      showId: show.id,
      view: (now) => selectOverlayView(runner.getSnapshot(), now),
      logSeq: () => runner.logSeq(),
      term: () => currentTerm(this.terms),
      asset: (ref) => this.#assets.get(ref),
    });
    this.logSeq = runner.logSeq();
    this.#unsubscribe = runner.subscribe((snapshot) => {
      this.#publishSoon(); // queued before Svelte's own flush: the overlays first
      this.snapshot = snapshot;
      this.logSeq = runner.logSeq();
      this.#onChange.forEach((l) => l());
    });
    this.#publisher.publish();
    this.#onChange.forEach((l) => l());
  }

  /** Sends a command as a click would; a refusal is shown to the producer, never dropped. */
  async send(
    command: ShowCommandInput,
    options: { commandId?: string; quiet?: boolean } = {},
  ): Promise<DispatchResult> {
    const runner = this.#runner ?? this.#remote;
    if (!runner) {
      const error = 'No show is loaded: choose a run sheet first.';
      this.notices.error(error);
      return { ok: false, error };
    }
    const result = await runner.dispatch(
      command,
      options.commandId ? { commandId: options.commandId } : {},
    );
    if (result.ok && this.role === 'primary' && runner === this.#runner) {
      // The view went out when the runner applied the event (one per change); the backups'
      // copy of the entry follows it.
      this.#replica?.appended({
        seq: result.seq,
        commandId: options.commandId ?? null,
        event: result.event,
      });
      const show = this.show;
      if (show && (result.event.type === 'show.start' || result.event.type === 'show.end')) {
        this.show = (await getShow(this.db, show.id)) ?? show;
      }
    } else if (!result.ok && !options.quiet) {
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
    this.#remote?.stop();
    this.#replica?.stop();
    this.#unsubscribe = null;
    this.#publisher = null;
    this.#runner = null;
    this.#remote = null;
    this.role = null;
    this.show = null;
    this.snapshot = null;
  }
}
