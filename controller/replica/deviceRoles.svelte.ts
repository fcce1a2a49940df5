/**
 * The device roles, as Svelte sees them: which primaries this device hears, becoming a
 * backup of one (its log copied here, every click sent to it), the primary's silence and the
 * takeover — by a click, or by itself after the configured silence. Plugs into the show
 * bridge (LiveSession) through its RoleHooks; created once by the wiring module.
 */
import * as m from '../i18n/paraglide/messages.js';
import type { PrimaryMessage } from '../../shared/protocol/messages';
import type { Transport } from '../../shared/protocol/transport';
import { currentTerm, takeOver } from '../../shared/replica/terms';
import type { ShowCommandInput, ShowEvent } from '../../shared/show';
import type { Clock } from '../app/clock.svelte';
import type { Notices } from '../app/notices.svelte';
import type { FlashcueDb } from '../db/db';
import { getShow } from '../db/eventLog';
import { lastSeq, setTerms, termsOf } from '../db/replicaLog';
import { createBackupRunner } from '../show/backupRunner';
import { CURRENT_SHOW, ROLE, type LiveSession, type RoleHooks } from '../show/liveSession.svelte';
import { createCommandClient, type CommandClient } from './commandClient';
import { Replica } from './replica';
import type { BackupStatus, Device } from './types';
import type { PollCopyChange, PollEntry } from './pollCopy';

/** What the roles ask of the poll store (controller/poll): its log's length, copies, forgetting. */
export interface PollHooks {
  seq(): number;
  copied(showId: string, change: PollCopyChange): void;
  /** Drops this device's poll log of the show (a deposed primary copies the new one's). */
  forget(showId: string): Promise<void>;
}

const AUTO_TAKEOVER = 'autoTakeoverSeconds';

export class DeviceRoles implements RoleHooks {
  /** Primaries heard on other devices (shows this device could back up). */
  heard = $state.raw<PrimaryMessage[]>([]);
  /** Take over by itself after this many seconds without the primary (null: only by a click). */
  autoTakeoverSeconds = $state<number | null>(null);
  #replica: Replica | null = null;
  #client: CommandClient | null = null;
  #transports: Transport[];
  #linkUp: () => boolean = () => true;
  #takingOver = false;
  #linkUpSince: number | null = null;
  #polls: PollHooks | null = null;

  constructor(
    private readonly db: FlashcueDb,
    private readonly clock: Clock,
    private readonly notices: Notices,
    private readonly live: LiveSession,
    transports: Transport[],
  ) {
    this.#transports = transports;
  }

  /** The transports that reach other devices (and this browser): OBS, the relay, the channel. */
  setTransports(transports: Transport[]): void {
    this.#transports = transports;
    this.#replica?.setTransports(transports);
    this.#client?.setTransports(transports);
  }

  /**
   * Turns on primary/backup controllers for this device (the wiring module, once this tab
   * holds the tab lock). `linkUp` says whether this device can hear other devices at all (OBS
   * or the relay connected) — an automatic takeover never happens while it is cut off itself.
   */
  async enable(device: Device, options: { linkUp: () => boolean }): Promise<void> {
    this.#linkUp = options.linkUp;
    this.#client = createCommandClient(device.id);
    this.#client.setTransports(this.#transports);
    this.#replica = new Replica(this.db, device, (request) =>
      this.#client!.send(request, this.live.sheet?.show.currency ?? null),
    );
    this.#replica.setTransports(this.#transports);
    this.live.useRoles(this);
    const auto = await this.db.settings.get(AUTO_TAKEOVER);
    this.autoTakeoverSeconds = typeof auto?.value === 'number' ? auto.value : null;
    setInterval(() => this.#watchPrimary(), 250);
  }

  /** The poll store: its log goes to the backups, and a backup's copy goes to it. */
  usePolls(polls: PollHooks): void {
    this.#polls = polls;
  }

  /** A poll event logged here: to the backups when this device is the primary. */
  pollAppended(entry: PollEntry): void {
    this.#replica?.pollAppended(entry);
  }

  get device(): Device | null {
    return this.#replica?.device ?? null;
  }

