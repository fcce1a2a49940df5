/**
 * The remote overlay's OBS link retries at its own pace: an overlay is always on air, so after
 * OBS goes away it knocks about once a second, never the controller's 5–30 s. Fake connection,
 * fake timers: the delays asked for are the schedule.
 */
import { describe, expect, test } from 'vitest';
import { paceRetries } from '../../../overlay/lib/obsOverlayLink';
import type { ObsConnection, ObsStatus, Timers } from '../../../shared/obs/types';

function fakeConnection() {
  const listeners = new Set<(status: ObsStatus) => void>();
  const calls: Array<'close' | 'start'> = [];
  const conn = {
    onStatus(listener: (status: ObsStatus) => void) {
      listeners.add(listener);
      listener({ state: 'idle' });
      return () => void listeners.delete(listener);
    },
    close: () => void calls.push('close'),
    start: () => void calls.push('start'),
  } as unknown as ObsConnection;
  const emit = (status: ObsStatus) => listeners.forEach((l) => l(status));
  const lost = () => emit({ state: 'retrying', inMs: 30_000, attempt: 9, reason: 'Lost the connection to OBS (it closed or crashed).' });
  return { conn, calls, emit, lost };
}

function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const asked: number[] = [];
  let next = 0;
  const timers: Timers = {
    setTimeout(fn, ms) {
      asked.push(ms);
      pending.set(++next, { fn, ms });
      return next;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  /** Runs the one pending timer (there is never more than one). */
  const fire = () => {
    expect(pending.size).toBe(1);
    const [handle, { fn }] = [...pending][0]!;
    pending.delete(handle);
    fn();
  };
  return { timers, asked, pending, fire };
}

describe('overlay OBS link: retry pace', () => {
  test('250 → 500 → 1000 ms, then once a second for as long as OBS stays away', () => {
    const obs = fakeConnection();
    const clock = manualTimers();
    paceRetries(obs.conn, { timers: clock.timers, random: () => 0 });
    for (let i = 0; i < 8; i++) {
      obs.lost();
      clock.fire();
    }
    expect(clock.asked).toEqual([250, 500, 1000, 1000, 1000, 1000, 1000, 1000]);
    // The connection's own (5–30 s) wait is stopped each time and the link started again.
    expect(obs.calls).toEqual(Array.from({ length: 8 }, () => ['close', 'start']).flat());
  });

  test('jitter only shortens the wait: several overlays do not knock at the same instant', () => {
    const obs = fakeConnection();
    const clock = manualTimers();
    paceRetries(obs.conn, { timers: clock.timers, random: () => 1 });
    for (let i = 0; i < 5; i++) {
      obs.lost();
      clock.fire();
    }
    expect(clock.asked).toEqual([188, 375, 750, 750, 750]);
  });

  test('a connection resets the climb; a final refusal is not retried', () => {
    const obs = fakeConnection();
    const clock = manualTimers();
    paceRetries(obs.conn, { timers: clock.timers, random: () => 0 });
    for (let i = 0; i < 4; i++) {
      obs.lost();
      clock.fire();
    }
    obs.emit({ state: 'connected', obsVersion: '29.0.2', wsVersion: '5.1.0' });
    obs.lost();
    expect(clock.asked.at(-1)).toBe(250);
    clock.fire();
    const calls = obs.calls.length;
    obs.emit({ state: 'failed', reason: 'OBS refused the password.', code: 4009 });
    expect(clock.pending.size).toBe(0);
    expect(obs.calls).toHaveLength(calls);
  });

  test('closing the link cancels a pending retry', () => {
    const obs = fakeConnection();
    const clock = manualTimers();
    const stop = paceRetries(obs.conn, { timers: clock.timers });
    obs.lost();
    stop();
    expect(clock.pending.size).toBe(0);
    obs.lost();
    expect(clock.pending.size).toBe(0);
  });
});
