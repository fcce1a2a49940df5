/** The show's snapshot and actor types, and the reads every writer and view share. */
import { initialTransition, type Actor, type SnapshotFrom } from 'xstate';
import type { RunSheet } from '../runsheet/schema';
import type { ShowState } from './commands';
import { showMachine } from './showMachine';

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

export function initialSnapshot(sheet: RunSheet): ShowSnapshot {
  return initialTransition(showMachine, { sheet })[0];
}
