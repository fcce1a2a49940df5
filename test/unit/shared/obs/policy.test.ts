import { describe, expect, it } from 'vitest';
import {
  BACKOFF,
  backoffDelay,
  closeCause,
  closeReason,
  isFinalCloseCode,
  WRONG_PASSWORD,
} from '../../../../shared/obs/policy';

const schedule = (n: number, live: boolean, random: () => number) =>
  Array.from({ length: n }, (_, i) => backoffDelay(i + 1, { live, random }));

describe('backoff', () => {
  it('doubles from 250 ms up to 30 s with no jitter', () => {
    expect(schedule(10, false, () => 0)).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('is capped at 1 s while live (and for overlays, always on air)', () => {
    expect(schedule(6, true, () => 0)).toEqual([250, 500, 1000, 1000, 1000, 1000]);
  });

  it('jitters down by at most a quarter, never above the cap', () => {
    for (let failures = 1; failures < 40; failures += 1) {
      for (const live of [false, true]) {
        const top = backoffDelay(failures, { live, random: () => 0 });
        const low = backoffDelay(failures, { live, random: () => 0.999999 });
        expect(top).toBeLessThanOrEqual(live ? BACKOFF.liveMaxMs : BACKOFF.maxMs);
        expect(low).toBeGreaterThanOrEqual(Math.floor(top * 0.75));
        expect(low).toBeLessThan(top);
      }
    }
  });

  it('spreads real random delays', () => {
    const values = new Set(Array.from({ length: 50 }, () => backoffDelay(8)));
    expect(values.size).toBeGreaterThan(10);
  });
});

describe('close codes', () => {
  const ctx = { url: 'ws://127.0.0.1:4455', hasPassword: true, wasConnected: false };

  it('does not retry 4009, 4010, 4011', () => {
    expect([4009, 4010, 4011].map(isFinalCloseCode)).toEqual([true, true, true]);
    expect([1000, 1001, 1006, -1, undefined].map(isFinalCloseCode)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('explains each in a sentence', () => {
    expect(closeReason({ ...ctx, code: 4009 })).toBe(WRONG_PASSWORD);
    expect(closeReason({ ...ctx, code: 4009, hasPassword: false })).toMatch(/asks for a password/);
    expect(closeReason({ ...ctx, code: 4010 })).toMatch(/OBS 28 or newer/);
    expect(closeReason({ ...ctx, code: 4011 })).toMatch(/ended this session/);
    expect(closeReason({ ...ctx, code: 1006 })).toMatch(
      /not reachable at ws:\/\/127\.0\.0\.1:4455/,
    );
    expect(closeReason({ ...ctx, code: 1006, wasConnected: true })).toMatch(/Lost the connection/);
    expect(closeReason({ ...ctx, code: 1001, wasConnected: true })).toBe('OBS is shutting down.');
  });

  it('gives each as a code with its values, for the controller to word', () => {
    expect(closeCause({ ...ctx, code: 4009 })).toEqual({ code: 'wrong_password' });
    expect(closeCause({ ...ctx, code: 4009, hasPassword: false })).toEqual({
      code: 'needs_password',
    });
    expect(closeCause({ ...ctx, code: 4010 })).toEqual({ code: 'unsupported_rpc' });
    expect(closeCause({ ...ctx, code: 4011 })).toEqual({ code: 'session_ended' });
    expect(closeCause({ ...ctx, code: 1006 })).toEqual({
      code: 'unreachable',
      url: 'ws://127.0.0.1:4455',
    });
    expect(closeCause({ ...ctx, code: 1006, wasConnected: true })).toEqual({ code: 'lost' });
    expect(closeCause({ ...ctx, code: 1001 })).toEqual({ code: 'shutting_down' });
  });
});
