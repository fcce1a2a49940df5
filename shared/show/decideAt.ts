import { decide, type Decision, type ShowCommand } from './commands';
import { settle } from './settle';
import { showState, type ShowSnapshot } from './snapshot';

/** Decides a command against a snapshot settled to `at` (so an expired deal is not "running"). */
export function decideAt(snapshot: ShowSnapshot, command: ShowCommand, at: number): Decision {
  return decide(showState(settle(snapshot, at)), command, at);
}
