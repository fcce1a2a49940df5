// A real `npm start`-like server (relay + intake on 127.0.0.1) and a stand-in primary
// controller on the relay that beats like the real one and answers commands.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attachIntake,
  type Intake,
  type IntakeOptions,
} from '../../shared/intake/node/intakeServer';
import { attachRelay } from '../../shared/relay/server';
import { connect, type Client } from './relay';

export interface Running {
  base: string;
  server: Server;
  intake: Intake;
  relayUrl: string;
  close(): Promise<void>;
}

export async function startIntake(options: Partial<IntakeOptions> = {}): Promise<Running> {
  const server = createServer((req, res) =>
    intake.middleware(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  const relay = attachRelay(server);
  const intake = attachIntake({
    relay,
    dataDir: mkdtempSync(join(tmpdir(), 'flashcue-intake-')),
    env: {},
    ackTimeoutMs: 1000,
    tiktok: { intervalMs: 60_000 },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    intake,
    relayUrl: `ws://127.0.0.1:${port}/relay`,
    close: () => {
      intake.close();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface FakePrimary {
  client: Client;
  commands: Array<{ id: string; command: string; args: Record<string, unknown> }>;
  stop(): void;
}

/**
 * Beats every 200 ms with `phase`; answers `sale` like the orders-core contract (a known
 * orderId → the first result with duplicate: true; a repeated command id → the first answer),
 * refuses sku "GONE", and answers `sale.cancel`.
 */
export async function fakePrimary(
  relayUrl: string,
  phase: 'ready' | 'live' | 'ended' = 'live',
): Promise<FakePrimary> {
  const client = await connect(relayUrl);
  const commands: FakePrimary['commands'] = [];
  const byId = new Map<string, unknown>();
  const byOrder = new Map<string, number>();
  let seq = 0;
  const beat = () =>
    client.send({
      app: 'flashcue',
      v: 1,
      kind: 'primary',
      showId: 'show-1',
      title: 'Test show',
      device: 'dev-1',
      deviceName: 'Test',
      term: 1,
      terms: [{ term: 1, startSeq: 1, device: 'dev-1' }],
      lastSeq: seq,
      phase,
    });
  beat();
  const timer = setInterval(beat, 200);
  client.ws.on('message', (data) => {
    const m = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as {
      kind: string;
      id: string;
      command: string;
      args: Record<string, unknown>;
    };
    if (m.kind !== 'command') return;
    commands.push({ id: m.id, command: m.command, args: m.args });
    let ack = byId.get(m.id);
    if (!ack) {
      const orderId = String(m.args.orderId);
      if (m.command === 'sale' && m.args.sku === 'GONE')
        ack = { ok: false, error: 'There is no product with SKU "GONE" in this run sheet.' };
      else if (m.command === 'sale' && byOrder.has(orderId))
        ack = { ok: true, result: { seq: byOrder.get(orderId), duplicate: true } };
      else {
        seq += 1;
        if (m.command === 'sale') byOrder.set(orderId, seq);
        ack = { ok: true, result: { seq } };
      }
      byId.set(m.id, ack);
    }
    client.send({ app: 'flashcue', v: 1, kind: 'ack', id: m.id, ...(ack as object) });
  });
  return {
    client,
    commands,
    stop: () => {
      clearInterval(timer);
      client.ws.terminate();
    },
  };
}
