/**
 * The show on air, as Svelte sees it: bridges the runner's snapshots into $state, sends
 * commands (showing every refusal to the producer), and publishes the overlay view to the
 * transports. Created once by the wiring module. Which device runs the show (primary or
 * backup) is decided by DeviceRoles (controller/replica/deviceRoles.svelte.ts), which plugs
 * into this bridge through `RoleHooks`.
 */
import * as m from '../i18n/paraglide/messages.js';
import { refusalText } from '../i18n/refusal';
import { refusal } from '../../shared/show/refusal';
import { selectOverlayView, type OverlayView } from '../../shared/view/overlayView';
import {
  showState,
  type ShowCommandInput,
  type ShowEvent,
  type ShowSnapshot,
  type ShowState,
} from '../../shared/show';
import type { RunSheet } from '../../shared/runsheet';
import { createViewPublisher, type ViewPublisher } from '../../shared/protocol/viewPublisher';
import type { Transport } from '../../shared/protocol/transport';
import { assetRef, isAssetRef, isDataUrl } from '../../shared/view/assets';
import { currentTerm, type TermStart } from '../../shared/replica/terms';
import type { FlashcueDb, ShowRow } from '../db/db';
import { createShow, getShow } from '../db/eventLog';
import { setTerms, termsOf } from '../db/replicaLog';
import { createShowRunner, type DispatchResult, type ShowRunner } from './showRunner';
import type { BackupRunner } from './backupRunner';
import type { Clock } from '../app/clock.svelte';
import type { Notices } from '../app/notices.svelte';
import { NextShowLookup } from './nextShow';
import { keptView } from './keptView';
import { ShowOnScreen } from './showOnScreen.svelte';

/** Settings keys: the show open on this controller, and the role it had, for a reload. */
export const CURRENT_SHOW = 'currentShowId';
export const ROLE = 'controllerRole';

/** Primary: this device owns the show's log. Backup: it copies the primary's and sends commands to it. */
export type DeviceRole = 'primary' | 'backup';

/** What the device roles add to a show opened here (none before they are enabled). */
export interface RoleHooks {
  deviceId(): string;
  /** The show was opened here as its primary: heartbeat and log stream start. */
  startPrimary(showId: string): void;
  /** An entry was logged here as the primary: it goes to the backups. */
  appended(entry: { seq: number; commandId: string | null; event: ShowEvent }): void;
  stop(): void;
}

