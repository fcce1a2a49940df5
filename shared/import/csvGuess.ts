/** Small helpers of the CSV product reader (kept apart so the reader stays one screenful). */
import type { LocatedError } from '../validation';
import type { Field } from './csvColumns';
import type { DecimalGuess } from './decimal';

export function optional<K extends string, V>(
  key: K,
  value: V | undefined | '',
): Partial<Record<K, V>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

export type Guesses = Map<
  Field,
  { path: string; message: string; guess: DecimalGuess | undefined; more: number }
>;

/** One warning per column for guessed separators, not one per cell. */
export function noteGuess(
  guesses: Guesses,
  field: Field,
  path: string,
  message: string,
  guess?: DecimalGuess,
) {
  const seen = guesses.get(field);
  if (seen) seen.more++;
  else guesses.set(field, { path, message, guess, more: 0 });
}

/**
 * The warnings, each with its code (controller message `imp_dec_guess_<as>`) and values: the
 * cell as written, how it was read, the separator, and how many more cells were read so.
 */
export function guessWarnings(guesses: Guesses): LocatedError[] {
  return [...guesses.values()].map((g) => ({
    path: g.path,
    message: `${g.message}${g.more ? ` (and ${g.more} more cells like it)` : ''}: write it without a separator, or with decimals (1,299.00), to be sure`,
    ...(g.guess
      ? {
          code: `dec_guess_${g.guess.as}`,
          params: { text: g.guess.text, read: g.guess.read, sep: g.guess.sep, more: g.more },
        }
      : {}),
  }));
}
