// The connection adapter against real OBS: status, the no-retry password failure, a crash
// (kill → 1006) with calls in flight, and a frozen process (SIGSTOP: the socket stays open and
// silent, which only the keepalive probe can notice). Prints measured figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObsConnection } from '../../shared/obs/connection';
import { WRONG_PASSWORD } from '../../shared/obs/policy';
import type { ObsConnection, ObsStatus } from '../../shared/obs/types';
import { sleep, statusLog, waitFor } from '../support/timers';
import { obsAvailable, startObs, type ObsInstance } from './obsHarness';

const runObs = obsAvailable() || !!process.env.CI;

describe.runIf(runObs)('OBS connection (real OBS)', () => {
  let obs: ObsInstance;
  const conns: ObsConnection[] = [];
  const open = (password = obs.password) => {
    const conn = createObsConnection({ url: obs.url, password });
    conns.push(conn);
    return conn;
  };
  const stateOf = (conn: ObsConnection, state: ObsStatus['state']) => () =>
    conn.status().state === state;

  beforeAll(async () => {
    obs = await startObs({ password: 'flashcue-test' });
  });

  afterAll(async () => {
    conns.forEach((c) => c.close());
    if (obs?.pid) process.kill(obs.pid, 'SIGCONT');
    await obs?.stop();
  });

  it('connects and reports the versions', async () => {
    const conn = open();
    const started = performance.now();
    conn.start();
    await waitFor(stateOf(conn, 'connected'), 5_000, 'connected');
    console.log(
      `[obs] connect + identify + GetVersion: ${(performance.now() - started).toFixed(1)} ms`,
    );
    expect(conn.status()).toMatchObject({
      obsVersion: expect.stringMatching(/^\d+\./),
      wsVersion: expect.stringMatching(/^5\./),
    });
    await expect(conn.call('GetSceneList')).resolves.toMatchObject({
      currentProgramSceneName: 'Scene',
    });
  });

  it('fails on a wrong password with the 4009 sentence and does not retry', async () => {
    const conn = open('not-the-password');
    const log = statusLog(conn);
    conn.start();
    await waitFor(stateOf(conn, 'failed'), 5_000, 'failed');
    expect(conn.status()).toEqual({
      state: 'failed',
      reason: WRONG_PASSWORD,
      cause: { code: 'wrong_password' },
      code: 4009,
    });
    await sleep(600);
    expect(log.map((s) => s.state)).toEqual(['idle', 'connecting', 'failed']);
  });

  it('survives OBS being killed: retrying at once, calls rejected, back by itself', async () => {
    const conn = open();
    const log = statusLog(conn);
    let connects = 0;
    conn.onConnected(() => (connects += 1));
    conn.start();
    await waitFor(stateOf(conn, 'connected'), 5_000);
    // A request OBS holds for 5 s: in flight when OBS dies.
    const inFlight = conn
      .batch([{ requestType: 'Sleep', requestData: { sleepMillis: 5_000 } }], { timeoutMs: 20_000 })
      .then(
        () => 'answered',
        (error: Error) => error,
      );
    await sleep(50);
    const killedAt = performance.now();
    obs.kill();
    await waitFor(stateOf(conn, 'retrying'), 1_000, 'retrying');
    const toRetrying = performance.now() - killedAt;
    const error = await inFlight;
    const toRejected = performance.now() - killedAt;
    console.log(
      `[obs] kill → retrying ${toRetrying.toFixed(0)} ms, in-flight call rejected ${toRejected.toFixed(0)} ms`,
    );
    expect(toRetrying).toBeLessThan(150);
    expect(error).toMatchObject({ kind: 'closed', requestType: 'RequestBatch' });
    expect(conn.status()).toMatchObject({
      reason: 'Lost the connection to OBS (it closed or crashed).',
    });
    await expect(conn.call('GetVersion')).rejects.toMatchObject({ kind: 'notConnected' });

    await obs.restart();
    const restartedAt = performance.now();
    await waitFor(() => connects === 2, 10_000, 'reconnected');
    console.log(`[obs] OBS ready → reconnected ${(performance.now() - restartedAt).toFixed(0)} ms`);
    expect(conn.status().state).toBe('connected');
    expect(log.filter((s) => s.state === 'retrying').length).toBeGreaterThanOrEqual(1);
  });

  it('notices a frozen OBS (SIGSTOP) within 5 s and reconnects after SIGCONT', async () => {
    const conn = open();
    let connects = 0;
    conn.onConnected(() => (connects += 1));
    conn.start();
    await waitFor(stateOf(conn, 'connected'), 5_000);
    const pid = obs.pid;
    expect(pid).toBeTypeOf('number');
    const stoppedAt = performance.now();
    process.kill(pid!, 'SIGSTOP');
    try {
      await waitFor(stateOf(conn, 'retrying'), 6_000, 'dead link noticed');
    } finally {
      process.kill(pid!, 'SIGCONT');
    }
    const detection = performance.now() - stoppedAt;
    console.log(`[obs] SIGSTOP → dead link noticed ${detection.toFixed(0)} ms`);
    expect(detection).toBeLessThan(5_000);
    expect(conn.status()).toMatchObject({ reason: 'OBS stopped answering (no reply within 3 s).' });
    const continuedAt = performance.now();
    await waitFor(() => connects === 2, 10_000, 'reconnected after SIGCONT');
    console.log(`[obs] SIGCONT → reconnected ${(performance.now() - continuedAt).toFixed(0)} ms`);
  });
});
