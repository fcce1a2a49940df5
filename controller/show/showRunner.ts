/**
 * The show runner: the single writer of one show. It owns the live actor and turns commands
 * into logged events: parse → decide against the settled snapshot → append to the log →
 * apply. The write comes before the apply so the actor never holds anything a reload would
 * lose. Framework-free: the Svelte bridge subscribes to it.
 */
import {
  applyToActor,
  decideBatch,
  decideCommand,
  parseCommand,
  replay,
  startShowActor,
  step,
  type Duplicate,
  type ShowActor,
  type ShowClock,
  type ShowEvent,
  type ShowSnapshot,
} from '../../shared/show';
import { trace } from '../../shared/perf/trace';
import type { FlashcueDb } from '../db/db';
import { appendAt } from '../db/appendAt';
import { appendBatchAt, BatchRefused } from '../db/appendBatch';
import { findByCommandId, getShow, loadEvents, UnknownShowError } from '../db/eventLog';
import { createOrderResults } from './orderResults';
import { refusal, type Refusal } from '../../shared/show/refusal';
import { batchNotSaved, commandRefusal, notSaved, runFailed } from './runnerErrors';

/** `duplicate`: the order was recorded before; this is the first one's result, not applied again. */
export type DispatchResult =
  { ok: true; event: ShowEvent; seq: number; duplicate?: true } | Refusal;

export interface ShowRunnerOptions {
  db: FlashcueDb;
  showId: string;
  /** Show time in ms. Defaults to Date.now. */
  clock?: () => number;
  /** XState's timer scheduler: SimulatedClock in tests, real timers otherwise. */
  scheduler?: ShowClock;
}

export interface ShowRunner {
  readonly showId: string;
  dispatch(command: unknown, options?: { commandId?: string }): Promise<DispatchResult>;
  getSnapshot(): ShowSnapshot;
  /** The seq of the last logged event the actor holds: the log position its snapshot reflects. */
  logSeq(): number;
  /** Called on every snapshot change (not immediately); returns the unsubscribe. */
  subscribe(listener: (snapshot: ShowSnapshot) => void): () => void;
  stop(): void;
}

/** Refusals answered again for a re-sent command id; old ones are forgotten past this many. */
const REMEMBERED_REFUSALS = 200;
/** Commands waiting together are decided, written (one transaction) and applied as one batch. */
const MAX_BATCH = 100;

interface Waiting {
  command: unknown;
  commandId: string | undefined;
  done: (result: DispatchResult) => void;
}

