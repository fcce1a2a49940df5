/**
 * Countdown arithmetic on this machine's monotonic clock. A view says "remainingMs at the
 * moment it was sent"; the page maps that onto performance.now() at `receivedAt` and from
 * then on only needs to wake when the displayed second changes — never per frame.
 */
import { SECOND, formatCountdown, formatSigned, localDeadline } from '../../shared/time';

export interface ClockSource {
  remainingMs: number;
  /** performance.now() when the view arrived. */
  receivedAt: number;
  /** False while frozen (paused deal, paused slot): the value then stands still. */
  running: boolean;
  /** Keeps counting past zero, shown as +m:ss overtime (slot timers). */
  signed: boolean;
}

/** Remaining time at `now`, from the local deadline the source implies. */
export function remainingAt(source: ClockSource, now: number): number {
  if (!source.running) return source.remainingMs;
  const left = localDeadline(source.remainingMs, source.receivedAt) - now;
  return source.signed ? left : Math.max(0, left);
}

/**
 * The whole second on display: formatCountdown rounds up (0:01 until the last instant),
 * formatSigned shows overtime as +ceil(|ms|). Both change value at the same instants
 * this key does.
 */
export function secondKey(ms: number): number {
  return ms >= 0 ? Math.ceil(ms / SECOND) : Math.floor(ms / SECOND);
}

/**
 * Milliseconds from a moment with `ms` remaining until the display changes, or null when it
 * never will (an unsigned clock at zero). Counting down, 0:42 turns into 0:41 exactly when
 * 41 000 ms remain; in overtime +0:01 turns into +0:02 just after −1 000 ms.
 */
export function msUntilFlip(ms: number, signed: boolean): number | null {
  if (ms > 0) return ms - (Math.ceil(ms / SECOND) - 1) * SECOND;
  if (!signed) return null;
  // Overtime: the value changes as soon as `ms` passes below the next multiple.
  return ms - Math.floor(ms / SECOND) * SECOND + 1;
}

/**
 * Heartbeats reach the page a few ms late, each by a different amount, and every one implies a
 * slightly later deadline than the true one: following each would make the digit flip late
 * by that heartbeat's delay. The earliest implied deadline is the nearest to the truth, so it
 * is kept while later heartbeats agree with it within this much. A deadline that moved by
 * more (a deal extended, another segment, a controller with a different clock reading) is real.
 */
export const DEADLINE_SLACK_MS = 250;

/** The source to count from when `next` arrives while `kept` is on screen. */
export function steadySource(
  kept: ClockSource | null,
  next: ClockSource | null,
): ClockSource | null {
  if (!kept || !next || !kept.running || !next.running || kept.signed !== next.signed) return next;
  const later =
    localDeadline(next.remainingMs, next.receivedAt) -
    localDeadline(kept.remainingMs, kept.receivedAt);
  return later >= 0 && later <= DEADLINE_SLACK_MS ? kept : next;
}

/** What the source reads at `now`, and when it next changes (null: it will not by itself). */
export function clockAt(
  source: ClockSource | null,
  now: number,
): { value: number | null; nextAt: number | null } {
  if (!source) return { value: null, nextAt: null };
  const value = remainingAt(source, now);
  if (!source.running) return { value, nextAt: null };
  const wait = msUntilFlip(value, source.signed);
  return { value, nextAt: wait === null ? null : now + wait };
}

export function clockText(ms: number, signed: boolean): string {
  return signed ? formatSigned(ms) : formatCountdown(ms);
}

/** Urgent from the moment the display reads `seconds` (e.g. 0:10) until it reads 0:00. */
export function isUrgent(ms: number, seconds: number): boolean {
  return ms > 0 && secondKey(ms) <= seconds;
}
