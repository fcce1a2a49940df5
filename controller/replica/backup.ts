/**
 * The backup's side of the replica protocol: it copies the primary's log into this device's
 * IndexedDB (asking with `sync` for what it lacks), checks every entry and sheet with the same
 * schemas as an imported show, follows the primary's terms, and — when it hears it was cut off
 * — cuts its orphans and hands their sales to the primary under their command ids.
 */
import {
  APP,
  PROTOCOL_VERSION,
  type LogMessage,
  type PollLogMessage,
  type PrimaryMessage,
  type SheetMessage,
} from '../../shared/protocol/messages';
import { BACKUP_HELLO_MS } from '../../shared/replica/backupsHeard';
import { divergence, leads, recoverOrphans } from '../../shared/replica/terms';
import { parseRunSheet } from '../../shared/runsheet';
import { EventSchema, ShowMetaSchema } from '../../shared/show/eventSchema';
import type { FlashcueDb, ShowRow } from '../db/db';
import { getShow } from '../db/eventLog';
import {
  adoptShow,
  appendMirrored,
  cutOrphans,
  lastSeq,
  loadOrphans,
  setTerms,
  settleOrphans,
  termsOf,
} from '../db/replicaLog';
import {
  SILENT_AFTER_MS,
  type BackupOptions,
  type BackupStatus,
  type CommandSender,
  type Device,
  type ReplicaStats,
} from './types';
import { PollLogCopy } from './pollCopy';

/** What the backup's side borrows from the Replica that owns the transports. */
export interface BackupContext {
  db: FlashcueDb;
  device: Device;
  stats: ReplicaStats;
  now: () => number;
  send: (message: unknown) => void;
  sendCommand: CommandSender;
  /** Runs copied writes one at a time, in arrival order. */
  enqueue: (work: () => Promise<void>) => void;
  /** One hand-over at a time, across backups of this device. */
  handover: { busy: boolean };
}

export class BackupSide {
  primary: PrimaryMessage | null;
  heardAt: number | null;
  hasShow: boolean;
  last: number;
  #syncAt = 0;
  #helloAt = 0;
  #timer: ReturnType<typeof setInterval>;
  #stopped = false;
  /** The copy of the primary's poll log (polls and giveaways). */
  readonly polls: PollLogCopy;

  constructor(
    private readonly ctx: BackupContext,
    readonly options: BackupOptions,
    start: {
      heard: { message: PrimaryMessage; at: number } | null;
      hasShow: boolean;
      last: number;
      pollLast: number;
    },
  ) {
    this.polls = new PollLogCopy(ctx.db, options.showId, start.pollLast, (change) =>
      options.onPolls?.(change),
    );
    this.primary = start.heard?.message ?? null;
    this.heardAt = start.heard?.at ?? null;
    this.hasShow = start.hasShow;
    this.last = start.last;
    this.#timer = setInterval(() => this.tick(), 250);
    this.#hello();
    const heard = start.heard?.message;
    if (heard) ctx.enqueue(() => this.onPrimary(heard));
    else this.tick();
  }

  get showId(): string {
    return this.options.showId;
  }

  status(): BackupStatus {
    return {
      showId: this.showId,
      primary: this.primary,
      silentMs: this.heardAt === null ? null : Math.max(0, this.ctx.now() - this.heardAt),
      lastSeq: this.last,
      hasShow: this.hasShow,
    };
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  /**
   * The backup's heartbeat: the primary streams entries only where a backup said hello lately
   * (shared/replica/backupsHeard.ts).
   */
  #hello(): void {
    this.#helloAt = this.ctx.now();
    this.ctx.send({
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'hello',
      sender: this.ctx.device.id,
      role: 'remote',
    });
  }