export async function createShowRunner(options: ShowRunnerOptions): Promise<ShowRunner> {
  const { db, showId, scheduler } = options;
  const clock = options.clock ?? Date.now;
  const show = await getShow(db, showId);
  if (!show) throw new UnknownShowError(showId);
  const rows = await loadEvents(db, showId);
  const actorOptions = { now: clock, ...(scheduler ? { clock: scheduler } : {}) };
  const listeners = new Set<(snapshot: ShowSnapshot) => void>();
  const emit = (snapshot: ShowSnapshot) => listeners.forEach((listener) => listener(snapshot));
  // startShowActor settles to `clock()` and re-arms the deal timer from the deadline in context.
  let actor: ShowActor = startShowActor(
    replay(
      show.sheet,
      rows.map((r) => r.event),
    ),
    actorOptions,
  );
  let subscription = actor.subscribe(emit);
  let applied = rows.at(-1)?.seq ?? 0;
  /** The last seq this writer knows the log holds: the next append goes after it, unread. */
  let logged = applied;
  const orderResults = createOrderResults(rows);

  /** Restarts the actor from a snapshot computed the way replay computes it. */
  const restartFrom = (snapshot: ShowSnapshot) => {
    subscription.unsubscribe();
    actor.stop();
    actor = startShowActor(snapshot, actorOptions);
    subscription = actor.subscribe(emit);
    emit(actor.getSnapshot());
  };

  const refusals = new Map<string, DispatchResult>();
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const remember = (commandId: string | undefined, result: DispatchResult) => {
    if (!commandId) return;
    refusals.set(commandId, result);
    if (refusals.size > REMEMBERED_REFUSALS) refusals.delete(refusals.keys().next().value!);
  };

  async function handle(command: unknown, commandId: string | undefined): Promise<DispatchResult> {
    if (stopped)
      return refusal(
        'This show is no longer open here: reload the controller to continue.',
        'sw_show_closed_reload',
      );
    // A re-sent id is found in memory (refused) or by the log itself: the append below is
    // refused by the unique command-id index, with no read before the write on the sales path.
    const earlier = commandId ? refusals.get(commandId) : undefined;
    if (earlier) return earlier;
    const refuse = async (result: Refusal): Promise<DispatchResult> => {
      // Accepted before (another snapshot, another page life): that answer stands.
      const logged = commandId ? await findByCommandId(db, showId, commandId) : undefined;
      if (logged) return { ok: true, event: logged.event, seq: logged.seq };
      remember(commandId, result);
      return result;
    };
    const snapshot = actor.getSnapshot();
    const decided = decideCommand(snapshot, command, clock());
    if (!decided.valid) return refuse(commandRefusal(decided.errors));
    const { decision } = decided;
    trace('decide');
    const first = !decision.ok && decision.duplicate && orderResults.find(decision.duplicate);
    if (first) {
      // The same command re-sent (same id) is answered as before; another one naming a
      // recorded order is that order's duplicate. A read, but never on a first sale's path.
      const same = commandId ? await findByCommandId(db, showId, commandId) : undefined;
      if (same) return { ok: true, event: same.event, seq: same.seq };
      return { ok: true, event: first.event, seq: first.seq, duplicate: true };
    }
    if (!decision.ok) return refuse(decision);
    let appended;
    try {
      appended = await appendAt(db, showId, logged + 1, decision.event, commandId ?? null);
    } catch (error) {
      // Not remembered: once the storage problem is fixed, the same command may be re-sent.
      return notSaved(decision.event.type, error);
    }
    trace('write');
    const { entry, duplicate } = appended;
    logged = Math.max(logged, entry.seq);
    // Another writer logged this id between our check and the write: answer with its result.
    if (duplicate || stopped) return { ok: true, event: entry.event, seq: entry.seq };
    applied = entry.seq;
    orderResults.note(entry);
    if (actor.getSnapshot() === snapshot) applyToActor(actor, entry.event);
    // A deal timer fired while the write was in flight (a sale decided 5 ms before the
    // deadline, saved after it): applying now would price it after the deal closed, unlike
    // replay. Apply it to the snapshot it was decided on instead, as replay will.
    else restartFrom(step(snapshot, entry.event));
    trace('apply'); // the view goes out at the end of this task's microtasks (select, publish)
    return { ok: true, event: entry.event, seq: entry.seq };
  }

  const waiting: Waiting[] = [];
  async function drain(): Promise<void> {
    while (waiting.length) {
      const batch = waiting.slice(0, MAX_BATCH);
      let results: DispatchResult[];
      try {
        results =
          batch.length === 1
            ? [await handle(batch[0]!.command, batch[0]!.commandId)]
            : await handleBatch(batch);
      } catch (error) {
        results = batch.map(() => runFailed(error));
      }
      waiting.splice(0, batch.length);
      batch.forEach((w, i) => w.done(results[i]!));
    }
  }

  /**
   * Several commands at once (the order door's bursts): decided one by one without touching
   * the actor, the accepted ones written in one transaction, then applied together — one
   * commit and one view for the batch. Acks (the results) only after that commit. If the
   * batch write is refused (a re-sent command id, a moved log) nothing of it was written or
   * applied, and each command goes the careful one-at-a-time way instead.
   */
  async function handleBatch(batch: Waiting[]): Promise<DispatchResult[]> {
    const parsed = batch.map((w) => parseCommand(w.command));
    const dupIds = new Set<string>();
    const plain = batch.every((w, i) => {
      const id = w.commandId;
      const fresh = !id || (!refusals.has(id) && !dupIds.has(id));
      if (id) dupIds.add(id);
      return fresh && parsed[i]!.ok;
    });
    if (stopped || !plain) return sequentially(batch);
    const snapshot = actor.getSnapshot();
    const commands = parsed.map((p) => (p.ok ? p.value : null!));
    const decided = decideBatch(snapshot, commands, clock);
    trace('decide');
    let rows;
    try {
      const items = decided.accepted.map(({ index, event }) => ({
        event,
        commandId: batch[index]!.commandId ?? null,
      }));
      rows = items.length ? await appendBatchAt(db, showId, logged + 1, items) : [];
    } catch (error) {
      if (error instanceof BatchRefused) return sequentially(batch);
      const refused = batchNotSaved(error);
      return batch.map(() => refused);
    }
    trace('write');
    const bySource = new Map(decided.accepted.map((a, k) => [a.index, rows[k]!]));
    if (rows.length && !stopped) {
      logged = applied = rows.at(-1)!.seq;
      rows.forEach((row) => orderResults.note(row));
      // The batch's snapshot was computed as replay computes it: the actor starts from it
      // (one restart, one view) instead of running every event through it a second time.
      // Also right when a deal timer fired meanwhile: the events were decided before it.
      if (rows.length === 1 && actor.getSnapshot() === snapshot)
        applyToActor(actor, rows[0]!.event);
      else restartFrom(decided.snapshot);
      trace('apply');
    }
    const results: DispatchResult[] = [];
    for (const [i, decision] of decided.decisions.entries()) {
      const row = bySource.get(i);
      if (row) results.push({ ok: true, event: row.event, seq: row.seq });
      else if ('sameAs' in decision) {
        const first = bySource.get(decision.sameAs)!;
        results.push({ ok: true, event: first.event, seq: first.seq, duplicate: true });
      } else if (!decision.ok) results.push(await answerRefusal(decision, batch[i]!.commandId));
    }
    return results;
  }

  async function sequentially(batch: Waiting[]): Promise<DispatchResult[]> {
    const results: DispatchResult[] = [];
    for (const w of batch) results.push(await handle(w.command, w.commandId).catch(runFailed));
    return results;
  }

  /** A refusal in a batch: a duplicate order is answered with the first one's result. */
  async function answerRefusal(
    decision: { ok: false; error: string; duplicate?: Duplicate },
    commandId: string | undefined,
  ): Promise<DispatchResult> {
    const first = decision.duplicate && orderResults.find(decision.duplicate);
    const same = commandId ? await findByCommandId(db, showId, commandId) : undefined;
    if (same) return { ok: true, event: same.event, seq: same.seq };
    if (first) return { ok: true, event: first.event, seq: first.seq, duplicate: true };
    remember(commandId, { ok: false, error: decision.error });
    return { ok: false, error: decision.error };
  }

  return {
    showId,
    dispatch(command, { commandId } = {}) {
      // One writer: commands are decided in arrival order, each against the snapshot its
      // predecessors left. Those that arrived while a write was in flight go as one batch.
      const result = new Promise<DispatchResult>((done) =>
        waiting.push({ command, commandId, done }),
      );
      if (waiting.length === 1) queue = queue.then(drain);
      return result;
    },
    getSnapshot: () => actor.getSnapshot(),
    logSeq: () => applied,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      stopped = true;
      subscription.unsubscribe();
      listeners.clear();
      actor.stop();
    },
  };
}
