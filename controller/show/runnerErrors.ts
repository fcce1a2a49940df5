/** The runner's refusals and storage failures as sentences a person can act on. */
import type { LocatedError } from '../../shared/validation';
import { refusal, type Refusal, type RefusalParams } from '../../shared/show/refusal';

/** Located errors as one sentence: "Not a valid command: seconds must be at least 1 second." */
export function describeCommandErrors(errors: LocatedError[]): string {
  const parts = errors.map(({ path, message }) => {
    if (path !== '(top level)') return `${path} ${message}`;
    return message.startsWith('is ') ? `it ${message}` : message;
  });
  return `Not a valid command: ${parts.join('; ')}.`;
}

/** The most problems a refusal names (a flood of bad fields is not read to the end anyway). */
const MAX_PROBLEMS = 10;

/**
 * A malformed command's refusal: the English sentence as before, and each located problem as
 * data (`path0`, `message0`, …) so the controller can say it in its own language.
 */
export function commandRefusal(errors: LocatedError[]): Refusal {
  const shown = errors.slice(0, MAX_PROBLEMS);
  const params: RefusalParams = { n: shown.length };
  shown.forEach(({ path, message }, i) => {
    params[`path${i}`] = path;
    params[`message${i}`] = message;
  });
  return refusal(describeCommandErrors(errors), 'invalid_command', params);
}

/** The innermost message of a storage error, without a trailing full stop. */
export function reason(error: unknown): string {
  const inner = (error as { inner?: unknown } | null)?.inner;
  const source = inner instanceof Error ? inner : error;
  const text = source instanceof Error ? source.message || source.name : String(error);
  return text.trim().replace(/\.+$/, '') || 'unknown error';
}

/** The log refused the write (storage full, the database closed): nothing recorded, re-send later. */
export function notSaved(event: string, error: unknown): Refusal {
  const why = reason(error);
  return refusal(
    `Could not save ${event} to the show log: ${why}. Nothing was recorded.`,
    'store_not_saved',
    { event, reason: why },
  );
}

/** A batch of commands the log refused as a whole: each one is answered with this. */
export function batchNotSaved(error: unknown): Refusal {
  const why = reason(error);
  return refusal(
    `Could not save the batch to the show log: ${why}. Nothing was recorded.`,
    'store_batch_not_saved',
    { reason: why },
  );
}

/** The runner itself failed on a command (a bug or the storage gone): said, never thrown. */
export function runFailed(error: unknown): Refusal {
  const why = reason(error);
  return refusal(`Could not run the command: ${why}.`, 'store_run_failed', { reason: why });
}

/** The command server caught a throw from a command's handler (the ack still goes out). */
export const commandThrew = (error: unknown): Refusal => {
  const why = error instanceof Error ? error.message : String(error);
  return refusal(`The command could not be run: ${why}.`, 'command_threw', { reason: why });
};
