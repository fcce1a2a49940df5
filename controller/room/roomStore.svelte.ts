/**
 * The live room on the primary controller: runs the pure room reducer (shared/room/room.ts)
 * over the events from TikFinity and from `POST /api/audience` (the `room.events` command),
 * and sends only what the show needs: one `viewers` sample every few seconds (which feeds the
 * report's peak, average and curve) and, on the producer's key, a confirmed keyword order.
 * Chat, gifts and likes are never logged one by one. The screens hear only the pinned question
 * and the thanks the producer switched on (one `room` message, shared/protocol/roomPublisher).
 * The aggregates (queue, pin, counts) are kept per show, so a reload resumes them.
 */
import type { RoomEvent, RoomUser } from '../../shared/room/events';
import { parseAudienceJson } from '../../shared/room/generic';
import { audienceRefusalText } from './roomFaultText';
import { dismiss, saleArgs } from '../../shared/room/keywords';
import { answer, pin, pinned } from '../../shared/room/questions';
import {
  emptyRoom,
  ingest,
  roomRules,
  type OnAir,
  type RoomRules,
  type RoomState,
} from '../../shared/room/room';
import { flushViewers, SAMPLE_EVERY_MS, type ViewerSample } from '../../shared/room/sampler';
import { DEFAULT_STORED_ROOM, type StoredRoomSettings } from '../../shared/room/settings';
import { countAnswered } from '../../shared/room/tally';
import type { Thanks } from '../../shared/room/thanks';
import type { RoomScreens } from '../../shared/protocol/roomMessage';
import { createRoomPublisher, type RoomPublisher } from '../../shared/protocol/roomPublisher';
import type { Transport } from '../../shared/protocol/transport';
import type { FlashcueDb } from '../db/db';
import type { LiveSession } from '../show/liveSession.svelte';
import { createBatcher } from './roomBatch';
import { createRoomKeeper, type RoomKeeper } from './roomKeeper';
import { createTikFinitySource, type SourceStatus, type TikFinitySource } from './tikfinitySource';

/** A thanks older than this is not put on the ticker by a page that hears it late. */
const THANKS_FRESH_MS = 8_000;

/** An event as it arrived: its time and what was on air then (it is counted a beat later). */
/** An event with what held when it came: its time, what was on air, the producer's rules. */
type Arrival = { event: RoomEvent; at: number; onAir: OnAir; rules: RoomRules };

export class RoomStore {
  room = $state.raw<RoomState>(emptyRoom());
  tikfinity = $state.raw<SourceStatus | null>(null);
  settings = $state.raw<StoredRoomSettings>(DEFAULT_STORED_ROOM);
  /** Events taken from the generic input (POST /api/audience). */
  generic = $state.raw({ taken: 0, refused: 0 });
  /** Why the kept room of this show could not be read back, if it could not. */
  keepError = $state<string | null>(null);
  #rules = roomRules(DEFAULT_STORED_ROOM);
  #source: TikFinitySource;
  #keeper: RoomKeeper;
  #timer: ReturnType<typeof setInterval> | null = null;
  #live: LiveSession;
  #publisher: RoomPublisher | null = null;
  #transports: Transport[];
  #showId: string | null = null;
  /** Events heard while the show's kept room is being read: taken once it is back. */
  #held: Arrival[] | null = null;
  /** Events gathered for one beat: one state change per beat, not per comment. */
  #batch = createBatcher<Arrival>((arrivals) => this.#ingest(arrivals));
  #fragmentWins = false;
  #thanks: { id: number; thanks: Thanks } | null = null;
  /** Who else reads the comments as they come (the poll store: votes and giveaway entries). */
  #chatReaders: Array<(user: RoomUser, text: string, at: number) => void> = [];

