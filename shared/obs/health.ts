/**
 * Stream health from OBS's own figures (obs-websocket 5.1 GetStreamStatus, GetRecordStatus,
 * GetStats): pure, so thresholds and words are unit-tested without OBS. OBS reports running
 * totals; what matters on air is the recent rate, so every figure is a difference between the
 * oldest and newest sample of a short window.
 */
import { z } from 'zod';

const count = z.number().nonnegative();

/** The fields read from each answer; anything else OBS sends is ignored. */
export const StreamStatusAnswer = z.object({
  outputActive: z.boolean(),
  outputReconnecting: z.boolean(),
  outputCongestion: z.number().min(0).max(1).catch(0),
  outputBytes: count,
  outputSkippedFrames: count,
  outputTotalFrames: count,
});
export const RecordStatusAnswer = z.object({
  outputActive: z.boolean(),
  outputPaused: z.boolean(),
  outputTimecode: z.string().max(32),
  outputBytes: count,
});
export const StatsAnswer = z.object({
  activeFps: count,
  averageFrameRenderTime: count,
  renderSkippedFrames: count,
  renderTotalFrames: count,
  /** Megabytes free where OBS records. */
  availableDiskSpace: count,
});

export interface HealthSample {
  /** Monotonic ms on the controller when the three answers came back. */
  at: number;
  stream: z.infer<typeof StreamStatusAnswer>;
  record: z.infer<typeof RecordStatusAnswer>;
  stats: z.infer<typeof StatsAnswer>;
}

/** How far back the rates look: long enough to smooth a 2-per-second poll, short enough to react. */
export const HEALTH_WINDOW_MS = 5_000;

/** Our thresholds (not OBS's): a few dropped frames are normal; a steady share is visible. */
export const THRESHOLDS = {
  dropWarn: 0.01,
  dropBad: 0.05,
  congestionWarn: 0.25,
  congestionBad: 0.5,
  renderSkipWarn: 0.01,
  renderSkipBad: 0.05,
  diskWarnMb: 5 * 1024,
  diskBadMb: 1024,
} as const;

export type HealthLevel = 'off' | 'good' | 'warn' | 'bad';

export interface Health {
  level: HealthLevel;
  streaming: boolean;
  recording: boolean;
  /** Upload rate over the window, kbit/s; null until two samples of a stream exist. */
  kbps: number | null;
  /** Share of frames the stream dropped over the window (network), 0–1. */
  dropped: number | null;
  congestion: number;
  /** Share of frames OBS could not render in time over the window (the computer), 0–1. */
  renderSkipped: number | null;
  renderMs: number;
  diskMb: number;
  /** One sentence per problem, worst first; empty when all is well. */
  warnings: string[];
  /** The same problems, same order, as a code + params the controller words in its language. */
  problems: HealthProblem[];
}

/** A health warning's code (controller message `health_<code>`) and its figures. */
export interface HealthProblem {
  code: 'reconnecting' | 'dropping' | 'congested' | 'skipping' | 'disk';
  params: Record<string, string | number>;
  /** The English sentence (what `warnings` holds). */
  text: string;
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
const share = (part: number, whole: number) => (whole > 0 ? Math.max(0, part) / whole : null);

/** Samples of the last HEALTH_WINDOW_MS: the oldest one inside the window and the newest. */
function ends(samples: readonly HealthSample[]): [HealthSample, HealthSample] | null {
  const last = samples.at(-1);
  if (!last) return null;
  const first = samples.find((s) => last.at - s.at <= HEALTH_WINDOW_MS) ?? last;
  return [first, last];
}

export function evaluateHealth(samples: readonly HealthSample[]): Health {
  const pair = ends(samples);
  if (!pair) {
    return {
      level: 'off',
      streaming: false,
      recording: false,
      kbps: null,
      dropped: null,
      congestion: 0,
      renderSkipped: null,
      renderMs: 0,
      diskMb: 0,
      warnings: [],
      problems: [],
    };
  }
  const [a, b] = pair;
  const streaming = b.stream.outputActive;
  const recording = b.record.outputActive;
  // A counter that went down means the output restarted: no rate until the next pair.
  const sameRun = a !== b && b.stream.outputTotalFrames >= a.stream.outputTotalFrames;
  const dropped =
    streaming && sameRun
      ? share(
          b.stream.outputSkippedFrames - a.stream.outputSkippedFrames,
          b.stream.outputTotalFrames - a.stream.outputTotalFrames,
        )
      : null;
  const kbps =
    streaming && sameRun && b.at > a.at
      ? Math.round(((b.stream.outputBytes - a.stream.outputBytes) * 8) / (b.at - a.at))
      : null;
  const renderSkipped =
    a !== b && b.stats.renderTotalFrames >= a.stats.renderTotalFrames
      ? share(
          b.stats.renderSkippedFrames - a.stats.renderSkippedFrames,
          b.stats.renderTotalFrames - a.stats.renderTotalFrames,
        )
      : null;
  const congestion = streaming ? b.stream.outputCongestion : 0;
  const t = THRESHOLDS;
  const bad: HealthProblem[] = [];
  const warn: HealthProblem[] = [];
  const problem = (
    code: HealthProblem['code'],
    text: string,
    params: HealthProblem['params'] = {},
  ): HealthProblem => ({ code, params, text });
  if (streaming && b.stream.outputReconnecting)
    bad.push(problem('reconnecting', 'The stream lost its connection: OBS is reconnecting.'));
  if (dropped !== null && dropped >= t.dropWarn)
    (dropped >= t.dropBad ? bad : warn).push(
      problem(
        'dropping',
        `Frames dropping: ${pct(dropped)} of frames did not reach the platform — check the internet connection.`,
        { percent: Math.round(dropped * 100) },
      ),
    );
  if (congestion >= t.congestionWarn)
    (congestion >= t.congestionBad ? bad : warn).push(
      problem(
        'congested',
        'The connection is congested: the upload cannot keep up with the bitrate.',
      ),
    );
  if (renderSkipped !== null && renderSkipped >= t.renderSkipWarn)
    (renderSkipped >= t.renderSkipBad ? bad : warn).push(
      problem(
        'skipping',
        `OBS is skipping frames: ${pct(renderSkipped)} were not rendered in time — the computer is overloaded.`,
        { percent: Math.round(renderSkipped * 100) },
      ),
    );
  if (recording && b.stats.availableDiskSpace < t.diskWarnMb) {
    const gb = (b.stats.availableDiskSpace / 1024).toFixed(1);
    (b.stats.availableDiskSpace < t.diskBadMb ? bad : warn).push(
      problem('disk', `The recording disk is nearly full: ${gb} GB left.`, { gb }),
    );
  }
  const level: HealthLevel = bad.length
    ? 'bad'
    : warn.length
      ? 'warn'
      : streaming || recording
        ? 'good'
        : 'off';
  return {
    level,
    streaming,
    recording,
    kbps,
    dropped,
    congestion,
    renderSkipped,
    renderMs: b.stats.averageFrameRenderTime,
    diskMb: b.stats.availableDiskSpace,
    warnings: [...bad, ...warn].map((p) => p.text),
    problems: [...bad, ...warn],
  };
}

/** Keeps the samples a window needs (and one older, so the window's start is never missing). */
export function keepWindow(samples: readonly HealthSample[], next: HealthSample): HealthSample[] {
  const out = [...samples, next];
  const from = out.findIndex((s) => next.at - s.at <= HEALTH_WINDOW_MS);
  return out.slice(Math.max(0, from - 1));
}
