import { transition } from 'xstate';
import { showMachine } from './showMachine';
import type { ShowSnapshot } from './snapshot';

/** A snapshot brought up to `at` without side effects: deadlines that passed are settled. */
export function settle(snapshot: ShowSnapshot, at: number): ShowSnapshot {
  return transition(showMachine, snapshot, { type: 'clock.sync', at })[0];
}
