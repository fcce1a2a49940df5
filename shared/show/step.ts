import { transition } from 'xstate';
import { settle } from './settle';
import { showMachine } from './showMachine';
import type { ShowSnapshot } from './snapshot';
import type { ShowEvent } from './types';

/** Applies an accepted event the way the live actor does: settle to its moment, then apply. */
export function step(snapshot: ShowSnapshot, event: ShowEvent): ShowSnapshot {
  return transition(showMachine, settle(snapshot, event.at), event)[0];
}
