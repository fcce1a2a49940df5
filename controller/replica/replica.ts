/**
 * Primary and backup controllers on different devices. The primary owns the show's machine
 * and log and streams every logged entry (plus a heartbeat with its term) over the same
 * transports the overlays use (primary.ts); a backup copies the log into its own IndexedDB
 * and rebuilds the same state from it, sends its commands to the primary through the command
 * API, and can take over — by the producer's click, or by itself after a silence when
 * configured — by starting the next term from the last entry it holds (backup.ts). A primary
 * that hears a higher claim (shared/replica/terms.ts) steps down and becomes a backup; entries
 * it wrote that the new primary never got are cut from its log as orphans and their sales
 * handed over under their command ids, so nothing is lost and nothing counted twice.
 * This file owns the transports and routes each message to the side that is running.
 * Framework-free; DeviceRoles (deviceRoles.svelte.ts) drives it.
 */
import { parseMessage, type PrimaryMessage } from '../../shared/protocol/messages';
import type { Transport } from '../../shared/protocol/transport';
import { BackupsHeard } from '../../shared/replica/backupsHeard';
import { leads } from '../../shared/replica/terms';
import type { ShowEvent } from '../../shared/show';
import type { FlashcueDb } from '../db/db';
import { getShow } from '../db/eventLog';
import { lastSeq } from '../db/replicaLog';
import { BackupSide, type BackupContext } from './backup';
import { lastPollSeq, type PollEntry } from './pollCopy';
import { PrimarySide } from './primary';
import {
  SILENT_AFTER_MS,
  type BackupOptions,
  type BackupStatus,
  type CommandSender,
  type Device,
  type PrimaryOptions,
  type ReplicaStats,
} from './types';

const ONE_WAY_TO_OVERLAYS = new Set(['obs-emit-event']);

export class Replica {
  readonly stats: ReplicaStats = {
    refused: 0,
    syncsAnswered: 0,
    syncsDropped: 0,
    entriesMirrored: 0,
  };
  #transports: Transport[] = [];
  #unsubscribe: Array<() => void> = [];
  /** The best claim heard per show, from other devices. */
  #heard = new Map<string, { message: PrimaryMessage; at: number }>();
  #primary: PrimarySide | null = null;
  #backup: BackupSide | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #ctx: BackupContext;
  #backups: BackupsHeard<Transport>;

