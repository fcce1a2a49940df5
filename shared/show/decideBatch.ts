/**
 * A batch of commands decided one by one, as if each were applied before the next is
 * decided, without touching the live actor: the runner then writes every accepted event in
 * ONE IndexedDB transaction and applies them together (one commit and one view per batch
 * instead of one per order — the order door's throughput, issue 15 §2). Each decision sees the
 * snapshot its predecessors left, so a stock or a deal cap runs out mid-batch exactly as it
 * would one command at a time, and an order id seen earlier in the same batch is a duplicate.
 */
import { createActor } from 'xstate';
import { applyToActor } from './actor';
import { decide, type Decision, type ShowCommand } from './commands';
import { owning } from './owned';
import { showMachine } from './showMachine';
import { showState, type ShowClock, type ShowSnapshot } from './snapshot';
import type { ShowEvent } from './types';

/** The batch's actor never fires a timer: each decision settles it to its moment first. */
const noTimers: ShowClock = { setTimeout: () => 0, clearTimeout: () => {} };

export type BatchDecision =
  | Decision
  /** A duplicate of an order accepted earlier in this batch: answered with that one's result. */
  | { ok: false; error: string; sameAs: number };

export interface DecidedBatch {
  decisions: BatchDecision[];
  /** The accepted events, in order, with the index of the command each came from. */
  accepted: Array<{ index: number; event: ShowEvent }>;
  /** The snapshot after every accepted event, computed as replay computes it. */
  snapshot: ShowSnapshot;
}

/**
 * `now` is read per command; a decision is never timed before the snapshot it is decided on
 * (a wall clock stepped back must not log an event earlier than the ones before it).
 */
export function decideBatch(
  start: ShowSnapshot,
  commands: readonly ShowCommand[],
  now: () => number,
): DecidedBatch {
  const decisions: BatchDecision[] = [];
  const accepted: DecidedBatch['accepted'] = [];
  /** `sale:<orderId>` / `sale.cancel:<orderId>` → index of the command that recorded it. */
  const recorded = new Map<string, number>();
  // One private actor for the batch, inside `owning` (owned.ts), as replay does: XState's pure
  // `transition()` builds a throwaway actor per call (three per order: two settles and the
  // event), and outside `owning` every sale copies the growing sales list and order index —
  // what made the door's rate fall as the show's log grew. No intermediate snapshot leaves
  // this function; `start` (the live actor's) is only read: its lists are not owned here.
  const snapshot = owning(() => {
    const actor = createActor(showMachine, {
      snapshot: start,
      input: { sheet: start.context.sheet },
      clock: noTimers,
    });
    actor.subscribe({ error: () => {} });
    actor.start();
    commands.forEach((command, index) => {
      const at = Math.max(now(), actor.getSnapshot().context.now);
      // Settling only moves `now` and closes what a deadline closed (at its deadline), so a
      // refused command settling the batch's actor leaves what replay would rebuild.
      actor.send({ type: 'clock.sync', at });
      const decision = decide(showState(actor.getSnapshot()), command, at);
      if (decision.ok) {
        accepted.push({ index, event: decision.event });
        const key = orderKey(decision.event);
        if (key !== null && !recorded.has(key)) recorded.set(key, index);
        applyToActor(actor, decision.event);
        decisions.push(decision);
        return;
      }
      const same = decision.duplicate
        ? recorded.get(`${decision.duplicate.type}:${decision.duplicate.orderId}`)
        : undefined;
      decisions.push(
        same === undefined ? decision : { ok: false, error: decision.error, sameAs: same },
      );
    });
    const last = actor.getSnapshot();
    actor.stop();
    if (last.status === 'error') throw last.error;
    return last;
  });
  return { decisions, accepted, snapshot };
}

function orderKey(event: ShowEvent): string | null {
  if (event.type === 'sale' && event.orderId !== undefined) return `sale:${event.orderId}`;
  if (event.type === 'sale.cancel') return `sale.cancel:${event.orderId}`;
  return null;
}
