/**
 * A stand-in of OBS's stats answers (GetStreamStatus, GetRecordStatus, GetStats, as
 * obs-websocket v5 documents them) on the fake obs-websocket of the unit tests: streaming, not
 * recording, with OBS's running totals advanced by each GetStreamStatus read. A test sets
 * `dropping` (frames lost per read) and `congestion` on the returned state as its story goes.
 * Shared by the stream-health specs (410 on the Live screen, 411 on the Report screen).
 */
import type { FakeObs } from '../../support/fakeObs';

export interface StatsStandIn {
  /** GetStreamStatus reads so far. */
  reads: number;
  /** Frames lost on each read from now on. */
  dropping: number;
  /** Frames lost in all (OBS's running total). */
  skipped: number;
  /** outputCongestion, 0 … 1. */
  congestion: number;
}

export interface StatsOptions {
  /** Frames sent per read. */
  frames: number;
  /** outputBytes after the given number of reads (how fast the kbps figure moves). */
  bytes: (reads: number) => number;
  /** How long the stream has been up, as OBS's timecode and in ms. */
  uptime?: { timecode: string; ms: number };
  averageFrameRenderTime?: number;
}

export function statsStandIn(fake: FakeObs, options: StatsOptions): StatsStandIn {
  const { frames, bytes, uptime = { timecode: '00:00:00.000', ms: 0 } } = options;
  const state: StatsStandIn = { reads: 0, dropping: 0, skipped: 0, congestion: 0 };
  fake.handlers.GetStreamStatus = () => {
    state.reads += 1;
    state.skipped += state.dropping;
    return {
      data: {
        outputActive: true,
        outputReconnecting: false,
        outputTimecode: uptime.timecode,
        outputDuration: uptime.ms,
        outputCongestion: state.congestion,
        outputBytes: bytes(state.reads),
        outputSkippedFrames: state.skipped,
        outputTotalFrames: state.reads * frames,
      },
    };
  };
  fake.handlers.GetRecordStatus = () => ({
    data: {
      outputActive: false,
      outputPaused: false,
      outputTimecode: '00:00:00.000',
      outputDuration: 0,
      outputBytes: 0,
    },
  });
  fake.handlers.GetStats = () => ({
    data: {
      cpuUsage: 3,
      memoryUsage: 200,
      availableDiskSpace: 100_000,
      activeFps: 30,
      averageFrameRenderTime: options.averageFrameRenderTime ?? 3,
      renderSkippedFrames: 0,
      renderTotalFrames: state.reads * frames,
      outputSkippedFrames: state.skipped,
      outputTotalFrames: state.reads * frames,
      webSocketSessionIncomingMessages: 0,
      webSocketSessionOutgoingMessages: 0,
    },
  });
  return state;
}
