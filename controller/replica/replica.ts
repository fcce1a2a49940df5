/**
 * Primary and remote controllers on different devices. The primary owns the show's machine
 * and log and streams every logged entry (plus a heartbeat with its term) over the same
 * transports the overlays use; a remote mirrors the log into its own IndexedDB and rebuilds
 * the same state from it, sends its commands to the primary through the command API, and can
 * take over — by the producer's click, or by itself after a silence when configured — by
 * starting the next term from the last entry it holds. A primary that hears a leading claim
 * (shared/replica/terms.ts) steps down and follows; entries it wrote that the leader never got
 * are cut from its log as orphans and their sales handed to the leader under their command
 * ids, so nothing is lost and nothing counted twice. Framework-free; LiveSession drives it.
 */
import {
  APP,
  PROTOCOL_VERSION,
  parseMessage,
  type LogMessage,
  type PrimaryMessage,
  type SheetMessage,
} from '../../shared/protocol/messages';
import { Leader } from './primary';
import type { Transport } from '../../shared/protocol/transport';
import { divergence, leads, recoverOrphans, type TermStart } from '../../shared/replica/terms';
import { parseRunSheet } from '../../shared/runsheet';
import type { ShowEvent } from '../../shared/show';
import type { EventRow, FlashcueDb, ShowRow } from '../db/db';
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
import { EventSchema, ShowMetaSchema } from '../../shared/show/eventSchema';

/** A primary not heard for this long is shown as silent; the producer may take over. */
export const SILENT_AFTER_MS = 3000;

const ONE_WAY_TO_OVERLAYS = new Set(['obs-emit-event']);

export interface Device {
  id: string;
  name: string;
}

export interface ReplicaStats {
  /** Controller-to-controller messages that failed validation or came from an unknown writer. */
  refused: number;
  syncsAnswered: number;
  syncsDropped: number;
  entriesMirrored: number;
}

export interface LeadOptions {
  showId: string;
  title: () => string;
  terms: () => readonly TermStart[];
  lastSeq: () => number;
  phase: () => 'ready' | 'live' | 'ended';
  /** A leading claim was heard for this show: step down and follow it. */
  onDeposed: (leader: PrimaryMessage) => void;
}

export interface FollowOptions {
  showId: string;
  /** The local log changed: entries appended (in order), or cut back (`reset`). */
  onLog: (change: { added: EventRow[]; reset: boolean }) => void;
  /** The show's frozen sheet arrived (a remote that had none). */
  onShow: (show: ShowRow) => void;
  /** Orphans handed over or not carried over, in words for the producer. */
  onHandover: (summary: { handedOver: number; dropped: string[] }) => void;
}

export interface FollowStatus {
  showId: string;
  leader: PrimaryMessage | null;
  /** ms since the leader was last heard (null: never heard). */
  silentMs: number | null;
  lastSeq: number;
  hasShow: boolean;
}

type Following = FollowOptions & {
  leader: PrimaryMessage | null;
  heardAt: number | null;
  syncAt: number;
  hasShow: boolean;
  last: number;
};

