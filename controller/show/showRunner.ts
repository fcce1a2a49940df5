/**
 * The show runner: the single writer of one show. It owns the live actor and turns commands
 * into logged events: parse → decide against the settled snapshot → append to the log →
 * apply. The write comes before the apply so the actor never holds anything a reload would
 * lose. Framework-free: the Svelte bridge subscribes to it.
 */
import {
  applyToActor,
  decideAt,
  parseCommand,
  replay,
  startShowActor,
  step,
  type ShowActor,
  type ShowClock,
  type ShowEvent,
  type ShowSnapshot,
} from '../../shared/show';
import type { LocatedError } from '../../shared/validation';
import { trace } from '../../shared/perf/trace';
import type { FlashcueDb } from '../db/db';
import { appendAt } from '../db/appendAt';
import { findByCommandId, getShow, loadEvents, UnknownShowError } from '../db/eventLog';
import { createOrderResults } from './orderResults';
import type { Refusal } from '../../shared/show/refusal';

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
      return {
        ok: false,
        error: 'This show is no longer open here: reload the controller to continue.',
      };
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
    const parsed = parseCommand(command);
    trace('parse');
    if (!parsed.ok) {
      return refuse({ ok: false, error: describeCommandErrors(parsed.errors) });
    }
    // A wall clock stepped back (NTP) must not log an event earlier than the ones before it.
    const snapshot = actor.getSnapshot();
    const at = Math.max(clock(), snapshot.context.now);
    const decision = decideAt(snapshot, parsed.value, at);
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
      return {
        ok: false,
        error: `Could not save ${decision.event.type} to the show log: ${reason(error)}. Nothing was recorded.`,
      };
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

  return {
    showId,
    dispatch(command, { commandId } = {}) {
      // One at a time: each command is decided against the snapshot its predecessor left.
      const result = queue.then(() => handle(command, commandId));
      queue = result.catch(() => undefined);
      return result.catch((error: unknown) => ({
        ok: false as const,
        error: `Could not run the command: ${reason(error)}.`,
      }));
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

/** Located errors as one sentence: "Not a valid command: seconds must be at least 1 second." */
export function describeCommandErrors(errors: LocatedError[]): string {
  const parts = errors.map(({ path, message }) => {
    if (path !== '(top level)') return `${path} ${message}`;
    return message.startsWith('is ') ? `it ${message}` : message;
  });
  return `Not a valid command: ${parts.join('; ')}.`;
}

/** The innermost message of a storage error, without a trailing full stop. */
function reason(error: unknown): string {
  const inner = (error as { inner?: unknown } | null)?.inner;
  const source = inner instanceof Error ? inner : error;
  const text = source instanceof Error ? source.message || source.name : String(error);
  return text.trim().replace(/\.+$/, '') || 'unknown error';
}
