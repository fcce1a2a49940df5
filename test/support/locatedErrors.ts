// Importers' and validators' errors (shared/validation.ts LocatedError) carry the English
// sentence and its place, and may carry a code + params for the controller to say them in
// another language. Tests that name only `{ path, message }` check the sentence and the place —
// the contract the English answers keep — so an error's extra code/params do not fail them;
// a test that names a code checks it as usual.
import { expect } from 'vitest';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sentenceOnly = (v: Record<string, unknown>): boolean =>
  Object.keys(v).length === 2 && 'path' in v && 'message' in v;

const located = (v: Record<string, unknown>): boolean =>
  'path' in v &&
  'message' in v &&
  Object.keys(v).every((k) => k === 'path' || k === 'message' || k === 'code' || k === 'params');

// The unit project shares one process between test files (isolate: false, vite.config.ts):
// this file runs before each of them, and expect's equality testers live as long as the
// process. Added once: one more copy per file would make every toEqual slower and slower.
const added = Symbol.for('flashcue.locatedErrorTester');
const processWide = globalThis as { [added]?: true };
if (!processWide[added]) {
  processWide[added] = true;
  addTester();
}

function addTester(): void {
  expect.addEqualityTesters([
    function locatedError(this: { equals: (a: unknown, b: unknown) => boolean }, a, b) {
      if (!isObject(a) || !isObject(b)) return undefined;
      const [received, expected] = sentenceOnly(b) ? [a, b] : sentenceOnly(a) ? [b, a] : [];
      if (!received || !expected || !located(received)) return undefined;
      return (
        this.equals(received.path, expected.path) && this.equals(received.message, expected.message)
      );
    },
  ]);
}