  constructor(
    private readonly db: FlashcueDb,
    readonly device: Device,
    sendCommand: CommandSender,
    private readonly now: () => number = Date.now,
  ) {
    this.#backups = new BackupsHeard(now);
    this.#ctx = {
      db,
      device,
      stats: this.stats,
      now,
      send: (message) => this.#send(message),
      sendCommand,
      enqueue: (work) => this.#enqueue(work),
      handover: { busy: false },
    };
  }

  setTransports(all: Transport[]): void {
    this.#unsubscribe.forEach((u) => u());
    // Browser sources inside OBS (emit_event, one-way) are never controllers: no log for them.
    const transports = all.filter((t) => !ONE_WAY_TO_OVERLAYS.has(t.name));
    this.#transports = transports;
    this.#unsubscribe = transports.map((t) => t.subscribe((data) => this.#receive(data, t)));
    this.#primary?.announce();
  }

  /** Primaries heard from other devices in the last few seconds, best claim per show. */
  heard(): PrimaryMessage[] {
    const fresh = this.now() - SILENT_AFTER_MS * 2;
    return [...this.#heard.values()].filter((h) => h.at >= fresh).map((h) => h.message);
  }

  /** Runs the show as its primary: heartbeats, each logged entry, answers to syncs. */
  startPrimary(options: PrimaryOptions): void {
    this.stop();
    this.#primary = new PrimarySide(
      this.db,
      this.device,
      options,
      (message, toBackups) =>
        this.#send(message, toBackups ? this.#backups.on(this.#transports) : this.#transports),
      this.stats,
      this.now,
    );
  }

  /** The primary's heartbeat, at once (a backup said hello, the transports changed). */
  announce(): void {
    this.#primary?.announce();
  }

  /** Streams one logged entry to the backups. */
  appended(entry: { seq: number; commandId: string | null; event: ShowEvent }): void {
    this.#primary?.appended(entry);
  }

  /** Streams one logged poll event (controller/poll) to the backups. */
  pollAppended(entry: PollEntry): void {
    this.#primary?.pollAppended(entry);
  }

  /** Becomes a backup of the show: copies the primary's log here, from what it already holds. */
  async startBackup(options: BackupOptions): Promise<void> {
    this.stop();
    const show = await getShow(this.db, options.showId);
    this.#backup = new BackupSide(this.#ctx, options, {
      heard: this.#heard.get(options.showId) ?? null,
      hasShow: !!show,
      last: show ? await lastSeq(this.db, options.showId) : 0,
      pollLast: await lastPollSeq(this.db, options.showId),
    });
  }

  backupStatus(): BackupStatus | null {
    return this.#backup?.status() ?? null;
  }

  /** The highest term this device has seen for the show: a takeover must go above it. */
  seenTerm(showId: string): number {
    const heard = this.#heard.get(showId)?.message;
    const primary = this.#backup?.showId === showId ? this.#backup.primary : null;
    return Math.max(heard?.term ?? 0, primary?.term ?? 0);
  }

  /** Waits for copied writes in flight, so a takeover starts from everything received. */
  settled(): Promise<void> {
    return this.#queue.then(() => undefined);
  }

  stop(): void {
    this.#primary?.stop();
    this.#backup?.stop();
    this.#primary = null;
    this.#backup = null;
  }

  close(): void {
    this.stop();
    this.#unsubscribe.forEach((u) => u());
    this.#unsubscribe = [];
  }

  #send(message: unknown, to: readonly Transport[] = this.#transports): void {
    for (const t of to) t.send(message);
  }

  #enqueue(work: () => Promise<void>): void {
    this.#queue = this.#queue
      .then(work)
      .catch((error: unknown) => console.warn('Flashcue replica:', error));
  }

  #receive(data: unknown, via: Transport): void {
    const parsed = parseMessage(data);
    if (!parsed.ok) return; // counted by the view receiver and the command server already
    const message = parsed.message;
    switch (message.kind) {
      case 'primary':
        return this.#onPrimary(message);
      case 'hello':
        // `remote` is the wire's word for a backup (a public message format, kept). A backup
        // says hello every second: the heartbeat at once only to a newcomer on this transport.
        if (message.role === 'remote' && message.sender !== this.device.id) {
          if (this.#backups.heard(via)) this.#primary?.announce();
        }
        return;
      case 'sync':
        if (message.device !== this.device.id) this.#backups.heard(via);
        if (
          this.#primary &&
          message.showId === this.#primary.showId &&
          message.device !== this.device.id
        ) {
          this.#primary.answerSync(
            message.fromSeq,
            message.needSheet,
            message.device,
            message.pollFromSeq,
          );
        }
        return;
      case 'sheet': {
        const backup = this.#backup;
        if (
          backup &&
          message.to === this.device.id &&
          message.showId === backup.showId &&
          message.device === backup.primary?.device
        ) {
          // The side running when the work's turn comes (as for every copied write).
          this.#enqueue(async () => this.#backup?.onSheet(message));
        }
        return;
      }
      case 'pollLog': {
        const backup = this.#backup;
        if (!backup || message.showId !== backup.showId) return;
        if (message.device !== backup.primary?.device || message.term !== backup.primary.term) {
          if (message.device !== this.device.id) this.stats.refused += 1;
          return;
        }
        this.#enqueue(async () => this.#backup?.onPollLog(message));
        return;
      }
      case 'log': {
        const backup = this.#backup;
        if (!backup || message.showId !== backup.showId) return;
        if (!backup.accepts(message)) {
          if (message.device !== this.device.id) this.stats.refused += 1;
          return;
        }
        this.#enqueue(async () => this.#backup?.onLog(message));
        return;
      }
      default:
        return;
    }
  }

  #onPrimary(message: PrimaryMessage): void {
    if (message.device === this.device.id) return;
    const known = this.#heard.get(message.showId);
    if (
      !known ||
      known.message.device === message.device ||
      leads(message, known.message) ||
      this.now() - known.at > SILENT_AFTER_MS
    ) {
      this.#heard.set(message.showId, { message, at: this.now() });
    }
    const primary = this.#primary;
    if (
      primary &&
      message.showId === primary.showId &&
      leads(message, { term: primary.term(), device: this.device.id })
    ) {
      const deposed = primary.options.onDeposed;
      this.stop();
      deposed(message);
      return;
    }
    const backup = this.#backup;
    if (backup && message.showId === backup.showId)
      this.#enqueue(async () => this.#backup?.onPrimary(message));
  }
}
