// A real relay on 127.0.0.1 and raw `ws` clients: the relay is tested through its sockets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { attachRelay, type Relay, type RelayOptions } from '../../shared/relay/server';

export interface Running {
  server: Server;
  relay: Relay;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startRelay(options: RelayOptions = {}, port = 0): Promise<Running> {
  const server = createServer((req, res) =>
    relay.middleware(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  const relay = attachRelay(server, options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    relay,
    port: actual,
    url: `ws://127.0.0.1:${actual}/relay`,
    // Only http.Server#close: the relay must drop its clients itself for this to finish.
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A connected client that records every text message it receives. */
export interface Client {
  ws: WebSocket;
  received: unknown[];
  send(message: unknown): void;
}

export function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const received: unknown[] = [];
    ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8'))));
    ws.once('open', () =>
      resolve({
        ws,
        received,
        send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
      }),
    );
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`refused with ${res.statusCode}`)),
    );
    ws.once('error', reject);
  });
}

export async function waitFor<T>(
  probe: () => T | undefined | false,
  timeoutMs = 2_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let counter = 0;
export const hello = (sender = `t-${++counter}`) => ({
  app: 'flashcue',
  v: 1,
  kind: 'hello',
  sender,
  role: 'tool',
});
