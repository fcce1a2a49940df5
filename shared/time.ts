/** Durations and clocks. Deadlines are absolute epoch milliseconds; remaining time is derived. */

export const SECOND = 1000;

/**
 * Runs `fn` once, `delayMs` from now, through `scheduler.postTask`: a delay Playwright's fake
 * clock does not hold, so paused-clock tests still see it run. False, and nothing queued, where
 * the platform has no `postTask` (Node, some browsers).
 */
export function postLater(fn: () => void, delayMs: number): boolean {
  const tasks = (
    globalThis as { scheduler?: { postTask?: (f: () => void, o: { delay: number }) => unknown } }
  ).scheduler;
  // postTask's promise (never rejected: nothing aborts it) when queued, else undefined.
  return !!tasks?.postTask?.(fn, { delay: delayMs });
}

/** m:ss or h:mm:ss, rounding up so a countdown shows 0:01 until the very last instant. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / SECOND));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Signed clock for slot timers: overtime shows as +m:ss. */
export function formatSigned(ms: number): string {
  return ms < 0 ? `+${formatCountdown(-ms)}` : formatCountdown(ms);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Maps "remaining ms at send time" onto this machine's monotonic clock, so two machines whose
 * wall clocks disagree still show the same countdown.
 */
export function localDeadline(remainingMs: number, receivedAt: number): number {
  return receivedAt + remainingMs;
}
