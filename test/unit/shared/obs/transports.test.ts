import { afterEach, describe, expect, it } from 'vitest';
import { createObsConnection } from '../../../../shared/obs/connection';
import { customEventTransport } from '../../../../shared/obs/customEventTransport';
import {
  emitEventTransport,
  NO_OBS_BROWSER,
  type EmitAvailability,
} from '../../../../shared/obs/emitEventTransport';
import { insideObsBrowser, obsBrowserReceiver } from '../../../../shared/obs/obsBrowserReceiver';
import { ObsCallError } from '../../../../shared/obs/callError';
import { createViewReceiver } from '../../../../shared/protocol/viewReceiver';
import type { ObsConnection } from '../../../../shared/obs/types';
import { startFakeObs, type FakeObs } from '../../../support/fakeObs';
import { fakeLink, tick } from '../../../support/fakeObsLink';
import { sleep, waitFor } from '../../../support/timers';

let server: FakeObs | undefined;
const conns: ObsConnection[] = [];

afterEach(async () => {
  conns.splice(0).forEach((c) => c.close());
  await server?.stop();
  server = undefined;
});

async function connectTo(fake: FakeObs) {
  const conn = createObsConnection({ url: fake.url });
  conns.push(conn);
  conn.start();
  await waitFor(() => conn.status().state === 'connected');
  return conn;
}

describe('customEventTransport', () => {
  it('delivers to other clients, not back to its sender, and tags with an origin', async () => {
    server = await startFakeObs();
    const a = customEventTransport(await connectTo(server));
    const b = customEventTransport(await connectTo(server));
    const atA: unknown[] = [];
    const atB: unknown[] = [];
    a.subscribe((d) => atA.push(d));
    b.subscribe((d) => atB.push(d));
    const message = { app: 'flashcue', v: 1, kind: 'ack', id: 'x1', ok: true };
    a.send(message);
    await waitFor(() => atB.length === 1);
    await sleep(30);
    expect(atA).toEqual([]);
    expect(atB).toEqual([{ ...message, origin: a.origin }]);
    expect(message).not.toHaveProperty('origin'); // the caller's object is not mutated
    expect(a.stats()).toMatchObject({ sent: 1, echoes: 1, received: 0 });
    // Foreign traffic (Streamer.bot, no origin) is passed on raw; validation is the receiver's job.
    server.emit('CustomEvent', { hello: 'world' });
    await waitFor(() => atA.length === 1 && atB.length === 2);
  });

  it('drops sends while disconnected and never throws', async () => {
    const fake = fakeLink();
    const t = customEventTransport(fake.link);
    t.send({ app: 'flashcue' });
    t.send('not an object');
    expect(t.stats()).toMatchObject({ sent: 0, dropped: 2 });
    t.close();
    expect(fake.listeners('CustomEvent')).toBe(0);
  });
});

describe('emitEventTransport', () => {
  it('reports the missing vendor once and stops calling until the next connect', async () => {
    let calls = 0;
    const fake = fakeLink({
      CallVendorRequest: () => {
        calls += 1;
        throw new ObsCallError(
          'status',
          'CallVendorRequest',
          'No vendor was found by that name.',
          600,
        );
      },
    });
    const t = emitEventTransport(fake.link);
    const seen: EmitAvailability[] = [];
    t.onAvailability((a) => seen.push(a));
    fake.connect();
    for (let i = 0; i < 5; i += 1) t.send({ app: 'flashcue', n: i });
    await tick();
    t.send({ app: 'flashcue', n: 6 });
    await tick();
    expect(seen).toEqual([{ available: null }, { available: false, reason: NO_OBS_BROWSER }]);
    expect(calls).toBe(5); // those already in flight; none after the answer
    fake.connect(); // a reconnect may be to an OBS with the plugin
    expect(t.availability()).toEqual({ available: null });
    t.send({ app: 'flashcue' });
    expect(calls).toBe(6);
  });

  it('sends emit_event with the message as event_data and marks the vendor available', async () => {
    const fake = fakeLink({
      CallVendorRequest: () => ({
        vendorName: 'obs-browser',
        requestType: 'emit_event',
        responseData: {},
      }),
    });
    const t = emitEventTransport(fake.link);
    fake.connect();
    t.send({ app: 'flashcue', kind: 'view' });
    await tick();
    expect(fake.callsOf('CallVendorRequest')).toEqual([
      {
        vendorName: 'obs-browser',
        requestType: 'emit_event',
        requestData: { event_name: 'flashcue', event_data: { app: 'flashcue', kind: 'view' } },
      },
    ]);
    expect(t.availability()).toEqual({ available: true });
  });
});

describe('obsBrowserReceiver', () => {
  it('passes window CustomEvent details on and sends nothing', () => {
    const target = new EventTarget();
    const t = obsBrowserReceiver({ target });
    const got: unknown[] = [];
    t.subscribe((d) => got.push(d));
    target.dispatchEvent(new CustomEvent('flashcue', { detail: { app: 'flashcue', n: 1 } }));
    target.dispatchEvent(new CustomEvent('other', { detail: 'ignored' }));
    expect(() => t.send({ kind: 'hello' })).not.toThrow();
    t.close();
    target.dispatchEvent(new CustomEvent('flashcue', { detail: { n: 2 } }));
    expect(got).toEqual([{ app: 'flashcue', n: 1 }]);
  });

  it('hands window events to a view receiver, which validates them', () => {
    const target = new EventTarget();
    const receiver = createViewReceiver({ transports: [obsBrowserReceiver({ target })] });
    target.dispatchEvent(
      new CustomEvent('flashcue', { detail: { app: 'flashcue', v: 1, kind: 'view' } }),
    );
    expect(receiver.stats()).toMatchObject({ invalid: 1 });
    receiver.close();
  });

  it('knows when it runs inside OBS', () => {
    expect(insideObsBrowser({ obsstudio: { pluginVersion: '2.21.0' } })).toBe(true);
    expect(insideObsBrowser({})).toBe(false);
  });
});
