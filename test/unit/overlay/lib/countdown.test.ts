import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEADLINE_SLACK_MS,
  clockAt,
  clockText,
  isUrgent,
  msUntilFlip,
  remainingAt,
  secondKey,
  steadySource,
  type ClockSource,
} from '../../../../overlay/lib/countdown';

const source = (
  remainingMs: number,
  receivedAt: number,
  patch: Partial<ClockSource> = {},
): ClockSource => ({
  remainingMs,
  receivedAt,
  running: true,
  signed: false,
  ...patch,
});

/** Follows the timer chain the page would run, collecting (time, text) at each wake-up. */
function run(src: ClockSource, from: number, until: number): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let now = from;
  for (let i = 0; i < 10_000; i++) {
    const { value, nextAt } = clockAt(src, now);
    out.push([now, clockText(value!, src.signed)]);
    if (nextAt === null || nextAt > until) break;
    now = nextAt;
  }
  return out;
}

describe('countdown mapping', () => {
  it('maps remaining-at-send onto the local clock', () => {
    const src = source(42_000, 5_000);
    expect(remainingAt(src, 5_000)).toBe(42_000);
    expect(remainingAt(src, 6_500)).toBe(40_500);
    expect(remainingAt(src, 60_000)).toBe(0);
  });

  it('stands still while frozen, and never wakes', () => {
    const src = source(42_000, 5_000, { running: false });
    expect(clockAt(src, 99_000)).toEqual({ value: 42_000, nextAt: null });
  });

  it('flips exactly when a whole second remains, at any clock offset', () => {
    for (const receivedAt of [0, 0.25, 1_234.567, 987_654_321.5]) {
      const src = source(3_400, receivedAt);
      const steps = run(src, receivedAt, receivedAt + 10_000);
      expect(steps.map(([, text]) => text)).toEqual(['0:04', '0:03', '0:02', '0:01', '0:00']);
      expect(steps.slice(1).map(([t]) => t - receivedAt)).toEqual(
        [400, 1_400, 2_400, 3_400].map((d) => expect.closeTo(d, 6)),
      );
    }
  });

  it('counts overtime as +m:ss from the first instant past zero (slot timers)', () => {
    const src = source(1_500, 100, { signed: true });
    const texts = run(src, 100, 100 + 4_000).map(([, text]) => text);
    expect(texts).toEqual(['0:02', '0:01', '0:00', '+0:01', '+0:02', '+0:03']);
  });

  it('says when the displayed second changes, for any remaining time and clock offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 5_000, noNaN: true }),
        (remainingMs, receivedAt, later) => {
          const src = source(remainingMs, receivedAt);
          const now = receivedAt + later;
          const { value, nextAt } = clockAt(src, now);
          if (value === null) return false;
          if (value === 0) return nextAt === null;
          const wait = nextAt! - now;
          // Within one second, and the text is the same until then and different right at it
          // (to a microsecond of float rounding: the page's timer rounds its delay up to 1 ms).
          const before = clockText(remainingAt(src, nextAt! - 0.01), false);
          const at = clockText(remainingAt(src, nextAt! + 1e-6), false);
          return (
            wait > 0 && wait <= 1_000 + 1e-6 && before === clockText(value, false) && at !== before
          );
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });

  it('keys seconds the way formatCountdown / formatSigned round', () => {
    expect([42_000, 41_999, 41_000, 1, 0, -1, -1_000, -1_001].map(secondKey)).toEqual([
      42, 42, 41, 1, 0, -1, -1, -2,
    ]);
    expect(msUntilFlip(42_000, false)).toBe(1_000);
    expect(msUntilFlip(41_999.5, false)).toBeCloseTo(999.5);
    expect(msUntilFlip(0, false)).toBeNull();
    expect(msUntilFlip(0, true)).toBe(1);
    expect(msUntilFlip(-300, true)).toBe(701);
  });

  it('is urgent from 0:10 down to 0:01', () => {
    expect(isUrgent(10_001, 10)).toBe(false); // shows 0:11
    expect(isUrgent(10_000, 10)).toBe(true); // shows 0:10
    expect(isUrgent(1, 10)).toBe(true);
    expect(isUrgent(0, 10)).toBe(false);
    expect(isUrgent(-5_000, 10)).toBe(false);
  });
});

describe('deadline across heartbeats', () => {
  const deadline = (src: ClockSource | null) => src!.receivedAt + src!.remainingMs;
  /** A heartbeat sent at `sentAt` (true deadline `due`) that reached the page `delay` ms later. */
  const beat = (due: number, sentAt: number, delay: number, patch: Partial<ClockSource> = {}) =>
    source(due - sentAt, sentAt + delay, patch);

  it('keeps the earliest deadline the heartbeats imply, so jitter never makes a flip late', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 60, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (delays) => {
          const due = 90_000;
          let kept: ClockSource | null = null;
          delays.forEach((delay, i) => {
            kept = steadySource(kept, beat(due, 1_000 * (i + 1), delay));
            // To a nanosecond: a beat's deadline is a sum of doubles (receipt + remaining), so a
            // delay of 1e-8 ms may land one ULP off `due + delay` (fast-check found it).
            expect(deadline(kept)).toBeCloseTo(due + Math.min(...delays.slice(0, i + 1)), 6);
          });
          // The digit flips at the earliest deadline's whole seconds: 0:32 → 0:31 at 31 s before it.
          const flip = run(kept!, 50_000, 80_000).find(([, text]) => text === '0:31');
          expect(flip?.[0]).toBeCloseTo(due + Math.min(...delays) - 31_000, 6);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('follows a deadline that really moved: an extension, an earlier end, beyond the slack', () => {
    const due = 90_000;
    const kept = beat(due, 1_000, 5);
    expect(steadySource(kept, beat(due + 30_000, 2_000, 5))).toEqual(beat(due + 30_000, 2_000, 5)); // deal.extend
    expect(deadline(steadySource(kept, beat(due, 2_000, 5 + DEADLINE_SLACK_MS + 1)))).toBe(
      due + 5 + DEADLINE_SLACK_MS + 1,
    );
    expect(deadline(steadySource(kept, beat(due, 2_000, 5 + DEADLINE_SLACK_MS)))).toBe(due + 5);
    expect(deadline(steadySource(kept, beat(due - 2_000, 2_000, 5)))).toBe(due - 2_000 + 5); // earlier: always taken
  });

  it('starts afresh when the clock stops, restarts or changes kind', () => {
    const kept = beat(90_000, 1_000, 5);
    const frozen = beat(90_000, 2_000, 20, { running: false });
    expect(steadySource(kept, frozen)).toBe(frozen);
    const resumed = beat(95_000, 7_000, 30);
    expect(steadySource(frozen, resumed)).toBe(resumed);
    const signed = beat(90_000, 2_000, 20, { signed: true });
    expect(steadySource(kept, signed)).toBe(signed);
    expect(steadySource(kept, null)).toBeNull();
  });
});
