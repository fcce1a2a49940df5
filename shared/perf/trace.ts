/**
 * Stage stamps for `npm run bench`'s command-path breakdown (test/bench/7-command-path): a
 * no-op — one property read — unless the bench's probe put `__flashcueTrace` on the page.
 * Kept in the product so the breakdown times the real code, not a copy of it.
 */
type Tracer = (stage: string) => void;

export function trace(stage: string): void {
  (globalThis as { __flashcueTrace?: Tracer }).__flashcueTrace?.(stage);
}
