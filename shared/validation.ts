/** Located errors: what went wrong and exactly where, in words a producer can act on. */
import type { z } from 'zod';

export interface LocatedError {
  /** Where: `products[2].livePrice`, `line 14, column 3`, `row 7, column "price"`. */
  path: string;
  message: string;
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
