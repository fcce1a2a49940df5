import { afterEach, describe, expect, it } from 'vitest';
import { createObsConnection } from '../../../../shared/obs/connection';
import { ObsCallError } from '../../../../shared/obs/callError';
import { WRONG_PASSWORD } from '../../../../shared/obs/policy';
import type { ObsConnection, ObsConnectionOptions } from '../../../../shared/obs/types';
import { startFakeObs, type FakeObs, type FakeObsOptions } from '../../../support/fakeObs';
import { countingTimers, sleep, statusLog, waitFor } from '../../../support/timers';

let server: FakeObs | undefined;
let conn: ObsConnection | undefined;

afterEach(async () => {
  conn?.close();
  await server?.stop();
  conn = server = undefined;
});

async function setup(fake: FakeObsOptions = {}, options: Partial<ObsConnectionOptions> = {}) {
  server = await startFakeObs(fake);
  conn = createObsConnection({ url: server.url, ...options });
  const log = statusLog(conn);
  return { server, conn, log };
}

const connected = (c: ObsConnection) =>
  waitFor(() => c.status().state === 'connected', 2_000, 'connected');
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ObsCallError,
  );

describe('connection', () => {
  it('reports idle, connecting, connected with versions, and fires onConnected', async () => {
    const { conn, log } = await setup({ password: 'secret' }, { password: 'secret' });
    let fired = 0;
    conn.onConnected(() => (fired += 1));
    expect(log).toEqual([{ state: 'idle' }]);
    conn.start();
    await connected(conn);
    expect(log).toEqual([
      { state: 'idle' },
      { state: 'connecting', attempt: 1 },
      { state: 'connected', obsVersion: '29.0.2', wsVersion: '5.1.0' },
    ]);
    expect(fired).toBe(1);
    await expect(conn.call('GetVersion')).resolves.toMatchObject({ obsVersion: '29.0.2' });
  });

  it.each([
    [4009, WRONG_PASSWORD, { password: 'secret' }, { password: 'wrong' }],
    [
      4009,
      'OBS asks for a password. Copy it from Tools → WebSocket Server Settings → Show Connect Info.',
      { password: 'secret' },
      {},
    ],
    [4010, /OBS 28 or newer/, { closeOnIdentify: { code: 4010, reason: 'rpc' } }, {}],
    [4011, /ended this session/, { closeOnIdentify: { code: 4011, reason: 'kicked' } }, {}],
  ] as const)('fails on %i without retrying', async (code, reason, fake, options) => {
    const { server, conn } = await setup(fake, options);
    conn.start();
    const failed = await waitFor(() => {
      const s = conn.status();
      return s.state === 'failed' && s;
    });
    expect(failed.code).toBe(code);
    if (typeof reason === 'string') expect(failed.reason).toBe(reason);
    else expect(failed.reason).toMatch(reason);
    await sleep(400); // a retry would have happened by now (first wait ≤ 250 ms)
    expect(server.identifies).toBe(1);
    expect(conn.status().state).toBe('failed');
  });

  it('times a call out without touching the link', async () => {
    const { server, conn } = await setup();
    server.handlers.GetStats = () => 'ignore';
    conn.start();
    await connected(conn);
    const started = performance.now();
    const error = await rejection(conn.call('GetStats', undefined, { timeoutMs: 100 }));
    expect(error).toBeInstanceOf(ObsCallError);
    expect(error).toMatchObject({ kind: 'timeout', requestType: 'GetStats' });
    expect(error?.message).toBe('OBS did not answer GetStats within 100 ms.');
    expect(performance.now() - started).toBeLessThan(400);
    expect(conn.status().state).toBe('connected');
  });

  it('rejects pending calls when the socket closes, then reconnects and re-syncs', async () => {
    const { server, conn } = await setup();
    server.handlers.GetStats = () => 'ignore';
    let fired = 0;
    conn.onConnected(() => (fired += 1));
    conn.start();
    await connected(conn);
    const pending = rejection(conn.call('GetStats', undefined, { timeoutMs: 10_000 }));
    const started = performance.now();
    server.killAll();
    const error = await pending;
    expect(performance.now() - started).toBeLessThan(200);
    expect(error).toMatchObject({ kind: 'closed', requestType: 'GetStats' });
    expect(error?.message).toMatch(/before GetStats was answered: Lost the connection to OBS/);
    expect(conn.status()).toMatchObject({ state: 'retrying', attempt: 1 });
    await connected(conn);
    expect(fired).toBe(2);
  });

  it('refuses calls while not connected, with the reason', async () => {
    const { server, conn } = await setup();
    expect(await rejection(conn.call('GetVersion'))).toMatchObject({ kind: 'notConnected' });
    conn.start();
    await connected(conn);
    server.killAll();
    await waitFor(() => conn.status().state === 'retrying');
    const error = await rejection(conn.call('GetVersion'));
    expect(error?.message).toMatch(
      /^Not connected to OBS \(Lost the connection to OBS .*Retrying in under a second\.\)$/,
    );
  });

  it('retries 207 (not ready) and passes other statuses on', async () => {
    const { server, conn } = await setup({}, { notReadyRetryMs: 20 });
    let tries = 0;
    server.handlers.GetSceneList = () =>
      ++tries < 3 ? { status: 207, comment: 'not ready' } : { data: { scenes: [] } };
    server.handlers.GetInputSettings = () => ({
      status: 600,
      comment: 'No source was found by the name of `x`.',
    });
    conn.start();
    await connected(conn);
    await expect(conn.call('GetSceneList')).resolves.toEqual({ scenes: [] });
    expect(tries).toBe(3);
    const error = await rejection(conn.call('GetInputSettings', { inputName: 'x' }));
    expect(error).toMatchObject({ kind: 'status', code: 600 });
  });

  it('detects a link that stops answering, and comes back when it answers again', async () => {
    const { server, conn } = await setup(
      {},
      { keepaliveMs: 100, deadAfterMs: 200, connectTimeoutMs: 300 },
    );
    conn.start();
    await connected(conn);
    server.freeze();
    const frozenAt = performance.now();
    const retrying = await waitFor(() => {
      const s = conn.status();
      return s.state === 'retrying' && s;
    }, 2_000);
    expect(performance.now() - frozenAt).toBeLessThan(100 + 200 + 150);
    expect(retrying.reason).toBe('OBS stopped answering (no reply within 0.2 s).');
    // While frozen, new sockets get no Hello: the connect timeout gives up on them.
    await waitFor(() => {
      const s = conn.status();
      return s.state === 'retrying' && s.reason.includes('did not answer within 0.3 s');
    }, 3_000);
    server.freeze(false);
    await waitFor(() => conn.status().state === 'connected', 5_000);
  });

  it('keeps event handlers across reconnects', async () => {
    const { server, conn } = await setup();
    const got: unknown[] = [];
    const off = conn.on('CustomEvent', (data) => got.push(data));
    conn.start();
    await connected(conn);
    server.emit('CustomEvent', { n: 1 });
    await waitFor(() => got.length === 1);
    server.killAll();
    await waitFor(() => conn.status().state === 'retrying');
    await connected(conn);
    server.emit('CustomEvent', { n: 2 });
    await waitFor(() => got.length === 2);
    off();
    server.emit('CustomEvent', { n: 3 });
    await sleep(50);
    expect(got).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('follows the backoff schedule, capped at 1 s while live, and stops on close()', async () => {
    server = await startFakeObs();
    const url = server.url;
    await server.stop(); // nothing listens there now: every attempt is refused
    server = undefined;
    const clock = countingTimers(1000);
    const waits = () => log.flatMap((s) => (s.state === 'retrying' ? [s.inMs] : []));
    // On air for the first seven failures, then the show ends.
    const live = () => waits().length < 7;
    conn = createObsConnection({
      url,
      timers: clock.timers,
      random: () => 0,
      connectTimeoutMs: 1e7,
      live,
    });
    const log = statusLog(conn);
    conn.start();
    await waitFor(() => waits().length >= 9, 3_000);
    expect(waits().slice(0, 9)).toEqual([250, 500, 1000, 1000, 1000, 1000, 1000, 30000, 30000]);
    expect(log.find((s) => s.state === 'retrying')).toMatchObject({
      reason: expect.stringMatching(/not reachable/),
    });
    conn.close();
    expect(clock.active).toBe(0);
    expect(conn.status()).toEqual({ state: 'idle' });
  });

  it('close() leaves no timers and rejects what is pending', async () => {
    const clock = countingTimers();
    const { server, conn } = await setup({}, { timers: clock.timers });
    server.handlers.GetStats = () => 'ignore';
    conn.start();
    await connected(conn);
    const pending = rejection(conn.call('GetStats'));
    expect(clock.active).toBeGreaterThan(0);
    conn.close();
    expect(await pending).toMatchObject({ kind: 'closed' });
    expect(clock.active).toBe(0);
    expect(conn.status()).toEqual({ state: 'idle' });
    await waitFor(() => server.connections === 0, 1_000, 'server side closed');
  });
});
