/**
 * The show's per-minute health record (issue 19): OBS's running totals, read once a second by
 * the health poller, folded into one row per wall-clock minute — frames sent and dropped,
 * frames rendered and skipped, the worst congestion, whether OBS reconnected. Pure: the
 * controller keeps the rows (Dexie), the report reads them under the viewer curve.
 */
import type { HealthSample } from './health';

export const MINUTE_MS = 60_000;

export interface HealthMinute {
  showId: string;
  /** Epoch ms of the minute's start (wall clock, on the show's axis). */
  minute: number;
  /** Frames the stream output sent in the minute, and how many of them it dropped. */
  frames: number;
  dropped: number;
  /** Frames OBS rendered, and how many it could not render in time. */
  renderFrames: number;
  renderSkipped: number;
  /** The worst congestion read in the minute (0–1). */
  congestion: number;
  reconnecting: boolean;
  streaming: boolean;
  recording: boolean;
}

export const minuteOf = (at: number) => Math.floor(at / MINUTE_MS) * MINUTE_MS;

/** The difference of a running total between two reads; a counter that went down restarted. */
const delta = (before: number, after: number) => (after >= before ? after - before : after);

/**
 * Folds one sample into its minute's row. `previous` is the sample before it (null for the
 * first after a (re)connect: nothing can be counted from it). `at` is the wall-clock time.
 */
export function foldSample(
  row: HealthMinute | null,
  showId: string,
  previous: HealthSample | null,
  sample: HealthSample,
  at: number,
): HealthMinute {
  const minute = minuteOf(at);
  const base: HealthMinute =
    row && row.minute === minute && row.showId === showId
      ? row
      : {
          showId,
          minute,
          frames: 0,
          dropped: 0,
          renderFrames: 0,
          renderSkipped: 0,
          congestion: 0,
          reconnecting: false,
          streaming: false,
          recording: false,
        };
  const s = sample.stream;
  const streaming = s.outputActive;
  const counted = previous !== null;
  const p = previous;
  return {
    ...base,
    frames:
      base.frames +
      (counted && streaming ? delta(p!.stream.outputTotalFrames, s.outputTotalFrames) : 0),
    dropped:
      base.dropped +
      (counted && streaming ? delta(p!.stream.outputSkippedFrames, s.outputSkippedFrames) : 0),
    renderFrames:
      base.renderFrames +
      (counted ? delta(p!.stats.renderTotalFrames, sample.stats.renderTotalFrames) : 0),
    renderSkipped:
      base.renderSkipped +
      (counted ? delta(p!.stats.renderSkippedFrames, sample.stats.renderSkippedFrames) : 0),
    congestion: Math.max(base.congestion, streaming ? s.outputCongestion : 0),
    reconnecting: base.reconnecting || (streaming && s.outputReconnecting),
    streaming: base.streaming || streaming,
    recording: base.recording || sample.record.outputActive,
  };
}

/**
 * Two records of one minute added together: what a restarted recorder (a reload, a new link to
 * OBS) counted on top of what was already stored for that minute, so neither part is lost.
 */
export function mergeMinutes(stored: HealthMinute, fresh: HealthMinute): HealthMinute {
  return {
    ...fresh,
    frames: stored.frames + fresh.frames,
    dropped: stored.dropped + fresh.dropped,
    renderFrames: stored.renderFrames + fresh.renderFrames,
    renderSkipped: stored.renderSkipped + fresh.renderSkipped,
    congestion: Math.max(stored.congestion, fresh.congestion),
    reconnecting: stored.reconnecting || fresh.reconnecting,
    streaming: stored.streaming || fresh.streaming,
    recording: stored.recording || fresh.recording,
  };
}

export const droppedShare = (row: HealthMinute) => (row.frames > 0 ? row.dropped / row.frames : 0);

/** A viewer fall the health record may explain: the report's sentence, as data. */
export interface HealthNote {
  /** ms since the show's start of the sample after the fall. */
  t: number;
  from: number;
  to: number;
  /** Share of frames dropped in the worst minute around the fall (0–1). */
  dropped: number;
  congestion: number;
  reconnecting: boolean;
}

/** A fall of at least this share between two viewer samples is worth a sentence. */
const FALL = 0.1;
/** Below these, the stream looked fine: the fall is not put down to it. */
const DROP_NOTE = 0.01;
const CONGESTION_NOTE = 0.25;

/**
 * "viewers fell at 41:00 — 12 % frames dropped": each fall of the viewer curve that comes in
 * (or a minute after) a minute the stream was in trouble.
 */
export function healthNotes(
  viewers: ReadonlyArray<{ t: number; at: number; concurrent: number }>,
  minutes: readonly HealthMinute[],
): HealthNote[] {
  const byMinute = new Map(minutes.map((m) => [m.minute, m]));
  const notes: HealthNote[] = [];
  for (let i = 1; i < viewers.length; i++) {
    const [a, b] = [viewers[i - 1]!, viewers[i]!];
    if (a.concurrent <= 0 || b.concurrent > a.concurrent * (1 - FALL)) continue;
    // The minutes from the sample before the fall to the one after it, and the minute before.
    const rows: HealthMinute[] = [];
    for (let m = minuteOf(a.at) - MINUTE_MS; m <= minuteOf(b.at); m += MINUTE_MS) {
      const row = byMinute.get(m);
      if (row) rows.push(row);
    }
    const worst = rows.reduce<HealthMinute | null>(
      (w, r) => (!w || droppedShare(r) > droppedShare(w) ? r : w),
      null,
    );
    const congestion = Math.max(0, ...rows.map((r) => r.congestion));
    const reconnecting = rows.some((r) => r.reconnecting);
    const dropped = worst ? droppedShare(worst) : 0;
    if (dropped < DROP_NOTE && congestion < CONGESTION_NOTE && !reconnecting) continue;
    notes.push({ t: b.t, from: a.concurrent, to: b.concurrent, dropped, congestion, reconnecting });
  }
  return notes;
}
