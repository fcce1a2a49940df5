/**
 * The show's runtime surface: snapshots, replay and the one accept-then-apply step that every
 * writer (the controller's clicks, the command API, replay after a reload) goes through.
 */
import { createActor, initialTransition, transition, type Actor, type SnapshotFrom } from 'xstate';
import type { RunSheet } from '../runsheet/schema';
import { decide, type Decision, type ShowCommand, type ShowState } from './commands';
import { owning } from './owned';
import { showMachine } from './showMachine';
import type { ShowEvent } from './types';

export * from './types';
export * from './commands';
export * from './derive';
export * from './orders';
export * from './onAir';
export { showMachine } from './showMachine';

/** XState's scheduler clock (real timers, or SimulatedClock in tests). */
export interface ShowClock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
  now?: () => number;
}

export type ShowSnapshot = SnapshotFrom<typeof showMachine>;
export type ShowActor = Actor<typeof showMachine>;

export function showState(snapshot: ShowSnapshot): ShowState {
  const phase = snapshot.matches('live') ? 'live' : snapshot.matches('ended') ? 'ended' : 'ready';
  return {
    phase,
    paused: snapshot.matches({ live: { segment: 'paused' } }),
    context: snapshot.context,
  };
}

export function lowerThirdShown(snapshot: ShowSnapshot): boolean {
  return snapshot.matches({ live: { lowerThird: 'shown' } });
}

/** A snapshot brought up to `at` without side effects: deadlines that passed are settled. */
export function settle(snapshot: ShowSnapshot, at: number): ShowSnapshot {
  return transition(showMachine, snapshot, { type: 'clock.sync', at })[0];
}

/** Applies an accepted event the way the live actor does: settle to its moment, then apply. */
export function step(snapshot: ShowSnapshot, event: ShowEvent): ShowSnapshot {
  return transition(showMachine, settle(snapshot, event.at), event)[0];
}

export function initialSnapshot(sheet: RunSheet): ShowSnapshot {
  return initialTransition(showMachine, { sheet })[0];
}

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

/** Decides a command against a snapshot settled to `at` (so an expired deal is not "running"). */
export function decideAt(snapshot: ShowSnapshot, command: ShowCommand, at: number): Decision {
  return decide(showState(settle(snapshot, at)), command, at);
}

/**
 * Starts a live actor from a snapshot (fresh or replayed) and re-arms its timers from the
 * deadlines in context: XState does not restore delayed transitions by itself.
 */
export function startShowActor(
  snapshot: ShowSnapshot,
  options: { clock?: ShowClock; now?: () => number } = {},
): ShowActor {
  const actor = createActor(showMachine, {
    snapshot,
    input: { sheet: snapshot.context.sheet },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  actor.start();
  const clock = options.clock;
  const now = options.now ?? (clock?.now ? () => clock.now!() : Date.now);
  actor.send({ type: 'clock.sync', at: now() });
  return actor;
}

/** Settles the live actor to the event's moment, then applies the event. */
export function applyToActor(actor: ShowActor, event: ShowEvent): void {
  actor.send({ type: 'clock.sync', at: event.at });
  actor.send(event);
}
