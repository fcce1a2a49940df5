import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { TransportStatus } from '../../../../shared/protocol/transport';
import {
  relayTransport,
  type RelayTransport,
  type WebSocketCtor,
} from '../../../../shared/relay/relayTransport';
import {
  connect,
  hello,
  sleep,
  startRelay,
  waitFor,
  type Client,
  type Running,
} from '../../../support/relay';

// `ws`'s WebSocket has the browser's on* properties; its event types are its own.
const WS = WebSocket as unknown as WebSocketCtor;

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function relay(port = 0): Promise<Running> {
  const running = await startRelay({}, port);
  cleanup.push(() => running.close());
  return running;
}

function transport(
  url: string,
  origin?: string,
): { t: RelayTransport; received: unknown[]; statuses: TransportStatus[] } {
  const t = relayTransport({
    url,
    WebSocketImpl: WS,
    random: () => 0,
    ...(origin ? { origin } : {}),
  });
  cleanup.push(() => t.close());
  const received: unknown[] = [];
  const statuses: TransportStatus[] = [];
  t.subscribe((data) => received.push(data));
  t.onStatus((status) => statuses.push(status));
  return { t, received, statuses };
}

async function rawClient(url: string): Promise<Client> {
  const client = await connect(url);
  cleanup.push(() => client.ws.terminate());
  return client;
}

const connected = (t: RelayTransport) =>
  waitFor(() => t.status().state === 'connected', 3_000, 'connected');

describe('relayTransport', () => {
  test('connects, sends tagged messages, receives others’ and reports status as data', async () => {
    const running = await relay();
    const { t, received, statuses } = transport(running.url);
    const peer = await rawClient(running.url);
    await connected(t);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);

    expect(t.send(hello('from-t'))).toBe(true);
    await waitFor(() => peer.received.length === 1, 2_000, 'the peer');
    expect(peer.received[0]).toEqual({ ...hello('from-t'), origin: t.origin });

    peer.send(hello('from-peer'));
    await waitFor(() => received.length === 1, 2_000, 'the transport');
    expect(received[0]).toEqual(hello('from-peer'));
    expect(t.stats()).toMatchObject({ sent: 1, received: 1, echoes: 0, dropped: 0 });
  });

  test('its own echoes are dropped, whoever sends them back', async () => {
    const running = await relay();
    const { t: a, received } = transport(running.url, 'same-origin-id');
    const { t: mirror } = transport(running.url, 'same-origin-id'); // a bridge sending our tag back
    const { t: other } = transport(running.url);
    await Promise.all([connected(a), connected(mirror), connected(other)]);
    mirror.send(hello('echo'));
    other.send(hello('real'));
    await waitFor(() => received.length === 1, 2_000, 'the real one');
    await sleep(50);
    expect(received).toEqual([{ ...hello('real'), origin: other.origin }]);
    expect(a.stats().echoes).toBe(1);
  });

  test('sends while disconnected fail at once and are never replayed', async () => {
    const running = await relay();
    const port = running.port;
    await running.close(); // closing twice (again in cleanup) is harmless
    const { t, statuses } = transport(`ws://127.0.0.1:${port}/relay`);
    await waitFor(() => t.status().state === 'retrying', 3_000, 'retrying');
    expect(t.send(hello('lost'))).toBe(false);
    expect(t.stats().dropped).toBe(1);
    const retrying = statuses.find((s) => s.state === 'retrying');
    expect(retrying).toMatchObject({
      state: 'retrying',
      reason: expect.stringContaining('not reachable'),
    });

    const back = await relay(port);
    const peer = await rawClient(back.url);
    await connected(t);
    await sleep(100);
    expect(peer.received).toEqual([]); // nothing stale arrives late
  });

  test('reconnects with backoff after the server restarts on the same port', async () => {
    const first = await relay();
    const port = first.port;
    const { t, received, statuses } = transport(first.url);
    await connected(t);
    await first.close();
    await waitFor(() => t.status().state === 'retrying', 3_000, 'retrying');
    await sleep(1_200); // failed attempts at about 0, 250 and 750 ms while nothing listens

    const second = await relay(port);
    await connected(t);
    const delays = statuses.flatMap((s) => (s.state === 'retrying' ? [s.inMs] : []));
    expect(delays.slice(0, 3)).toEqual([250, 500, 1000]); // doubling, jitter 0 in this test
    expect(Math.max(...delays)).toBeLessThanOrEqual(5_000);

    const peer = await rawClient(second.url);
    await waitFor(() => second.relay.stats().clients === 2, 2_000, 'both clients');
    peer.send(hello('after-restart'));
    await waitFor(() => received.length === 1, 2_000, 'a message after the restart');
    expect(t.send(hello('back'))).toBe(true);
    await waitFor(() => peer.received.length === 1, 2_000, 'the peer');
  });

  test('close() stops retrying and settles on idle', async () => {
    const { t, statuses } = transport('ws://127.0.0.1:1/relay');
    await waitFor(() => t.status().state === 'retrying', 3_000, 'retrying');
    t.close();
    expect(t.status()).toEqual({ state: 'idle' });
    const count = statuses.length;
    await sleep(600);
    expect(statuses.length).toBe(count);
  });
});