  /** How this backup sees its primary, fresh on every clock tick. */
  get backupStatus(): BackupStatus | null {
    void this.clock.now;
    return this.live.role === 'backup' ? (this.#replica?.backupStatus() ?? null) : null;
  }

  async setAutoTakeover(seconds: number | null): Promise<void> {
    this.autoTakeoverSeconds = seconds;
    await this.db.settings.put({ key: AUTO_TAKEOVER, value: seconds });
  }

  #watchPrimary(): void {
    this.heard = this.#replica?.heard() ?? [];
    const status = this.live.role === 'backup' ? this.#replica?.backupStatus() : null;
    const limit = this.autoTakeoverSeconds;
    // Silence counts only while this device's own link is up: after an outage that cut
    // everyone off, the primary gets the same time to come back as it would have had.
    const now = Date.now();
    if (!this.#linkUp()) this.#linkUpSince = null;
    else this.#linkUpSince ??= now;
    if (!status?.hasShow || limit === null || this.#takingOver || this.#linkUpSince === null)
      return;
    // Never heard a primary since becoming a backup (this device just started): nothing to count yet.
    if (status.silentMs === null) return;
    if (Math.min(status.silentMs, now - this.#linkUpSince) >= limit * 1000)
      void this.takeOver('auto');
  }

  /** Reopens the show that was on this controller before a reload, in the role it had. */
  async resume(): Promise<void> {
    const row = await this.db.settings.get(CURRENT_SHOW);
    if (typeof row?.value !== 'string') return;
    const role = await this.db.settings.get(ROLE);
    // 'remote' is what older builds saved for a backup.
    if ((role?.value === 'backup' || role?.value === 'remote') && this.#replica)
      await this.backUp(row.value);
    else await this.live.open(row.value);
  }

  /**
   * Becomes the backup of a show run by a primary on another device: copies its log here and
   * sends every command to it. Works before this device has the show (the primary sends it).
   */
  async backUp(showId: string): Promise<void> {
    const replica = this.#replica;
    const live = this.live;
    if (!replica) return;
    if (live.role === 'primary' && live.state?.phase === 'live' && live.show?.id !== showId) {
      this.notices.error(m.notice_live_backup());
      return;
    }
    live.becomeBackup();
    await this.db.settings.bulkPut([
      { key: CURRENT_SHOW, value: showId },
      { key: ROLE, value: 'backup' },
    ]);
    // The copy's changes reach the screen one at a time, in order: the runner is built once
    // (from everything copied so far), and entries that arrive meanwhile are applied after.
    let chain: Promise<void> = Promise.resolve();
    const inOrder = (work: () => Promise<void>) => {
      chain = chain.then(work).catch((error: unknown) => {
        this.notices.error(m.notice_backup_copy({ error: String(error) }));
      });
    };
    const attach = async () => {
      if (live.hasBackupRunner || live.role !== 'backup') return;
      const show = await getShow(this.db, showId);
      if (!show) return;
      const runner = await createBackupRunner({
        db: this.db,
        showId,
        send: (command, commandId) =>
          this.#client!.send(
            { commandId, command: command as ShowCommandInput },
            show.sheet.show.currency,
          ),
      });
      if (live.role !== 'backup' || live.hasBackupRunner) return runner.stop();
      live.attachBackup(runner, show);
    };
    await replica.startBackup({
      showId,
      onShow: () => inOrder(attach),
      onPolls: (change) => this.#polls?.copied(showId, change),
      onLog: (change) =>
        inOrder(async () => {
          if (!live.hasBackupRunner) return attach();
          await live.backupLogChanged(change);
        }),
      onHandover: ({ handedOver, dropped }) => {
        if (handedOver) this.notices.info(m.notice_handed({ count: handedOver }));
        if (dropped.length) this.notices.error(m.notice_not_carried({ list: dropped.join('; ') }));
      },
    });
    inOrder(attach);
    await chain;
  }

  /**
   * This backup becomes the primary: the next term starts right after the last entry it
   * copied, from the same log, so every deadline and count continues unchanged.
   */
  async takeOver(how: 'click' | 'auto' = 'click'): Promise<boolean> {
    const replica = this.#replica;
    const show = this.live.show;
    if (!replica || this.live.role !== 'backup' || !show || this.#takingOver) return false;
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
      // open() says "primary" once the runner is ready: saying it here, before, let a person
      // (or a script) see this device as primary and be told "No show is loaded" in between.
      await this.live.open(show.id);
      this.notices.info(
        (how === 'auto' ? m.notice_took_over_auto : m.notice_took_over)({
          term: currentTerm(terms),
          event: last,
        }),
      );
      return true;
    } finally {
      this.#takingOver = false;
    }
  }

  // ── RoleHooks: what the show bridge asks of the roles ──────────────────────────────────

  deviceId(): string {
    return this.#replica?.device.id ?? '';
  }

  startPrimary(showId: string): void {
    const live = this.live;
    this.#replica?.startPrimary({
      showId,
      title: () => live.show?.sheet.show.title ?? '',
      terms: () => live.terms,
      lastSeq: () => live.logSeq,
      phase: () => live.state?.phase ?? 'ready',
      pollSeq: () => this.#polls?.seq() ?? 0,
      onDeposed: (primary) => {
        this.notices.error(
          m.notice_taken_from_us({
            device: primary.deviceName || m.notice_another_controller(),
            term: primary.term,
          }),
        );
        // The poll log it kept while cut off is not the new primary's: copy theirs instead.
        void (this.#polls?.forget(showId) ?? Promise.resolve()).then(() => this.backUp(showId));
      },
    });
  }

  appended(entry: { seq: number; commandId: string | null; event: ShowEvent }): void {
    this.#replica?.appended(entry);
  }

  stop(): void {
    this.#replica?.stop();
  }
}
