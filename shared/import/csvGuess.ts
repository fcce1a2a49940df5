/** Small helpers of the CSV product reader (kept apart so the reader stays one screenful). */
import type { Field } from './csvColumns';

export function optional<K extends string, V>(
  key: K,
  value: V | undefined | '',
): Partial<Record<K, V>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

/** One warning per column for guessed separators, not one per cell. */
export function noteGuess(
  guesses: Map<Field, { path: string; message: string; more: number }>,
  field: Field,
  path: string,
  message: string,
) {
  const seen = guesses.get(field);
  if (seen) seen.more++;
  else guesses.set(field, { path, message, more: 0 });
}
