/** The runner's refusals and storage failures as sentences a person can act on. */
import type { LocatedError } from '../../shared/validation';

/** Located errors as one sentence: "Not a valid command: seconds must be at least 1 second." */
export function describeCommandErrors(errors: LocatedError[]): string {
  const parts = errors.map(({ path, message }) => {
    if (path !== '(top level)') return `${path} ${message}`;
    return message.startsWith('is ') ? `it ${message}` : message;
  });
  return `Not a valid command: ${parts.join('; ')}.`;
}

/** The innermost message of a storage error, without a trailing full stop. */
export function reason(error: unknown): string {
  const inner = (error as { inner?: unknown } | null)?.inner;
  const source = inner instanceof Error ? inner : error;
  const text = source instanceof Error ? source.message || source.name : String(error);
  return text.trim().replace(/\.+$/, '') || 'unknown error';
}
