/**
 * The small checkers messageCheck.ts builds its message checks from: each mirrors one zod rule
 * (same verdict, same output, unknown keys stripped), without zod's weight on overlay pages.
 */
export const NO: unique symbol = Symbol('invalid');
export type Check<T> = (value: unknown) => T | typeof NO;
export type Out<C> = C extends Check<infer T> ? T : never;

const number =
  (min: number): Check<number> =>
  (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? v : NO;
/** z.int(): a safe integer. */
export const int = number(-Infinity);
/** z.int() + z.nonnegative(). */
export const nonneg = number(0);
/** At most `max` code points, as zod 4 counts (an emoji is one, a lone surrogate one). */
function fits(s: string, max: number): boolean {
  if (s.length <= max) return true;
  if (s.length > 2 * max) return false;
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n <= max;
}
export const text =
  (max: number, pattern?: RegExp): Check<string> =>
  (v) =>
    typeof v === 'string' && fits(v, max) && (!pattern || pattern.test(v)) ? v : NO;
export const oneOf =
  <const T extends readonly unknown[]>(...values: T): Check<T[number]> =>
  (v) =>
    values.includes(v) ? v : NO;
export const bool = oneOf(true, false);
export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v) =>
    v === null ? null : check(v);
/** Absent stays absent; a present `undefined` is kept, as zod does. */
export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v) =>
    v === undefined ? undefined : check(v);
export const list =
  <T>(item: Check<T>, max: number): Check<T[]> =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return NO;
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i]);
      if (r === NO) return NO;
      out.push(r);
    }
    return out;
  };

type Shape = Record<string, Check<unknown>>;
type Obj<S extends Shape> = {
  [K in keyof S as undefined extends Out<S[K]> ? never : K]: Out<S[K]>;
} & {
  [K in keyof S as undefined extends Out<S[K]> ? K : never]?: Out<S[K]>;
};
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fresh object with the shape's keys only (like zod, which strips unknown keys). */
export const object =
  <S extends Shape>(shape: S): Check<Obj<S>> =>
  (v) => {
    if (!isObject(v)) return NO;
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const r = shape[key]!(v[key]);
      if (r === NO) return NO;
      // Only `optional` answers undefined: an absent optional key stays absent.
      if (r !== undefined || key in v) out[key] = r;
    }
    return out as Obj<S>;
  };
