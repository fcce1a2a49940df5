import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../../shared/relay/policy';
import {
  connect,
  hello,
  sleep,
  startRelay,
  waitFor,
  type Client,
  type Running,
} from '../../../support/relay';

let running: Running | undefined;
const clients: Client[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.ws.terminate());
  await running?.close();
  running = undefined;
});

async function threeClients(options = {}) {
  running = await startRelay(options);
  const [a, b, c] = await Promise.all([
    connect(running.url),
    connect(running.url),
    connect(running.url),
  ]);
  clients.push(a, b, c);
  await waitFor(() => running!.relay.stats().clients === 3, 2_000, 'three clients');
  return { a: a, b: b, c: c, relay: running.relay };
}

describe('relaying', () => {
  test('a Flashcue message from A reaches B and C, never A', async () => {
    const { a, b, c, relay } = await threeClients();
    const message = hello('from-a');
    a.send(message);
    await waitFor(() => b.received.length === 1 && c.received.length === 1, 2_000, 'B and C');
    expect(b.received).toEqual([message]);
    expect(c.received).toEqual([message]);
    await sleep(50);
    expect(a.received).toEqual([]);
    expect(relay.stats()).toMatchObject({ clients: 3, relayed: 1, delivered: 2 });
  });

  test('foreign JSON, non-JSON, binary and oversized messages are dropped and counted', async () => {
    const { a, b, c, relay } = await threeClients();
    a.send({ app: 'streamerbot', action: 'anything' });
    a.send([{ app: 'flashcue' }]);
    a.send('null');
    a.send('this is not json');
    a.ws.send(Buffer.from(JSON.stringify(hello())), { binary: true });
    // Valid JSON and a Flashcue envelope, but over the limit: dropped, the link kept.
    a.send(JSON.stringify({ ...hello(), pad: 'x'.repeat(MAX_MESSAGE_BYTES) }));
    const marker = hello('marker');
    a.send(marker);
    await waitFor(() => b.received.length > 0 && c.received.length > 0, 3_000, 'the marker');
    expect(b.received).toEqual([marker]);
    expect(c.received).toEqual([marker]);
    expect(relay.stats().dropped).toEqual({
      foreign: 3,
      invalid: 2,
      tooLarge: 1,
      rateLimited: 0,
      slowReceiver: 0,
    });
    expect(relay.stats().relayed).toBe(1);
    expect(a.ws.readyState).toBe(WebSocket.OPEN);
  });

  test('a frame beyond the hard cap closes that link (1009); the others carry on', async () => {
    const { a, b, c } = await threeClients({ maxMessageBytes: 1024 });
    const closed = new Promise<number>((resolve) => a.ws.once('close', (code) => resolve(code)));
    a.send(JSON.stringify({ ...hello(), pad: 'x'.repeat(10 * 1024 * 1024) }));
    expect(await closed).toBe(1009);
    b.send(hello('still-fine'));
    await waitFor(() => c.received.length === 1, 2_000, 'C hears B');
  });

  test('a flood is rate limited and bounded; the relay stays responsive', async () => {
    const { a, b, c, relay } = await threeClients();
    const FLOOD = 2_000;
    for (let i = 0; i < FLOOD; i++) a.send({ ...hello('flood'), i });
    await waitFor(
      () => {
        const s = relay.stats();
        return s.relayed + s.dropped.rateLimited >= FLOOD;
      },
      10_000,
      'the flood to be processed',
    );
    const s = relay.stats();
    console.log(`flood of ${FLOOD}: relayed ${s.relayed}, rate-limited ${s.dropped.rateLimited}`);
    expect(s.dropped.rateLimited).toBeGreaterThan(0);
    // The burst (400) plus what refilled while the flood was read: far fewer than 2,000.
    expect(s.relayed).toBeGreaterThanOrEqual(400);
    expect(s.relayed).toBeLessThan(FLOOD);

    // Another client is relayed at once; the flooder itself recovers as its bucket refills.
    // (Flood copies may still be arriving at B and C: look for the markers by name.)
    const heard = (client: Client, sender: string) =>
      client.received.some((m) => (m as { sender?: string }).sender === sender);
    const started = Date.now();
    b.send(hello('after-flood-b'));
    await waitFor(() => heard(c, 'after-flood-b'), 1_000, 'C hears B after the flood');
    for (let tries = 0; tries < 20 && !heard(b, 'after-flood-a'); tries++) {
      a.send(hello('after-flood-a'));
      await sleep(50);
    }
    await waitFor(() => heard(b, 'after-flood-a'), 1_000, 'B hears A once its bucket refilled');
    expect(Date.now() - started).toBeLessThan(5_000); // liveness only, not a benchmark
  });

  test('GET /relay/stats answers JSON; other paths are not the relay', async () => {
    running = await startRelay();
    const response = await fetch(`http://127.0.0.1:${running.port}/relay/stats`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      clients: 0,
      relayed: 0,
      dropped: { foreign: 0 },
    });
    await expect(connect(`ws://127.0.0.1:${running.port}/not-the-relay`)).rejects.toThrow(
      'refused with 404',
    );
  });
});

describe('who may connect', () => {
  test('a page from another origin is refused (403) and counted; our own pages are accepted', async () => {
    running = await startRelay();
    const { port, url } = running;
    await expect(connect(url, { Origin: 'http://evil.example' })).rejects.toThrow(
      'refused with 403',
    );
    await expect(connect(url, { Origin: `http://localhost:${port + 1}` })).rejects.toThrow(
      'refused with 403',
    );
    await expect(connect(url, { Origin: 'null' })).rejects.toThrow('refused with 403');
    // A rebinding page: its name in Host and Origin alike, pointing at this machine.
    await expect(
      connect(url, { Origin: `http://attacker.example:${port}`, Host: `attacker.example:${port}` }),
    ).rejects.toThrow('refused with 403');
    expect(running.relay.stats().refused).toMatchObject({ origin: 3, host: 1 });
    clients.push(await connect(url, { Origin: `http://127.0.0.1:${port}` }));
    clients.push(await connect(url, { Origin: `http://localhost:${port}` }));
    clients.push(await connect(url)); // no Origin: Streamer.bot, scripts
    expect(running.relay.stats().clients).toBe(3);
  });

  test('the server closes cleanly with its clients connected', async () => {
    const { a } = await threeClients();
    const closed = new Promise<void>((resolve) => a.ws.once('close', () => resolve()));
    await running!.close(); // would hang if the relay kept its upgraded sockets
    running = undefined;
    await closed;
  });
});
