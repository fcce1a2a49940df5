/**
 * The single writer's decision step, in one place for everything that decides commands one
 * at a time (the controller's show runner, the tests' show driver): validate the command,
 * then decide it against the snapshot settled to its moment. The moment is the clock's, but
 * never earlier than the snapshot's own: a wall clock stepped back (NTP) must not log an
 * event before the ones already logged.
 */
import { trace } from '../perf/trace';
import type { LocatedError } from '../validation';
import { parseCommand, type Decision, type ShowCommand } from './commands';
import { decideAt } from './decideAt';
import type { ShowSnapshot } from './snapshot';

export type CommandDecision =
  | { valid: false; errors: LocatedError[] }
  | { valid: true; command: ShowCommand; decision: Decision };

export function decideCommand(
  snapshot: ShowSnapshot,
  command: unknown,
  now: number,
): CommandDecision {
  const parsed = parseCommand(command);
  trace('parse');
  if (!parsed.ok) return { valid: false, errors: parsed.errors };
  const at = Math.max(now, snapshot.context.now);
  return { valid: true, command: parsed.value, decision: decideAt(snapshot, parsed.value, at) };
}
