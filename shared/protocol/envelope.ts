/**
 * The envelope every Flashcue message carries. Apart from messages.ts so a page can tell our
 * traffic from other apps' without loading zod.
 */
export const APP = 'flashcue';
export const PROTOCOL_VERSION = 1;

/** Cheap pre-check: is this even addressed to us? Other apps' traffic is ignored, not parsed. */
export function isFlashcueEnvelope(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { app?: unknown }).app === APP;
}