  constructor(live: LiveSession, db: FlashcueDb, transports: Transport[]) {
    this.#live = live;
    this.#transports = transports;
    this.#keeper = createRoomKeeper(db);
    this.#source = createTikFinitySource({
      onEvent: (event) => this.take(event),
      onStatus: (status) => (this.tikfinity = status),
    });
  }

  /** Starts the sampler, the kept room and the screens message (main.ts, under the tab lock). */
  start(): void {
    this.#timer ??= setInterval(() => {
      const flushed = flushViewers(this.room.sampler, Date.now());
      if (flushed.sample) {
        this.room = { ...this.room, sampler: flushed.state };
        this.#record(flushed.sample);
      }
      // The counters move on every message; the status is refreshed here, not per message.
      if (this.tikfinity) this.tikfinity = this.#source.status();
    }, SAMPLE_EVERY_MS);
    this.#publisher ??= createRoomPublisher({
      transports: this.#transports,
      screens: () => this.screens(),
    });
    this.#live.onChange(() => this.#follow());
    this.#follow();
    void this.#keeper.loadSettings().then((settings) => {
      this.#useSettings(settings);
      if (!this.#fragmentWins && settings.tikfinityOn) this.#source.connect(settings.tikfinityUrl);
    });
  }

  setTransports(transports: Transport[]): void {
    this.#transports = transports;
    this.#publisher?.setTransports(transports);
  }

  /** A launcher's `#tikfinity=` address: used now, and wins over the saved one; not saved. */
  connectTikFinity(url: string) {
    this.#fragmentWins = true;
    return this.#source.connect(url);
  }

  /** The Integrations page's Connect: the address is saved and reconnected after a reload. */
  async connectSaved(url: string) {
    const connected = this.#source.connect(url);
    if (connected.ok) await this.saveSettings({ tikfinityUrl: url.trim(), tikfinityOn: true });
    return connected;
  }

  async disconnectTikFinity(): Promise<void> {
    this.#source.disconnect();
    await this.saveSettings({ tikfinityOn: false });
  }

  async saveSettings(patch: Partial<StoredRoomSettings>): Promise<void> {
    this.#useSettings({ ...this.settings, ...patch });
    await this.#keeper.saveSettings(this.settings);
  }

  #useSettings(settings: StoredRoomSettings): void {
    this.settings = settings;
    this.#rules = roomRules(settings);
  }

  /** Whether a source feeds viewer counts now: the typed viewer box is then only a fallback. */
  get live(): boolean {
    return this.tikfinity?.state === 'live' || this.room.sampler.reports > 0;
  }

  /** What the host view and the ticker may show: the pin, and a fresh thanks. */
  screens(now = Date.now()): RoomScreens {
    const q = pinned(this.room.questions);
    const t = this.#thanks;
    const ago = t ? now - t.thanks.at : 0;
    return {
      question: q ? { id: q.id, name: q.user.name, text: q.text } : null,
      thanks:
        t && ago < THANKS_FRESH_MS && this.settings.thanks[t.thanks.kind]
          ? {
              id: t.id,
              kind: t.thanks.kind,
              name: t.thanks.name,
              ...(t.thanks.gift === undefined ? {} : { gift: t.thanks.gift }),
              ...(t.thanks.count === undefined ? {} : { count: t.thanks.count }),
              agoMs: Math.max(0, ago),
            }
          : null,
    };
  }

  /** A new show on this device (or none): its kept room is read back, events meanwhile held. */
  #follow(): void {
    const id = this.#live.show?.id ?? null;
    if (id === this.#showId) return;
    this.#batch.flush(); // what the last show heard is counted in it
    void this.#keeper.flush();
    this.#showId = id;
    this.room = emptyRoom();
    this.keepError = null;
    if (!id) return;
    this.#held = [];
    void this.#keeper.load(id).then(({ state, error }) => {
      if (this.#showId !== id) return;
      const held = this.#held ?? [];
      this.#held = null;
      if (state) this.room = state;
      this.keepError = error;
      this.#ingest(held);
      this.#publisher?.publish();
    });
  }

  #changed(): void {
    if (this.#showId && !this.#held) this.#keeper.save(this.#showId, this.room);
  }

  /** Written now (pagehide): the last second of counts is not lost to a reload. */
  flush(): Promise<void> {
    this.#batch.flush();
    return this.#keeper.flush();
  }

  #onAir(): OnAir {
    const view = this.#live.view;
    return {
      segmentIndex: view?.segment?.index ?? null,
      dealProductId: view?.deal?.productId ?? null,
      productId: view?.product?.id ?? null,
    };
  }

  /** Comments, as they arrive, for another reader (polls and giveaways, controller/poll). */
  onChat(reader: (user: RoomUser, text: string, at: number) => void): void {
    this.#chatReaders.push(reader);
  }

  take(event: RoomEvent): void {
    const at = Date.now();
    if (event.kind === 'chat')
      for (const read of this.#chatReaders) read(event.user, event.text, at);
    // The rules as they are now (thanks on or off): a beat later they may have changed.
    const arrival = { event, at, onAir: this.#onAir(), rules: this.#rules };
    if (this.#held) this.#held.push(arrival);
    else this.#batch.push(arrival);
  }

  /** A beat's events through the reducer: one new state, one keep, one publish at most. */
  #ingest(arrivals: readonly Arrival[]): void {
    if (!arrivals.length) return;
    let state = this.room;
    const samples: ViewerSample[] = [];
    let thanked = false;
    for (const { event, at, onAir, rules } of arrivals) {
      const taken = ingest(state, event, at, onAir, rules);
      state = taken.state;
      if (taken.effects.sample) samples.push(taken.effects.sample);
      if (taken.effects.thanks) {
        this.#thanks = { id: (this.#thanks?.id ?? 0) + 1, thanks: taken.effects.thanks };
        thanked = true;
      }
    }
    this.room = state;
    this.#changed();
    samples.forEach((sample) => this.#record(sample));
    if (thanked) this.#publisher?.publish();
  }

  /** The `room.events` command's args, checked again here: any transport may carry commands. */
  takeCommand(args: unknown): { ok: true; result: unknown } | { ok: false; error: string } {
    const parsed = parseAudienceJson(args);
    if (!parsed.ok) {
      this.generic = { ...this.generic, refused: this.generic.refused + 1 };
      return { ok: false, error: audienceRefusalText(parsed) };
    }
    parsed.events.forEach((event) => this.take(event));
    this.generic = { ...this.generic, taken: this.generic.taken + parsed.events.length };
    return { ok: true, result: { taken: parsed.events.length, ignored: parsed.ignored } };
  }

  #record(sample: ViewerSample): void {
    if (this.#live.role !== 'primary' || this.#live.state?.phase !== 'live') return;
    void this.#live.send({ type: 'viewers', concurrent: sample.concurrent }, { quiet: true });
  }

  pin(id: string): void {
    this.room = { ...this.room, questions: pin(this.room.questions, id) };
    this.#changed();
    this.#publisher?.publish();
  }

  answer(id: string): void {
    const questions = answer(this.room.questions, id, Date.now());
    if (questions === this.room.questions) return;
    const tally = countAnswered(this.room.tally, this.#onAir().segmentIndex);
    this.room = { ...this.room, questions, tally };
    this.#changed();
    this.#publisher?.publish();
  }

  dismiss(id: string): void {
    this.room = { ...this.room, proposals: dismiss(this.room.proposals, id) };
  }

  /** The producer's key: the pending order is recorded as a sale, then leaves the list. */
  async confirm(id: string): Promise<void> {
    const proposal = this.room.proposals.pending.find((p) => p.id === id);
    const show = this.#live.show;
    if (!proposal || !show) return;
    const result = await this.#live.send({ type: 'sale', ...saleArgs(proposal, show.id) });
    if (result.ok) this.dismiss(id);
  }

  /** The Live screen's key (y): the oldest pending keyword order, confirmed. */
  confirmOldest(): Promise<void> {
    const oldest = this.room.proposals.pending[0];
    return oldest ? this.confirm(oldest.id) : Promise.resolve();
  }

  stop(): void {
    this.#batch.flush();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#publisher?.stop();
    this.#publisher = null;
    this.#source.disconnect();
    void this.#keeper.flush();
  }
}