export class LiveSession {
  show = $state.raw<ShowRow | null>(null);
  loading = $state(false);
  role = $state<DeviceRole | null>(null);
  terms = $state.raw<readonly TermStart[]>([]);
  #runner: ShowRunner | null = null;
  #backupRunner: BackupRunner | null = null;
  #roles: RoleHooks | null = null;
  #local: Transport[];
  #publisher: ViewPublisher | null = null;
  #unsubscribe: (() => void) | null = null;
  #transports: Transport[];
  #onChange: Array<() => void> = [];
  #assets = new Map<string, string>();
  /** The snapshot, current at once; the view out at the end of the change's microtasks, the screen after. */
  #onScreen = new ShowOnScreen(() => {
    this.#publisher?.publish();
    this.#onChange.forEach((l) => l());
  });
  #next = new NextShowLookup();
  #view = keptView();
  /** Reads OBS's recording timecode for a marker (set by the wiring module once OBS is known). */
  recordClock: (() => Promise<number | null>) | null = null;

  /** `local` are the transports that reach only this browser (its previews and tools). */
  constructor(
    private readonly db: FlashcueDb,
    private readonly clock: Clock,
    private readonly notices: Notices,
    transports: Transport[],
    local: Transport[] = [],
  ) {
    this.#transports = transports;
    this.#local = local;
  }

  /** Where views go: the same-browser channel plus whatever OBS currently offers. */
  setTransports(transports: Transport[]): void {
    this.#transports = transports;
    this.#publisher?.setTransports(this.#viewTransports());
    this.#publisher?.publish();
  }

  /** A backup shows its views only to pages in its own browser (its previews): the overlays on air show the primary's. */
  #viewTransports(): Transport[] {
    return this.role === 'backup' ? this.#local : this.#transports;
  }

  /** Does this transport reach only this browser (a tool or preview here, not another device)? */
  isLocal(transport: Transport): boolean {
    return this.#local.includes(transport);
  }

  useRoles(roles: RoleHooks): void {
    this.#roles = roles;
  }

  /** An image source for <img>: uploaded images travel in views as `asset:` references. */
  imageSrc(image: string | null): string | null {
    return isAssetRef(image) ? (this.#assets.get(image) ?? null) : image;
  }

  /** Sends the view now (an OBS source active, OBS back); `withAssets`: the image too (pages reconnected). */
  republish(withAssets = false): void {
    if (withAssets) this.#publisher?.setTransports(this.#viewTransports());
    this.#publisher?.publish();
  }

  /** Called after every snapshot change (OBS scene switching hooks in here). */
  onChange(listener: () => void): () => void {
    this.#onChange.push(listener);
    return () => (this.#onChange = this.#onChange.filter((l) => l !== listener));
  }

  get snapshot(): ShowSnapshot | null {
    return this.#onScreen.snapshot;
  }

  get logSeq(): number {
    return this.#onScreen.logSeq;
  }

  get state(): ShowState | null {
    return this.snapshot ? showState(this.snapshot) : null;
  }

  get sheet(): RunSheet | null {
    return this.show?.sheet ?? null;
  }

  /** The overlay view at the app clock (the clock read first: a $derived of it tracks both). */
  get view(): OverlayView | null {
    const now = this.clock.now;
    return this.snapshot && this.#view(this.snapshot, now, this.#next.current);
  }

  /** A new show from a run sheet (a frozen copy), made current. */
  async startFrom(sheet: RunSheet): Promise<ShowRow | null> {
    if (this.state?.phase === 'live') {
      this.notices.error(m.notice_live_load());
      return null;
    }
    const show = await createShow(this.db, sheet);
    await this.open(show.id);
    return show;
  }

  /** Opens a show here as its primary: this device writes its log. */
  async open(showId: string): Promise<void> {
    this.loading = true;
    try {
      let show = await getShow(this.db, showId);
      if (!show) return;
      this.close();
      const roles = this.#roles;
      if (roles && !show.terms.length) {
        await setTerms(this.db, showId, termsOf(show, roles.deviceId()));
        show = (await getShow(this.db, showId)) ?? show;
      }
      const runner = await createShowRunner({ db: this.db, showId });
      this.#runner = runner;
      this.role = 'primary';
      this.terms = termsOf(show, roles?.deviceId() ?? '');
      this.#attach(runner, show);
      await this.db.settings.bulkPut([
        { key: CURRENT_SHOW, value: showId },
        { key: ROLE, value: 'primary' },
      ]);
      roles?.startPrimary(showId);
    } finally {
      this.loading = false;
    }
  }

  /** Nothing open, and this device waits as a backup (until its runner is attached). */
  becomeBackup(): void {
    this.close();
    this.role = 'backup';
  }

  /** A backup's runner (built from the copied log) becomes the show on screen. */
  attachBackup(runner: BackupRunner, show: ShowRow): void {
    this.#backupRunner = runner;
    this.terms = termsOf(show, '');
    this.#attach(runner, show);
  }

  /** Whether a backup's runner is attached (its log may be copied in before). */
  get hasBackupRunner(): boolean {
    return this.#backupRunner !== null;
  }

  /** The copied log changed: the backup's runner applies it, and the show row is re-read. */
  async backupLogChanged(change: Parameters<BackupRunner['applyLog']>[0]): Promise<void> {
    const runner = this.#backupRunner;
    if (!runner) return;
    await runner.applyLog(change);
    const show = await getShow(this.db, runner.showId);
    if (show && this.role === 'backup') {
      this.show = show;
      this.terms = termsOf(show, '');
    }
  }

  /** Shows the runner's snapshots here and publishes them (a backup's only to its own browser). */
  #attach(runner: ShowRunner, show: ShowRow): void {
    this.show = show;
    this.#onScreen.set(runner.getSnapshot(), runner.logSeq());
    this.#assets = new Map(
      show.sheet.products.flatMap((p) =>
        p.image && isDataUrl(p.image) ? [[assetRef(p.image), p.image] as const] : [],
      ),
    );
    this.#publisher = createViewPublisher({
      transports: this.#viewTransports(),
      showId: show.id,
      view: (now) => selectOverlayView(runner.getSnapshot(), now, this.#next.current),
      logSeq: () => runner.logSeq(),
      term: () => currentTerm(this.terms),
      asset: (ref) => this.#assets.get(ref),
    });
    this.#next.load(this.db, show.sheet, this.clock.now, () => this.#publisher?.publish());
    this.#unsubscribe = runner.subscribe((snapshot) =>
      this.#onScreen.changed(snapshot, runner.logSeq()),
    );
    this.#publisher.publish();
    this.#onChange.forEach((l) => l());
  }

  /** Sends a command as a click would; a refusal is shown to the producer, never dropped. */
  async send(
    command: ShowCommandInput,
    options: { commandId?: string; quiet?: boolean } = {},
  ): Promise<DispatchResult> {
    const runner = this.#runner ?? this.#backupRunner;
    if (!runner) {
      const refused = refusal('No show is loaded: choose a run sheet first.', 'sw_no_show_choose');
      this.notices.error(refusalText(refused));
      return refused;
    }
    // A marker carries where OBS's recording is, asked at the moment it is given.
    if (command.type === 'marker.add' && command.recordMs === undefined && this.recordClock) {
      const recordMs = await this.recordClock();
      if (recordMs !== null) command = { ...command, recordMs };
    }
    const result = await runner.dispatch(
      command,
      options.commandId ? { commandId: options.commandId } : {},
    );
    if (result.ok && this.role === 'primary' && runner === this.#runner) {
      // The view went out when the runner applied the event (one per change); the backups'
      // copy of the entry follows it.
      this.#roles?.appended({
        seq: result.seq,
        commandId: options.commandId ?? null,
        event: result.event,
      });
      const show = this.show;
      if (show && (result.event.type === 'show.start' || result.event.type === 'show.end')) {
        this.show = (await getShow(this.db, show.id)) ?? show;
      }
    } else if (!result.ok && !options.quiet) {
      this.notices.error(refusalText(result));
    }
    return result;
  }

  close(): void {
    this.#unsubscribe?.();
    this.#publisher?.stop();
    this.#runner?.stop();
    this.#backupRunner?.stop();
    this.#roles?.stop();
    this.#unsubscribe = null;
    this.#publisher = null;
    this.#runner = null;
    this.#backupRunner = null;
    this.role = null;
    this.show = null;
    this.#onScreen.set(null, this.#onScreen.logSeq);
  }
}
