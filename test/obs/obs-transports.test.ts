// Transports against real OBS: BroadcastCustomEvent between two connections (no echo to the
// sender), emit_event on an OBS without obs-browser (Debian's), and the resender hearing the
// opt-in InputActiveStateChanged events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObsConnection } from '../../shared/obs/connection';
import { customEventTransport } from '../../shared/obs/customEventTransport';
import { emitEventTransport, NO_OBS_BROWSER } from '../../shared/obs/emitEventTransport';
import { createResender } from '../../shared/obs/resend';
import type { ObsConnection, ObsLink } from '../../shared/obs/types';
import { sleep, waitFor } from '../support/timers';
import { obsAvailable, startObs, type ObsInstance } from './obsHarness';

const runObs = obsAvailable() || !!process.env.CI;

/** Counts the requests a feature makes, by type, without changing them. */
function counting(link: ObsLink) {
  const counts: Record<string, number> = {};
  const wrapped: ObsLink = {
    ...link,
    call: (type, data, options) => {
      counts[type] = (counts[type] ?? 0) + 1;
      return link.call(type, data, options);
    },
  };
  return { link: wrapped, counts };
}

describe.runIf(runObs)('OBS transports (real OBS)', () => {
  let obs: ObsInstance;
  const conns: ObsConnection[] = [];
  async function connect() {
    const conn = createObsConnection({ url: obs.url, password: obs.password });
    conns.push(conn);
    conn.start();
    await waitFor(() => conn.status().state === 'connected', 5_000);
    return conn;
  }

  beforeAll(async () => {
    obs = await startObs({ password: 'flashcue-test' });
  });

  afterAll(async () => {
    conns.forEach((c) => c.close());
    await obs?.stop();
  });

  it('carries messages between two connections and not back to the sender', async () => {
    const a = customEventTransport(await connect());
    const b = customEventTransport(await connect());
    const atA: unknown[] = [];
    const atB: Array<{ n: number }> = [];
    a.subscribe((d) => atA.push(d));
    b.subscribe((d) => atB.push(d as { n: number }));
    a.send({ app: 'flashcue', v: 1, kind: 'command', id: 'c-1', command: 'show.next', n: 0 });
    await waitFor(() => atB.length === 1, 2_000);
    // Latency, one message at a time on a dedicated listener, median of 30.
    const times: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const arrived = new Promise<void>((resolve) => {
        const off = b.subscribe(() => {
          off();
          resolve();
        });
      });
      const sentAt = performance.now();
      a.send({ app: 'flashcue', v: 1, kind: 'tool', i });
      await arrived;
      times.push(performance.now() - sentAt);
    }
    times.sort((x, y) => x - y);
    console.log(
      `[obs] custom event A → B via transports: median ${times[15]!.toFixed(2)} ms, max ${times[29]!.toFixed(2)} ms`,
    );
    atB.splice(1);
    for (let n = 1; n <= 20; n += 1)
      b.send({ app: 'flashcue', v: 1, kind: 'ack', id: `c-${n}`, ok: true, n });
    await waitFor(() => atA.length === 20, 2_000);
    await sleep(50);
    expect(atB).toHaveLength(1); // B's own 20 acks did not come back to B
    expect(atB[0]).toMatchObject({ kind: 'command', id: 'c-1', origin: a.origin });
    expect(a.stats()).toMatchObject({ echoes: 31, received: 20 });
    expect(b.stats()).toMatchObject({ echoes: 20, received: 31 });
  });

  it('finds no obs-browser vendor (status 600), says so once and stops sending', async () => {
    const conn = await connect();
    const counted = counting(conn);
    const t = emitEventTransport(counted.link);
    const changes: unknown[] = [];
    t.onAvailability((a) => changes.push(a));
    t.send({ app: 'flashcue', v: 1, kind: 'view' });
    await waitFor(() => t.availability().available === false, 2_000);
    for (let i = 0; i < 10; i += 1) t.send({ app: 'flashcue', v: 1, kind: 'view' });
    await sleep(50);
    expect(counted.counts.CallVendorRequest).toBe(1);
    expect(changes).toEqual([{ available: null }, { available: false, reason: NO_OBS_BROWSER }]);
  });

  it('republishes when a source becomes active on program (opt-in input events)', async () => {
    const conn = await connect();
    await conn.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
    await conn.call('CreateScene', { sceneName: 'Products' });
    await conn.call('CreateInput', {
      sceneName: 'Products',
      inputName: 'Flashcue · stand-in',
      inputKind: 'color_source_v3',
      inputSettings: { color: 0xff00ff00, width: 64, height: 64 },
    });
    let republished = 0;
    // Debian's OBS has no browser source: a colour source stands in for one.
    const resender = createResender(conn, {
      republish: () => (republished += 1),
      inputKinds: ['color_source_v3'],
    });
    await waitFor(
      () => republished === 1 && resender.watched()?.has('Flashcue · stand-in'),
      2_000,
      'initial republish',
    );
    await conn.call('SetCurrentProgramScene', { sceneName: 'Products' });
    await waitFor(() => republished === 2, 2_000, 'republish on InputActiveStateChanged');
    resender.close();
  });
});
