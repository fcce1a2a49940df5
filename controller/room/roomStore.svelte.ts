/**
 * The live room on the primary controller: runs the pure room reducer (shared/room/room.ts)
 * over the events from TikFinity and from `POST /api/audience` (the `room.events` command),
 * and sends only what the show needs: one `viewers` sample every few seconds (which feeds the
 * report's peak, average and curve) and, on the producer's key, a confirmed keyword order.
 * Chat, gifts and likes are never logged one by one; the overlays hear nothing unasked.
 */
import type { RoomEvent } from '../../shared/room/events';
import { parseAudienceJson } from '../../shared/room/generic';
import { dismiss, saleArgs } from '../../shared/room/keywords';
import { answer, pin } from '../../shared/room/questions';
import {
  DEFAULT_ROOM_SETTINGS,
  emptyRoom,
  ingest,
  roomRules,
  type OnAir,
  type RoomRules,
  type RoomState,
} from '../../shared/room/room';
import { flushViewers, SAMPLE_EVERY_MS, type ViewerSample } from '../../shared/room/sampler';
import { countAnswered } from '../../shared/room/tally';
import type { LiveSession } from '../show/liveSession.svelte';
import { createTikFinitySource, type SourceStatus, type TikFinitySource } from './tikfinitySource';

export class RoomStore {
  room = $state.raw<RoomState>(emptyRoom());
  tikfinity = $state.raw<SourceStatus | null>(null);
  /** Events taken from the generic input (POST /api/audience). */
  generic = $state.raw({ taken: 0, refused: 0 });
  #rules: RoomRules = roomRules(DEFAULT_ROOM_SETTINGS);
  #source: TikFinitySource;
  #timer: ReturnType<typeof setInterval> | null = null;
  #live: LiveSession;

  constructor(live: LiveSession) {
    this.#live = live;
    this.#source = createTikFinitySource({
      onEvent: (event) => this.take(event),
      onStatus: (status) => (this.tikfinity = status),
    });
  }

  /** Starts the sampler's flush timer (main.ts, the one wiring module). */
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
  }

  connectTikFinity(url: string) {
    return this.#source.connect(url);
  }

  disconnectTikFinity(): void {
    this.#source.disconnect();
  }

  /** Whether a source feeds viewer counts now: the typed viewer box is then only a fallback. */
  get live(): boolean {
    return this.tikfinity?.state === 'live' || this.room.sampler.reports > 0;
  }

  #onAir(): OnAir {
    const view = this.#live.view;
    return {
      segmentIndex: view?.segment?.index ?? null,
      dealProductId: view?.deal?.productId ?? null,
      productId: view?.product?.id ?? null,
    };
  }

  take(event: RoomEvent): void {
    const { state, effects } = ingest(this.room, event, Date.now(), this.#onAir(), this.#rules);
    this.room = state;
    if (effects.sample) this.#record(effects.sample);
  }

  /** The `room.events` command's args, checked again here: any transport may carry commands. */
  takeCommand(args: unknown): { ok: true; result: unknown } | { ok: false; error: string } {
    const parsed = parseAudienceJson(args);
    if (!parsed.ok) {
      this.generic = { ...this.generic, refused: this.generic.refused + 1 };
      return parsed;
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
  }

  answer(id: string): void {
    const questions = answer(this.room.questions, id, Date.now());
    if (questions === this.room.questions) return;
    const tally = countAnswered(this.room.tally, this.#onAir().segmentIndex);
    this.room = { ...this.room, questions, tally };
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

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#source.disconnect();
  }
}
