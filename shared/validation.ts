/** Located errors: what went wrong and exactly where, in words a producer can act on. */
import type { z } from 'zod';

export interface LocatedError {
  /** Where: `products[2].livePrice`, `line 14, column 3`, `row 7, column "price"`. */
  path: string;
  /** The English sentence (exports, the command API, the tests' wording). */
  message: string;
  /**
   * The sentence's code (controller message `imp_<code>`) and its values, so the controller
   * can say it in the producer's language. Absent: the English sentence is all there is.
   */
  code?: string;
  params?: Record<string, string | number>;
}

export type ErrorParams = Record<string, string | number>;

/** A located error with its code: `located('row 3', 'is empty', 'row_empty')`. */
export function located(
  path: string,
  message: string,
  code?: string,
  params?: ErrorParams,
): LocatedError {
  return { path, message, ...(code ? { code } : {}), ...(params ? { params } : {}) };
}

/**
 * Schema sentences with a code: a schema writes `{ error: coded('text', 'must be text') }`
 * and every issue zod reports with that sentence carries the code. One table, filled where
 * the sentences are written, so a sentence and its code cannot drift apart.
 */
const CODES = new Map<string, string>();

export function coded(code: string, message: string): string {
  CODES.set(message, code);
  return message;
}

/** Values a refinement attached to its issue (`params: { code, id }`), as message params. */
export function issueCode(issue: z.core.$ZodIssue): Pick<LocatedError, 'code' | 'params'> {
  const raw = issue.code === 'custom' ? issue.params : undefined;
  if (raw && typeof raw.code === 'string') {
    const params: ErrorParams = {};
    for (const [k, v] of Object.entries(raw))
      if (k !== 'code' && (typeof v === 'string' || typeof v === 'number')) params[k] = v;
    return { code: raw.code, params };
  }
  const code = CODES.get(issue.message);
  if (!code) return {};
  // A bound written into the sentence ("at most 80 characters") travels as a value.
  const max = issue.code === 'too_big' ? Number(issue.maximum) : NaN;
  return Number.isFinite(max) ? { code, params: { max } } : { code };
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: LocatedError[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

export function zodErrors(
  error: z.ZodError,
  prefix: ReadonlyArray<PropertyKey> = [],
): LocatedError[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message,
    ...issueCode(issue),
  }));
}

/** Runs a schema and never throws: a value, or the list of located errors. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: zodErrors(parsed.error) };
}

export function describeErrors(errors: LocatedError[], limit = 20): string {
  const lines = errors.slice(0, limit).map((e) => `${e.path}: ${e.message}`);
  if (errors.length > limit) lines.push(`…and ${errors.length - limit} more`);
  return lines.join('\n');
}
