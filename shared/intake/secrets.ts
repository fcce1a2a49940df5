/** Constant-time comparisons for tokens and signatures (Node only). */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Hashing both sides first gives equal lengths, so neither the comparison nor an early
 * length check tells an attacker how much of a guess was right.
 */
export function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