  /** Says hello once a second; asks the primary for what this device lacks, at most once a second. */
  tick(): void {
    if (this.#stopped) return;
    if (this.ctx.now() - this.#helloAt >= BACKUP_HELLO_MS) this.#hello();
    if (!this.primary) return;
    const pollsBehind = this.polls.behind(this.primary);
    const behind = !this.hasShow || this.primary.lastSeq > this.last || pollsBehind;
    if (behind && this.ctx.now() - this.#syncAt >= 1000) {
      this.#syncAt = this.ctx.now();
      this.ctx.send({
        app: APP,
        v: PROTOCOL_VERSION,
        kind: 'sync',
        showId: this.showId,
        device: this.ctx.device.id,
        fromSeq: this.last + 1,
        needSheet: !this.hasShow,
        ...(pollsBehind ? { pollFromSeq: this.polls.last + 1 } : {}),
      });
    }
  }

  /** Is this log message from the primary this backup copies (its device and term)? */
  accepts(message: LogMessage): boolean {
    return (
      !!this.primary && message.device === this.primary.device && message.term === this.primary.term
    );
  }

  async onPrimary(message: PrimaryMessage): Promise<void> {
    if (this.#stopped || message.showId !== this.showId) return;
    const { ctx } = this;
    if (
      this.primary &&
      this.primary.device !== message.device &&
      !leads(message, this.primary) &&
      this.heardAt !== null &&
      ctx.now() - this.heardAt < SILENT_AFTER_MS
    )
      return;
    this.primary = message;
    this.heardAt = ctx.now();
    await this.polls.onPrimary(message);
    if (this.#stopped) return;
    if (!this.hasShow) return this.tick();
    const show = await getShow(ctx.db, this.showId);
    if (!show) return;
    const mine = termsOf(show, message.terms[0]!.device);
    const cutAt = divergence(mine, this.last, message.terms);
    let orphans = await loadOrphans(ctx.db, this.showId);
    if (cutAt <= this.last) {
      orphans = await cutOrphans(ctx.db, this.showId, cutAt, mine);
      this.last = cutAt - 1;
      this.options.onLog({ added: [], reset: true });
    }
    if (JSON.stringify(mine) !== JSON.stringify(message.terms))
      await setTerms(ctx.db, this.showId, message.terms);
    this.tick();
    if (orphans.length && !ctx.handover.busy) void this.#handOver();
  }

  /** Sends each orphaned sale to the primary until it acknowledges; then forgets the orphans. */
  async #handOver(): Promise<void> {
    const { ctx, showId } = this;
    ctx.handover.busy = true;
    try {
      const orphans = await loadOrphans(ctx.db, showId);
      const { resend, dropped } = recoverOrphans(orphans);
      let handedOver = 0;
      for (const item of resend) {
        for (;;) {
          if (this.#stopped) return; // took over or left: the orphans stay for next time
          const result = await ctx.sendCommand(item);
          if (result.ok) break;
          // A refusal is final (sold out, show ended): report it rather than retry forever.
          if (result.error && !/did not answer/.test(result.error)) {
            dropped.push(
              `sale of ${item.command.type === 'sale' ? (item.command.quantity ?? 1) : 1} × ${item.command.type === 'sale' ? item.command.productId : ''} (refused: ${result.error})`,
            );
            break;
          }
          await new Promise((r) => setTimeout(r, 1000));
        }
        handedOver += 1;
      }
      await settleOrphans(
        ctx.db,
        showId,
        orphans.map((o) => o.id),
      );
      this.options.onHandover({ handedOver, dropped });
    } finally {
      ctx.handover.busy = false;
    }
  }

  /** Poll log entries from the primary this backup copies (Replica checked device and term). */
  async onPollLog(message: PollLogMessage): Promise<void> {
    if (this.#stopped) return;
    const { gap, refused } = await this.polls.take(message);
    this.ctx.stats.refused += refused;
    if (gap) {
      this.#syncAt = 0;
      this.tick();
    }
  }

  async onSheet(message: SheetMessage): Promise<void> {
    if (this.#stopped || this.hasShow) return;
    const meta = ShowMetaSchema.safeParse(message.show);
    const sheet = meta.success ? parseRunSheet(meta.data.sheet) : null;
    if (!meta.success || !sheet?.ok || meta.data.id !== this.showId) {
      this.ctx.stats.refused += 1;
      return;
    }
    const primary = this.primary;
    const row: ShowRow = {
      id: meta.data.id,
      runSheetId: meta.data.runSheetId,
      status: 'ready',
      createdAt: meta.data.createdAt,
      startedAt: null,
      endedAt: null,
      sheet: sheet.value,
      changes: meta.data.changes,
      terms: primary ? primary.terms : [],
    };
    await adoptShow(this.ctx.db, row);
    this.hasShow = true;
    this.last = await lastSeq(this.ctx.db, this.showId);
    this.options.onShow(row);
    this.tick();
  }

  async onLog(message: LogMessage): Promise<void> {
    if (this.#stopped || !this.hasShow) return;
    const entries = [];
    for (const entry of message.entries) {
      const event = EventSchema.safeParse(entry.event);
      if (!event.success) {
        this.ctx.stats.refused += 1;
        return;
      }
      entries.push({ seq: entry.seq, commandId: entry.commandId, event: event.data });
    }
    const { lastSeq: last, added } = await appendMirrored(this.ctx.db, this.showId, entries);
    if (this.#stopped) return;
    this.last = last;
    this.ctx.stats.entriesMirrored += added.length;
    if (added.length) this.options.onLog({ added, reset: false });
    // A gap (a message lost while this device was away): ask for the rest.
    if (entries.some((e) => e.seq > last)) {
      this.#syncAt = 0;
      this.tick();
    }
  }
}
