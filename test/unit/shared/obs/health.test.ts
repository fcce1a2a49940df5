import { describe, expect, test, vi } from 'vitest';
import { evaluateHealth, keepWindow, type HealthSample } from '../../../../shared/obs/health';
import { createHealthPoller } from '../../../../shared/obs/healthPoller';
import { fakeLink, tick } from '../../../support/fakeObsLink';

/** OBS's running totals at `at` ms: 30 fps, `drop` frames dropped so far, 6 Mbit/s. */
function sample(
  at: number,
  patch: Partial<{
    drop: number;
    congestion: number;
    skipped: number;
    disk: number;
    recording: boolean;
    streaming: boolean;
    reconnecting: boolean;
  }> = {},
): HealthSample {
  const frames = Math.round((at / 1000) * 30);
  return {
    at,
    stream: {
      outputActive: patch.streaming ?? true,
      outputReconnecting: patch.reconnecting ?? false,
      outputCongestion: patch.congestion ?? 0,
      outputBytes: at * 750, // 6 000 kbit/s
      outputSkippedFrames: patch.drop ?? 0,
      outputTotalFrames: frames,
    },
    record: {
      outputActive: patch.recording ?? false,
      outputPaused: false,
      outputTimecode: '00:00:00.000',
      outputBytes: 0,
    },
    stats: {
      activeFps: 30,
      averageFrameRenderTime: 4.2,
      renderSkippedFrames: patch.skipped ?? 0,
      renderTotalFrames: frames,
      availableDiskSpace: patch.disk ?? 200_000,
    },
  };
}

describe('evaluateHealth', () => {
  test('nothing read yet, or neither streaming nor recording: off', () => {
    expect(evaluateHealth([]).level).toBe('off');
    expect(
      evaluateHealth([sample(0, { streaming: false }), sample(1000, { streaming: false })]).level,
    ).toBe('off');
  });

  test('a clean stream: good, with the bitrate from the bytes sent', () => {
    const h = evaluateHealth([sample(10_000), sample(11_000)]);
    expect(h).toMatchObject({
      level: 'good',
      kbps: 6000,
      dropped: 0,
      renderSkipped: 0,
      warnings: [],
    });
  });

  test('frames dropped over the window: a warning from 1 %, bad from 5 %, in words', () => {
    const warn = evaluateHealth([sample(10_000, { drop: 100 }), sample(15_000, { drop: 102 })]);
    expect(warn.level).toBe('warn');
    expect(warn.dropped).toBeCloseTo(2 / 150);
    expect(warn.warnings).toEqual([
      'Frames dropping: 1 % of frames did not reach the platform — check the internet connection.',
    ]);
    const bad = evaluateHealth([sample(10_000, { drop: 100 }), sample(15_000, { drop: 118 })]);
    expect(bad.level).toBe('bad');
    expect(bad.warnings[0]).toContain('12 % of frames');
  });

  test('old drops outside the window no longer count', () => {
    const samples = [
      sample(0),
      sample(1_000, { drop: 30 }),
      sample(7_000, { drop: 30 }),
      sample(8_000, { drop: 30 }),
    ];
    expect(evaluateHealth(samples).dropped).toBe(0);
  });

  test('congestion, reconnecting, render skips and a full disk each speak', () => {
    expect(evaluateHealth([sample(0), sample(1000, { congestion: 0.6 })]).warnings).toEqual([
      'The connection is congested: the upload cannot keep up with the bitrate.',
    ]);
    expect(evaluateHealth([sample(0), sample(1000, { reconnecting: true })]).level).toBe('bad');
    const render = evaluateHealth([sample(0), sample(1000, { skipped: 1 })]);
    expect(render.level).toBe('warn');
    expect(render.warnings[0]).toMatch(/^OBS is skipping frames: 3 %/);
    const disk = evaluateHealth([
      sample(0, { recording: true, streaming: false }),
      sample(1000, { recording: true, streaming: false, disk: 800 }),
    ]);
    expect(disk).toMatchObject({
      level: 'bad',
      warnings: ['The recording disk is nearly full: 0.8 GB left.'],
    });
  });

  test('each warning also carries a code and its figures, in the same order', () => {
    const h = evaluateHealth([
      sample(10_000, { drop: 100, recording: true }),
      sample(15_000, { drop: 118, congestion: 0.3, recording: true, disk: 800 }),
    ]);
    expect(h.problems.map((p) => p.text)).toEqual(h.warnings);
    expect(h.problems.map((p) => [p.code, p.params])).toEqual([
      ['dropping', { percent: 12 }],
      ['disk', { gb: '0.8' }],
      ['congested', {}],
    ]);
  });

  test('an output that restarted (counters went down) gives no rate rather than a wrong one', () => {
    const h = evaluateHealth([sample(10_000, { drop: 50 }), sample(1_000)]);
    expect(h.dropped).toBeNull();
    expect(h.kbps).toBeNull();
  });

  test('keepWindow keeps the window and one sample before it', () => {
    let kept: HealthSample[] = [];
    for (let at = 0; at <= 10_000; at += 1000) kept = keepWindow(kept, sample(at));
    expect(kept.map((s) => s.at)).toEqual([4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
  });
});

describe('createHealthPoller', () => {
  test('reads the three answers while connected, one read at a time, and stops when closed', async () => {
    vi.useFakeTimers();
    try {
      let at = 0;
      const s = () => sample(at, { drop: at >= 2000 ? 9 : 0 });
      const fake = fakeLink({
        GetStreamStatus: () => ({
          ...s().stream,
          outputTimecode: '00:00:01.000',
          outputDuration: 1,
        }),
        GetRecordStatus: () => ({ ...s().record, outputDuration: 0 }),
        GetStats: () => ({ ...s().stats, cpuUsage: 1, memoryUsage: 100 }),
      });
      const seen: string[] = [];
      const stop = createHealthPoller(fake.link, {
        onHealth: (h) => seen.push(h.level),
        now: () => at,
      });
      fake.connect();
      await vi.advanceTimersByTimeAsync(0);
      for (at = 1000; at <= 3000; at += 1000) await vi.advanceTimersByTimeAsync(1000);
      expect(fake.callsOf('GetStats')).toHaveLength(4);
      expect(seen).toEqual(['good', 'good', 'bad', 'bad']);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(fake.callsOf('GetStats')).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  test('an answer that does not parse is said in words, not taken', async () => {
    const fake = fakeLink({
      GetStreamStatus: () => ({ outputActive: 'yes' }),
      GetRecordStatus: () => sample(0).record,
      GetStats: () => sample(0).stats,
    });
    const problems: string[] = [];
    const faults: unknown[] = [];
    const health = vi.fn();
    const stop = createHealthPoller(fake.link, {
      onHealth: health,
      onProblem: (p, fault) => (problems.push(p), faults.push(fault)),
    });
    fake.connect();
    await tick();
    stop();
    expect(health).not.toHaveBeenCalled();
    expect(problems[0]).toMatch(/^OBS's stream figures could not be read \(outputActive: /);
    // The same as data, for the controller to word in its language.
    expect(faults[0]).toEqual({
      figures: 'stream',
      path: 'outputActive',
      phrase: 'Invalid input: expected boolean, received string',
    });
  });
});
