/**
 * The health record laid on the show's own time axis (issue 19), so the report can draw it
 * under the viewer curve: one cell per recorded minute, placed at its milliseconds since the
 * show's start and judged by the Live pill's thresholds (shared/obs/health.ts) — a minute with
 * trouble is drawn where the viewers saw it. Pure: the controller turns cells into pixels.
 */
import { THRESHOLDS, type HealthLevel } from './health';
import { droppedShare, MINUTE_MS, type HealthMinute } from './healthRecord';

export interface HealthCell {
  /** The minute's start, epoch ms (its key in the record). */
  minute: number;
  /** Where it lies on the show's axis, ms since the start, clipped to the show. */
  from: number;
  to: number;
  /** 'off': OBS neither streamed nor recorded in that minute. */
  level: HealthLevel;
  /** Shares 0–1 of frames dropped on the way to the platform, and not rendered in time. */
  dropped: number;
  skipped: number;
  congestion: number;
  reconnecting: boolean;
}

const skippedShare = (row: HealthMinute) =>
  row.renderFrames > 0 ? row.renderSkipped / row.renderFrames : 0;

/** A minute judged as the Live pill judges its window: the worst problem sets the level. */
export function minuteLevel(row: HealthMinute): HealthLevel {
  const t = THRESHOLDS;
  const dropped = droppedShare(row);
  const skipped = skippedShare(row);
  if (
    (row.streaming && row.reconnecting) ||
    dropped >= t.dropBad ||
    row.congestion >= t.congestionBad ||
    skipped >= t.renderSkipBad
  )
    return 'bad';
  if (dropped >= t.dropWarn || row.congestion >= t.congestionWarn || skipped >= t.renderSkipWarn)
    return 'warn';
  return row.streaming || row.recording ? 'good' : 'off';
}

/**
 * The record's minutes on the show's axis, oldest first. Minutes are wall-clock minutes, so the
 * first and last usually stick out past the start and the end: they are clipped, and a minute
 * wholly outside the show (a clock set wrong, a foreign file) is left out.
 */
export function healthStrip(
  minutes: readonly HealthMinute[],
  startedAt: number | null,
  endMs: number,
): HealthCell[] {
  if (startedAt === null || endMs <= 0) return [];
  return [...minutes]
    .sort((a, b) => a.minute - b.minute)
    .map((row) => ({
      minute: row.minute,
      from: Math.max(0, row.minute - startedAt),
      to: Math.min(endMs, row.minute + MINUTE_MS - startedAt),
      level: minuteLevel(row),
      dropped: droppedShare(row),
      skipped: skippedShare(row),
      congestion: row.congestion,
      reconnecting: row.streaming && row.reconnecting,
    }))
    .filter((cell) => cell.to > cell.from);
}
