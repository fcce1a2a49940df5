/**
 * A problem the `npm start` server reports to the Integrations screen, as a code with its
 * values beside the English sentence (`lastError`, kept for the logs and older pages): the
 * controller words the code in the producer's language when it shows it (intakeWords.ts), so
 * the server never needs to know that language. Located schema problems travel as
 * `path<i>` / `message<i>` pairs with their count `n` (the paths are the platform's fields).
 */
import { z } from 'zod';
import type { LocatedError } from '../validation.js';

export type ProblemParams = Record<string, string | number>;

export interface IntakeProblem {
  code: string;
  params: ProblemParams;
}

/** The wire form, checked by the page like any answer of the server. */
export const IntakeProblemSchema = z.object({
  code: z.string().max(64),
  params: z.record(z.string().max(64), z.union([z.string().max(2000), z.number()])),
});

/** An error thrown with its problem, so a catch far away keeps the code. */
export class ProblemError extends Error {
  constructor(
    message: string,
    readonly problem: IntakeProblem,
  ) {
    super(message);
  }
}

/** A caught error's problem: its own, or `failed` with the error's words (Node's or the network's). */
export function problemOf(error: unknown): IntakeProblem {
  if (error instanceof ProblemError) return error.problem;
  return {
    code: 'failed',
    params: { reason: error instanceof Error ? error.message : String(error) },
  };
}

/** The first `limit` located problems as flat values: `n`, `path0`, `message0`, …, `more`. */
export function issueParams(errors: LocatedError[], limit = 5): ProblemParams {
  const shown = errors.slice(0, limit);
  const params: ProblemParams = { n: shown.length, more: errors.length - shown.length };
  shown.forEach((e, i) => {
    params[`path${i}`] = e.path;
    params[`message${i}`] = e.message;
  });
  return params;
}