type CommandSender = (command: {
  commandId: string;
  command: import('../../shared/show').ShowCommandInput;
}) => Promise<{ ok: boolean; error?: string }>;

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
  #leader: Leader | null = null;
  #follow: Following | null = null;
  #followTimer: ReturnType<typeof setInterval> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #handingOver = false;

  constructor(
    private readonly db: FlashcueDb,
    readonly device: Device,
    private readonly sendCommand: CommandSender,
    private readonly now: () => number = Date.now,
  ) {}

  setTransports(all: Transport[]): void {
    this.#unsubscribe.forEach((u) => u());
    // Browser sources inside OBS (emit_event, one-way) are never controllers: no log for them.
    const transports = all.filter((t) => !ONE_WAY_TO_OVERLAYS.has(t.name));
    this.#transports = transports;
    this.#unsubscribe = transports.map((t) => t.subscribe((data) => this.#receive(data)));
    this.#leader?.announce();
  }

  /** Primaries heard from other devices in the last few seconds, best claim per show. */
  heard(): PrimaryMessage[] {
    const fresh = this.now() - SILENT_AFTER_MS * 2;
    return [...this.#heard.values()].filter((h) => h.at >= fresh).map((h) => h.message);
  }

  // ── Primary ────────────────────────────────────────────────────────────────────────────

  /** Leads the show: heartbeats, each logged entry, answers to remotes' syncs (leader.ts). */
  lead(options: LeadOptions): void {
    this.stop();
    this.#leader = new Leader(
      this.db,
      this.device,
      options,
      (message) => this.#send(message),
      this.stats,
      this.now,
    );
  }

  /** The primary's heartbeat, at once (a remote said hello, the transports changed). */
  announce(): void {
    this.#leader?.announce();
  }

  /** Streams one logged entry to the remotes. */
  appended(entry: { seq: number; commandId: string | null; event: ShowEvent }): void {
    this.#leader?.appended(entry);
  }

  // ── Remote ─────────────────────────────────────────────────────────────────────────────

  async follow(options: FollowOptions): Promise<void> {
    this.stop();
    const show = await getShow(this.db, options.showId);
    const heard = this.#heard.get(options.showId)?.message ?? null;
    this.#follow = {
      ...options,
      leader: heard,
      heardAt: heard ? this.#heard.get(options.showId)!.at : null,
      syncAt: 0,
      hasShow: !!show,
      last: show ? await lastSeq(this.db, options.showId) : 0,
    };
    this.#followTimer = setInterval(() => this.#tick(), 250);
    this.#hello();
    if (heard) this.#enqueue(() => this.#onLeader(heard));
    else this.#tick();
  }

  followStatus(): FollowStatus | null {
    const f = this.#follow;
    if (!f) return null;
    return {
      showId: f.showId,
      leader: f.leader,
      silentMs: f.heardAt === null ? null : Math.max(0, this.now() - f.heardAt),
      lastSeq: f.last,
      hasShow: f.hasShow,
    };
  }

  /** The highest term this device has seen for the show: a takeover must go above it. */
  seenTerm(showId: string): number {
    const heard = this.#heard.get(showId)?.message;
    const leader = this.#follow?.showId === showId ? this.#follow.leader : null;
    return Math.max(heard?.term ?? 0, leader?.term ?? 0);
  }

  /** Waits for mirrored writes in flight, so a takeover starts from everything received. */
  settled(): Promise<void> {
    return this.#queue.then(() => undefined);
  }

  stop(): void {
    this.#leader?.stop();
    if (this.#followTimer) clearInterval(this.#followTimer);
    this.#followTimer = null;
    this.#leader = null;
    this.#follow = null;
  }

  close(): void {
    this.stop();
    this.#unsubscribe.forEach((u) => u());
    this.#unsubscribe = [];
  }

  // ── Traffic ────────────────────────────────────────────────────────────────────────────

  #send(message: unknown): void {
    for (const t of this.#transports) t.send(message);
  }

  #hello(): void {
    this.#send({
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'hello',
      sender: this.device.id,
      role: 'remote',
    });
  }

  #enqueue(work: () => Promise<void>): void {
    this.#queue = this.#queue
      .then(work)
      .catch((error: unknown) => console.warn('Flashcue replica:', error));
  }

  #receive(data: unknown): void {
    const parsed = parseMessage(data);
    if (!parsed.ok) return; // counted by the view receiver and the command server already
    const message = parsed.message;
    switch (message.kind) {
      case 'primary': {
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
        const leader = this.#leader;
        if (
          leader &&
          message.showId === leader.showId &&
          leads(message, { term: leader.term(), device: this.device.id })
        ) {
          const deposed = leader.options.onDeposed;
          this.stop();
          deposed(message);
          return;
        }
        if (this.#follow && message.showId === this.#follow.showId)
          this.#enqueue(() => this.#onLeader(message));
        return;
      }
      case 'hello':
        if (message.role === 'remote') this.#leader?.announce();
        return;
      case 'sync':
        if (
          this.#leader &&
          message.showId === this.#leader.showId &&
          message.device !== this.device.id
        ) {
          this.#leader.answerSync(message.fromSeq, message.needSheet, message.device);
        }
        return;
      case 'sheet':
        if (
          this.#follow &&
          message.to === this.device.id &&
          message.showId === this.#follow.showId &&
          message.device === this.#follow.leader?.device
        ) {
          this.#enqueue(() => this.#onSheet(message));
        }
        return;
      case 'log': {
        const f = this.#follow;
        if (!f || message.showId !== f.showId) return;
        if (!f.leader || message.device !== f.leader.device || message.term !== f.leader.term) {
          if (message.device !== this.device.id) this.stats.refused += 1;
          return;
        }
        this.#enqueue(() => this.#onLog(message));
        return;
      }
      default:
        return;
    }
  }

  #tick(): void {
    const f = this.#follow;
    if (!f || !f.leader) return;
    const behind = !f.hasShow || f.leader.lastSeq > f.last;
    if (behind && this.now() - f.syncAt >= 1000) {
      f.syncAt = this.now();
      this.#send({
        app: APP,
        v: PROTOCOL_VERSION,
        kind: 'sync',
        showId: f.showId,
        device: this.device.id,
        fromSeq: f.last + 1,
        needSheet: !f.hasShow,
      });
    }
  }

  async #onLeader(message: PrimaryMessage): Promise<void> {
    const f = this.#follow;
    if (!f || message.showId !== f.showId) return;
    if (
      f.leader &&
      f.leader.device !== message.device &&
      !leads(message, f.leader) &&
      f.heardAt !== null &&
      this.now() - f.heardAt < SILENT_AFTER_MS
    )
      return;
    f.leader = message;
    f.heardAt = this.now();
    if (!f.hasShow) return this.#tick();
    const show = await getShow(this.db, f.showId);
    if (!show) return;
    const mine = termsOf(show, message.terms[0]!.device);
    const cutAt = divergence(mine, f.last, message.terms);
    let orphans = await loadOrphans(this.db, f.showId);
    if (cutAt <= f.last) {
      orphans = await cutOrphans(this.db, f.showId, cutAt, mine);
      f.last = cutAt - 1;
      f.onLog({ added: [], reset: true });
    }
    if (JSON.stringify(mine) !== JSON.stringify(message.terms))
      await setTerms(this.db, f.showId, message.terms);
    this.#tick();
    if (orphans.length && !this.#handingOver) void this.#handOver(f.showId, f);
  }

  /** Sends each orphaned sale to the leader until it acknowledges; then forgets the orphans. */
  async #handOver(showId: string, f: Following): Promise<void> {
    this.#handingOver = true;
    try {
      const orphans = await loadOrphans(this.db, showId);
      const { resend, dropped } = recoverOrphans(orphans);
      let handedOver = 0;
      for (const item of resend) {
        for (;;) {
          if (this.#follow !== f) return; // took over or left: the orphans stay for next time
          const result = await this.sendCommand(item);
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
        this.db,
        showId,
        orphans.map((o) => o.id),
      );
      f.onHandover({ handedOver, dropped });
    } finally {
      this.#handingOver = false;
    }
  }

  async #onSheet(message: SheetMessage): Promise<void> {
    const f = this.#follow;
    if (!f || f.hasShow) return;
    const meta = ShowMetaSchema.safeParse(message.show);
    const sheet = meta.success ? parseRunSheet(meta.data.sheet) : null;
    if (!meta.success || !sheet?.ok || meta.data.id !== f.showId) {
      this.stats.refused += 1;
      return;
    }
    const leader = f.leader;
    const row: ShowRow = {
      id: meta.data.id,
      runSheetId: meta.data.runSheetId,
      status: 'ready',
      createdAt: meta.data.createdAt,
      startedAt: null,
      endedAt: null,
      sheet: sheet.value,
      changes: meta.data.changes,
      term: leader?.term ?? 1,
      ...(leader ? { terms: leader.terms } : {}),
    };
    await adoptShow(this.db, row);
    f.hasShow = true;
    f.last = await lastSeq(this.db, f.showId);
    f.onShow(row);
    this.#tick();
  }

  async #onLog(message: LogMessage): Promise<void> {
    const f = this.#follow;
    if (!f || !f.hasShow) return;
    const entries = [];
    for (const entry of message.entries) {
      const event = EventSchema.safeParse(entry.event);
      if (!event.success) {
        this.stats.refused += 1;
        return;
      }
      entries.push({ seq: entry.seq, commandId: entry.commandId, event: event.data });
    }
    const { lastSeq: last, added } = await appendMirrored(this.db, f.showId, entries);
    if (this.#follow !== f) return;
    f.last = last;
    this.stats.entriesMirrored += added.length;
    if (added.length) f.onLog({ added, reset: false });
    // A gap (a message lost while this device was away): ask for the rest.
    if (entries.some((e) => e.seq > last)) {
      f.syncAt = 0;
      this.#tick();
    }
  }
}
