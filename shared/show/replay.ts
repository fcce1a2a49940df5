import { createActor } from 'xstate';
import type { RunSheet } from '../runsheet/schema';
import { applyToActor } from './actor';
import { owning } from './owned';
import { showMachine } from './showMachine';
import type { ShowClock, ShowSnapshot } from './snapshot';
import type { ShowEvent } from './types';

/** Replay's actor never fires a timer: `clock.sync` before each event settles every deadline. */
const noTimers: ShowClock = { setTimeout: () => 0, clearTimeout: () => {} };

/**
 * Rebuilds a show from its log. With `now`, deadlines up to now are settled too. Timed as
 * `flashcue:replay` (performance.measure: the reload benchmark reads it).
 *
 * The events go through a private actor exactly as through the live one (`applyToActor`), so
 * the result is the live show by construction, and it is cheap: one actor for the whole log
 * (XState's pure `transition()` builds a throwaway actor per call, twice per event), and
 * `owning` (owned.ts) lets the working context grow its lists in place, which keeps replay
 * linear in the log's length. No intermediate snapshot leaves this function, and the one
 * returned is never touched again.
 */
export function replay(sheet: RunSheet, events: Iterable<ShowEvent>, now?: number): ShowSnapshot {
  const start = performance.now();
  const rebuilt = owning(() => {
    const actor = createActor(showMachine, { input: { sheet }, clock: noTimers });
    // An action that throws stops the actor with an error: rethrown below, not reported twice.
    actor.subscribe({ error: () => {} });
    actor.start();
    for (const event of events) applyToActor(actor, event);
    if (now !== undefined) actor.send({ type: 'clock.sync', at: now });
    const snapshot = actor.getSnapshot();
    actor.stop();
    if (snapshot.status === 'error') throw snapshot.error;
    return snapshot;
  });
  performance.measure('flashcue:replay', { start });
  return rebuilt;
}
