/**
 * The show's poll log (polls and giveaways, controller/poll) on the backups, beside the show's
 * own log: the primary streams each poll event as it is logged and answers a backup's sync
 * from its poll log; a backup checks every event with zod, keeps the entries in seq order in
 * its own `pollLog` table and tells the poll store, so a backup that takes over mid-poll has
 * the votes, the entrants and the seeded draws, and counts on from there.
 *
 * The poll log has no terms of its own, so a copy is only ever continued from the device it
 * came from: when another device becomes the primary (a takeover), a backup drops its copy and
 * copies the new primary's poll log from the start — another backup may have taken over
 * holding fewer entries, and counted on differently. A deposed primary drops its own poll log
 * when it steps down (PollStore.forget) and copies the new primary's the same way. Poll logs
 * are small (one entry per vote or entry), so a fresh copy takes a second or two.
 */
import {
  APP,
  PROTOCOL_VERSION,
  type PollLogMessage,
  type PrimaryMessage,
} from '../../shared/protocol/messages';
import { PollEventSchema, type PollEvent } from '../../shared/poll/events';
import type { FlashcueDb } from '../db/db';

/** Entries per message when a backup catches up (the schema allows 500). */
const CHUNK = 200;

export interface PollEntry {
  seq: number;
  event: PollEvent;
}

/** What the backup's poll store is told: entries copied in order, or the copy cut back. */
export type PollCopyChange = { added: PollEntry[]; reset: boolean };

/** The highest seq of a show's poll log on this device (0: none). */
export async function lastPollSeq(db: FlashcueDb, showId: string): Promise<number> {
  const last = await db.pollLog
    .where('[showId+seq]')
    .between([showId, 0], [showId, Infinity])
    .last();
  return last?.seq ?? 0;
}

/** The primary's side: each logged poll event to the backups, and answers to their syncs. */
export class PollLogSender {
  #pending: PollEntry[] = [];

  constructor(
    private readonly db: FlashcueDb,
    private readonly header: () => Omit<PollLogMessage, 'entries'>,
    private readonly send: (message: PollLogMessage) => void,
  ) {}

  /** Entries logged in one task (a burst of votes) go as one message. */
  appended(entry: PollEntry): void {
    this.#pending.push(entry);
    if (this.#pending.length > 1) return;
    queueMicrotask(() => this.#sendAll(this.#pending.splice(0)));
  }

  /** The show's poll log from `fromSeq` on, as written so far (votes still buffered follow on the next sync). */
  async answer(showId: string, fromSeq: number): Promise<void> {
    const rows = await this.db.pollLog
      .where('[showId+seq]')
      .between([showId, fromSeq], [showId, Infinity])
      .toArray();
    this.#sendAll(rows.map(({ seq, event }) => ({ seq, event: event as PollEvent })));
  }

  #sendAll(entries: PollEntry[]): void {
    for (let i = 0; i < entries.length; i += CHUNK)
      this.send({ ...this.header(), entries: entries.slice(i, i + CHUNK) });
  }
}

export const pollLogHeader = (
  showId: string,
  device: string,
  term: number,
): Omit<PollLogMessage, 'entries'> => ({
  app: APP,
  v: PROTOCOL_VERSION,
  kind: 'pollLog',
  showId,
  device,
  term,
});

/** The backup's side: the copy of the primary's poll log, in seq order, never with a gap. */
export class PollLogCopy {
  constructor(
    private readonly db: FlashcueDb,
    private readonly showId: string,
    public last: number,
    private readonly onChange: (change: PollCopyChange) => void,
  ) {}

  /** Whether the primary's poll log runs further than this copy. */
  behind(primary: PrimaryMessage): boolean {
    return (primary.pollSeq ?? 0) > this.last;
  }

  /**
   * The primary's heartbeat. The first one heard is taken as the device this copy came from
   * (a reloaded backup resumes its copy); another device afterwards means a takeover: the
   * copy starts again from that primary's first entry.
   */
  async onPrimary(primary: PrimaryMessage): Promise<void> {
    if (this.#from === null || this.#from === primary.device) {
      this.#from = primary.device;
      return;
    }
    this.#from = primary.device;
    await this.db.pollLog.where('showId').equals(this.showId).delete();
    this.last = 0;
    this.onChange({ added: [], reset: true });
  }
  #from: string | null = null;

  /**
   * Copies the entries that continue the log; returns true when some lay beyond a gap (a
   * message lost while this device was away): the caller asks for the rest.
   */
  async take(message: PollLogMessage): Promise<{ gap: boolean; refused: number }> {
    const added: PollEntry[] = [];
    let refused = 0;
    let gap = false;
    let next = this.last + 1;
    for (const entry of [...message.entries].sort((a, b) => a.seq - b.seq)) {
      if (entry.seq < next) continue;
      if (entry.seq > next) {
        gap = true;
        break;
      }
      const event = PollEventSchema.safeParse(entry.event);
      if (!event.success) {
        refused += 1;
        break;
      }
      added.push({ seq: entry.seq, event: event.data });
      next += 1;
    }
    if (added.length) {
      await this.db.pollLog.bulkPut(
        added.map(({ seq, event }) => ({ showId: this.showId, seq, event })),
      );
      this.last = added[added.length - 1]!.seq;
      this.onChange({ added, reset: false });
    }
    return { gap, refused };
  }
}
