/**
 * Drives a live show actor on a SimulatedClock exactly as the controller's show runner does,
 * with the runner's own steps: decideCommand (validate, decide against the settled snapshot),
 * log, applyToActor. Only the IndexedDB write is left out. Returns the decision so tests can
 * read refusals.
 */
import { SimulatedClock } from 'xstate';
import type { RunSheet } from '../../shared/runsheet';
import {
  applyToActor,
  decideCommand,
  initialSnapshot,
  startShowActor,
  type Decision,
  type ShowCommandInput,
  type ShowEvent,
} from '../../shared/show';
import { selectOverlayView } from '../../shared/view/overlayView';
import { makeSheet } from './sheets';

export const T0 = Date.UTC(2026, 2, 15, 19, 0, 0);

export function drive(sheet: RunSheet = makeSheet()) {
  const clock = new SimulatedClock();
  clock.set(T0);
  const actor = startShowActor(initialSnapshot(sheet), { clock });
  const log: ShowEvent[] = [];
  const run = (command: ShowCommandInput): Decision => {
    const decided = decideCommand(actor.getSnapshot(), command, clock.now());
    if (!decided.valid) throw new Error(`bad command in test: ${JSON.stringify(decided.errors)}`);
    const { decision } = decided;
    if (decision.ok) {
      log.push(decision.event);
      applyToActor(actor, decision.event);
    }
    return decision;
  };
  const ok = (command: ShowCommandInput) => {
    const decision = run(command);
    if (!decision.ok) throw new Error(`refused: ${decision.error}`);
    return decision.event;
  };
  return {
    sheet,
    clock,
    actor,
    log,
    run,
    ok,
    advance: (ms: number) => clock.increment(ms),
    now: () => clock.now(),
    snapshot: () => actor.getSnapshot(),
    ctx: () => actor.getSnapshot().context,
    view: () => selectOverlayView(actor.getSnapshot(), clock.now()),
  };
}
