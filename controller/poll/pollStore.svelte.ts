/**
 * Polls and giveaways on the primary controller (issue 19): the producer's commands (Live
 * screen, command API `poll.*` / `giveaway.*`) are decided by shared/poll/decide.ts, every
 * resulting event is appended to the show's poll log and applied; the live room's comments
 * (RoomStore.onChat) become votes and entries the same way. The poll overlay hears the state
 * through its own message, at a calm rate (shared/protocol/pollPublisher). A reload replays
 * the show's poll log to the same counts. Only the device that runs the show acts: a backup
 * refuses, and its chat source does not vote; it holds a copy of the primary's poll log
 * (controller/replica/pollCopy.ts), applied here as it arrives, so after a takeover the
 * counts, entrants and draws carry on. A backup's poll message reaches only its own browser
 * (its previews), as its views do: the overlays on air hear the primary's.
 */
import { createChatReader } from '../../shared/poll/chat';
import { decidePoll, type Decision, type PollCommandName } from '../../shared/poll/decide';
import { newSeed } from '../../shared/poll/draw';
import type { PollEvent } from '../../shared/poll/events';
import { pollScreens } from '../../shared/poll/screen';
import { applyPollEvent, emptyPollRoom, replayPolls, type PollRoom } from '../../shared/poll/state';
import { createPollPublisher, type PollPublisher } from '../../shared/protocol/pollPublisher';
import type { Transport } from '../../shared/protocol/transport';
import type { RoomUser } from '../../shared/room/events';
import { refusal } from '../../shared/show/refusal';
import type { FlashcueDb } from '../db/db';
import type { LiveSession } from '../show/liveSession.svelte';
import { createPollLog, type PollLog } from './pollLog';
import type { PollCopyChange, PollEntry } from '../replica/pollCopy';

export class PollStore {
  room = $state.raw<PollRoom>(emptyPollRoom());
  /** Rows of this show's poll log this build could not read (kept, not replayed). */
  skipped = $state(0);
  #live: LiveSession;
  #log: PollLog;
  #transports: Transport[];
  /** The transports that reach only this browser: a backup's poll message goes there. */
  #local: Transport[];
  #backup = false;
  #publisher: PollPublisher | null = null;
  #appended: ((entry: PollEntry) => void) | null = null;
  /** A copy arrived while the log was being read: read it again once back. */
  #stale = false;
  #read = createChatReader();
  #showId: string | null = null;
  #seq = 0;
  /** Comments heard while the show's poll log is being read: taken once it is back. */
  #held: Array<[RoomUser, string, number]> | null = null;

  constructor(live: LiveSession, db: FlashcueDb, transports: Transport[], local: Transport[] = []) {
    this.#live = live;
    this.#db = db;
    this.#log = createPollLog(db);
    this.#transports = transports;
    this.#local = local;
  }
  #db: FlashcueDb;

  /** Each event logged here, as it is logged (the device roles stream it to the backups). */
  onAppended(listener: (entry: PollEntry) => void): void {
    this.#appended = listener;
  }

  /** How far this show's poll log runs here. */
  get seq(): number {
    return this.#seq;
  }

  /** Starts the overlay message and follows the show open here (main.ts, under the tab lock). */
  start(): void {
    this.#backup = this.#live.role === 'backup';
    this.#publisher ??= createPollPublisher({
      transports: this.#reach(),
      screens: () => pollScreens(this.room, Date.now()),
    });
    this.#live.onChange(() => this.#follow());
    this.#follow();
  }

  setTransports(transports: Transport[]): void {
    this.#transports = transports;
    this.#publisher?.setTransports(this.#reach());
  }

  #reach(): Transport[] {
    return this.#backup ? this.#local : this.#transports;
  }

  #follow(): void {
    const backup = this.#live.role === 'backup';
    if (backup !== this.#backup) {
      this.#backup = backup;
      this.#publisher?.setTransports(this.#reach());
    }
    const id = this.#live.show?.id ?? null;
    if (id === this.#showId) return;
    void this.#log.flush();
    this.#showId = id;
    this.room = emptyPollRoom();
    this.skipped = 0;
    this.#seq = 0;
    if (!id) return void this.#publisher?.changed();
    this.#held = [];
    this.#load(id);
  }

  #load(id: string): void {
    this.#held ??= [];
    this.#stale = false;
    void this.#log.load(id).then(({ events, skipped, lastSeq }) => {
      if (this.#showId !== id) return;
      if (this.#stale) return this.#load(id);
      this.room = replayPolls(events);
      this.skipped = skipped;
      this.#seq = lastSeq;
      const held = this.#held ?? [];
      this.#held = null;
      held.forEach(([user, text, at]) => this.chat(user, text, at));
      this.#publisher?.changed();
    });
  }

  #apply(events: PollEvent[]): void {
    if (!this.#showId || events.length === 0) return;
    let room = this.room;
    for (const event of events) {
      this.#seq += 1;
      this.#log.append(this.#showId, this.#seq, event);
      this.#appended?.({ seq: this.#seq, event });
      room = applyPollEvent(room, event);
    }
    this.room = room;
    this.#publisher?.changed();
  }

  /** The backup's copy of the primary's poll log changed (controller/replica/pollCopy.ts). */
  copied(showId: string, change: PollCopyChange): void {
    if (showId !== this.#showId) return; // read from the database when the show opens here
    if (this.#held) return void (this.#stale = true);
    const first = change.added[0];
    if (change.reset || (first && first.seq !== this.#seq + 1)) return this.#load(showId);
    let room = this.room;
    for (const { event } of change.added) room = applyPollEvent(room, event);
    this.#seq += change.added.length;
    this.room = room;
    this.#publisher?.changed();
  }

  /** Drops this device's poll log of the show (a deposed primary then copies the new one's). */
  async forget(showId: string): Promise<void> {
    await this.#log.flush();
    await this.#db.pollLog.where('showId').equals(showId).delete();
    if (showId === this.#showId) this.#load(showId);
  }

  /** A comment from the live room: a vote or an entry when it is one. */
  chat(user: RoomUser, text: string, at: number): void {
    if (this.#live.role === 'backup' || !this.#showId) return;
    if (this.#held) return void this.#held.push([user, text, at]);
    this.#apply(this.#read(this.room, user, text, at));
  }

  /** A producer's command (a button or the command API), decided, logged and applied. */
  run(command: PollCommandName, args: unknown): Decision {
    if (this.#live.role === 'backup')
      return refusal(
        'This controller is the backup of a show on another device: run polls and giveaways on the primary.',
        'poll_backup',
      );
    if (!this.#showId || this.#held)
      return refusal('No show is loaded: load a run sheet first.', 'poll_no_show');
    const decision = decidePoll(this.room, command, args, Date.now(), newSeed);
    if (decision.ok) this.#apply(decision.events);
    return decision;
  }

  /** Written now (pagehide): the last votes are not lost to a reload. */
  flush(): Promise<void> {
    return this.#log.flush();
  }

  stop(): void {
    this.#publisher?.stop();
    this.#publisher = null;
    void this.#log.flush();
  }
}
