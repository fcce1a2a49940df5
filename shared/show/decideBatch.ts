/**
 * A batch of commands decided one by one, as if each were applied before the next is
 * decided, without touching the live actor: the runner then writes every accepted event in
 * ONE IndexedDB transaction and applies them together (one commit and one view per batch
 * instead of one per order — the order door's throughput, issue 15 §2). Each decision sees the
 * snapshot its predecessors left, so a stock or a deal cap runs out mid-batch exactly as it
 * would one command at a time, and an order id seen earlier in the same batch is a duplicate.
 */
import type { Decision, ShowCommand } from './commands';
import { decideAt } from './decideAt';
import type { ShowSnapshot } from './snapshot';
import { step } from './step';
import type { ShowEvent } from './types';

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
  let snapshot = start;
  const decisions: BatchDecision[] = [];
  const accepted: DecidedBatch['accepted'] = [];
  /** `sale:<orderId>` / `sale.cancel:<orderId>` → index of the command that recorded it. */
  const recorded = new Map<string, number>();
  commands.forEach((command, index) => {
    const decision = decideAt(snapshot, command, Math.max(now(), snapshot.context.now));
    if (decision.ok) {
      accepted.push({ index, event: decision.event });
      const key = orderKey(decision.event);
      if (key !== null && !recorded.has(key)) recorded.set(key, index);
      snapshot = step(snapshot, decision.event);
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
  return { decisions, accepted, snapshot };
}

function orderKey(event: ShowEvent): string | null {
  if (event.type === 'sale' && event.orderId !== undefined) return `sale:${event.orderId}`;
  if (event.type === 'sale.cancel') return `sale.cancel:${event.orderId}`;
  return null;
}
