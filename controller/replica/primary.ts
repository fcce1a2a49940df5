/**
 * The primary's side of the replica protocol: a heartbeat every second (show, device, term,
 * term history, last seq), each logged entry as it is written — only on the transports a
 * backup was heard on lately (shared/replica/backupsHeard.ts) — and answers to a backup's
 * sync: the frozen sheet and the log from a seq on, in chunks, at a bounded rate.
 */
import {
  APP,
  PROTOCOL_VERSION,
  type LogMessage,
  type PollLogMessage,
  type PrimaryMessage,
  type SheetMessage,
} from '../../shared/protocol/messages';
import type { ShowEvent } from '../../shared/show';
import type { FlashcueDb, ShowRow } from '../db/db';
import { getShow, loadEvents } from '../db/eventLog';
import type { Device, PrimaryOptions, ReplicaStats } from './types';
import { PollLogSender, pollLogHeader, type PollEntry } from './pollCopy';

export const PRIMARY_HEARTBEAT_MS = 1000;
/** Entries per log message when a backup catches up. */
const CHUNK = 200;
/** Sync requests answered per second, over all backups: a flood must not keep the primary reading its log. */
const SYNCS_PER_SECOND = 4;

type Entry = { seq: number; commandId: string | null; event: ShowEvent };

export class PrimarySide {
  #timer: ReturnType<typeof setInterval>;
  #syncWindow = { start: 0, count: 0 };

  constructor(
    private readonly db: FlashcueDb,
    private readonly device: Device,
    readonly options: PrimaryOptions,
    /** `toBackups`: only on the transports a backup was heard on lately (none: not sent). */
    private readonly send: (message: unknown, toBackups?: boolean) => void,
    private readonly stats: ReplicaStats,
    private readonly now: () => number,
  ) {
    this.#polls = new PollLogSender(
      db,
      () => pollLogHeader(this.showId, this.device.id, this.term()),
      // Like the show's log: only where a backup was heard; a newcomer catches up by sync.
      (message: PollLogMessage) => this.send(message, true),
    );
    this.announce();
    this.#timer = setInterval(() => this.announce(), PRIMARY_HEARTBEAT_MS);
  }
  #polls: PollLogSender;

  get showId(): string {
    return this.options.showId;
  }

  term(): number {
    return this.options.terms().at(-1)!.term;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  announce(): void {
    const { options } = this;
    const terms = options.terms();
    const message: PrimaryMessage = {
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'primary',
      showId: options.showId,
      title: options.title().slice(0, 200),
      device: this.device.id,
      deviceName: this.device.name.slice(0, 80),
      term: terms.at(-1)!.term,
      terms: [...terms],
      lastSeq: options.lastSeq(),
      phase: options.phase(),
      ...(options.pollSeq ? { pollSeq: options.pollSeq() } : {}),
    };
    this.send(message);
  }

  /**
   * Entries appended in one task (a batch from the order door) go to the backups as one `log`
   * message: the relay's per-connection rate limit counts messages, not entries.
   */
  appended(entry: Entry): void {
    this.#pending.push(entry);
    if (this.#pending.length > 1) return;
    queueMicrotask(() => {
      const entries = this.#pending.splice(0);
      for (let i = 0; i < entries.length; i += CHUNK)
        this.#sendLog(entries.slice(i, i + CHUNK), true);
    });
  }
  #pending: Entry[] = [];

  /** One poll event logged here (controller/poll): to the backups with the next microtask. */
  pollAppended(entry: PollEntry): void {
    this.#polls.appended(entry);
  }

  answerSync(fromSeq: number, needSheet: boolean, to: string, pollFromSeq?: number): void {
    const now = this.now();
    if (now - this.#syncWindow.start >= 1000) this.#syncWindow = { start: now, count: 0 };
    if (this.#syncWindow.count >= SYNCS_PER_SECOND) {
      this.stats.syncsDropped += 1;
      return;
    }
    this.#syncWindow.count += 1;
    this.stats.syncsAnswered += 1;
    void (async () => {
      if (needSheet) {
        const show = await getShow(this.db, this.showId);
        if (!show) return;
        const message: SheetMessage = {
          app: APP,
          v: PROTOCOL_VERSION,
          kind: 'sheet',
          showId: show.id,
          device: this.device.id,
          to,
          show: metaOf(show),
        };
        this.send(message);
      }
      const rows = (await loadEvents(this.db, this.showId)).filter((r) => r.seq >= fromSeq);
      for (let i = 0; i < rows.length; i += CHUNK) {
        this.#sendLog(
          rows.slice(i, i + CHUNK).map(({ seq, commandId, event }) => ({ seq, commandId, event })),
          true, // the sync itself marked its transport as a backup's
        );
      }
      if (pollFromSeq !== undefined) await this.#polls.answer(this.showId, pollFromSeq);
    })().catch((error: unknown) => console.warn('Flashcue replica: sync answer failed', error));
  }

  #sendLog(entries: Entry[], toBackups: boolean): void {
    const message: LogMessage = {
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'log',
      showId: this.showId,
      device: this.device.id,
      term: this.term(),
      entries,
    };
    this.send(message, toBackups);
  }
}

/** What replay needs besides the log, as a new backup receives it. */
function metaOf(show: ShowRow) {
  return {
    id: show.id,
    runSheetId: show.runSheetId,
    createdAt: show.createdAt,
    changes: show.changes,
    sheet: show.sheet,
  };
}
