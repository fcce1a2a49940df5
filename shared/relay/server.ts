/**
 * The local relay (Node only): Streamlabs Desktop has no obs-websocket, so its browser sources,
 * remote tools and the controller meet here, on the server `npm start` runs. It forwards each
 * Flashcue message to every other client and nothing else: not other apps' JSON, not binary,
 * not oversized or flooding traffic. It takes the `upgrade` event for its own path only, so
 * Vite's HMR socket in dev is left alone.
 *
 * Only vite.config.ts and tests import this file: it needs `ws` and Node's http, which must
 * never reach a page bundle (`npm run build` output is checked for it in the report).
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { isFlashcueEnvelope } from '../protocol/messages.js';
import {
  HARD_MAX_FRAME_BYTES,
  MAX_BUFFERED_BYTES,
  MAX_CLIENTS,
  MAX_MESSAGE_BYTES,
  RATE,
  RELAY_PATH,
  decideUpgrade,
  isLoopbackAddress,
  messageCost,
  tokenBucket,
  type RefusalReason,
  type TokenBucket,
} from './policy.js';

export interface RelayOptions {
  path?: string;
  /** Accept connections from other devices (FLASHCUE_RELAY_OPEN=1). Default: this computer only. */
  open?: boolean;
  /** Host names besides localhost and IP literals (Vite's `allowedHosts`). */
  allowedHosts?: readonly string[] | true;
  maxMessageBytes?: number;
  rate?: { perSecond: number; burst: number };
  maxClients?: number;
  /** Clients that miss a ping for this long are dropped (half-open sockets never say goodbye). */
  pingMs?: number;
  now?: () => number;
  /** Told once per kind of refusal, so a producer learns why an overlay cannot connect. */
  warn?: (line: string) => void;
}

export interface RelayStats {
  clients: number;
  /** Messages accepted (counted once, whatever the number of receivers). */
  relayed: number;
  /** Copies sent to receivers. */
  delivered: number;
  dropped: {
    foreign: number;
    invalid: number;
    tooLarge: number;
    rateLimited: number;
    slowReceiver: number;
  };
  refused: { remote: number; host: number; origin: number; full: number };
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export interface Relay {
  readonly path: string;
  stats(): RelayStats;
  /** Answers GET <path>/stats with RelayStats as JSON; anything else goes to `next`. */
  middleware: Middleware;
  /** Drops every client; also runs when the HTTP server closes. */
  close(): Promise<void>;
  /** Sends a message from the server itself (the order intake) to every client. */
  inject(message: object): void;
  /** Hears every relayed message, already parsed (the intake waits for acks this way). */
  listen(listener: (message: unknown) => void): () => void;
}

const pathnameOf = (url: string | undefined) => (url ?? '/').split('?')[0];

const WHY: Record<RefusalReason | 'full', string> = {
  remote: 'from another device (set FLASHCUE_RELAY_OPEN=1 to allow the local network)',
  host: 'with an unknown Host name (add it to allowedHosts)',
  origin: 'from a page that is not served by Flashcue',
  full: `beyond ${MAX_CLIENTS} clients`,
};

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachRelay(httpServer: HttpServer, options: RelayOptions = {}): Relay {
  const path = options.path ?? RELAY_PATH;
  const statsPath = `${path}/stats`;
  const maxBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  const rate = options.rate ?? RATE;
  const maxClients = options.maxClients ?? MAX_CLIENTS;
  const policy = { open: options.open ?? false, allowedHosts: options.allowedHosts ?? [] };
  const counts = {
    relayed: 0,
    delivered: 0,
    dropped: { foreign: 0, invalid: 0, tooLarge: 0, rateLimited: 0, slowReceiver: 0 },
    refused: { remote: 0, host: 0, origin: 0, full: 0 },
  };
  const warned = new Set<string>();
  const peers = new Map<WebSocket, { bucket: TokenBucket; alive: boolean }>();
  const listeners = new Set<(message: unknown) => void>();
  // perMessageDeflate stays off: views are re-sent every second and CPU matters more than
  // loopback bandwidth; maxPayload stops absurd frames before they are buffered whole.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(HARD_MAX_FRAME_BYTES, 2 * maxBytes),
  });
  let closed = false;

  const refused = (socket: Duplex, reason: RefusalReason | 'full', req: IncomingMessage) => {
    counts.refused[reason] += 1;
    if (!warned.has(reason)) {
      warned.add(reason);
      options.warn?.(
        `Flashcue relay: refused a connection ${WHY[reason]} (${req.socket.remoteAddress}, Origin ${req.headers.origin ?? 'none'}).`,
      );
    }
    refuse(
      socket,
      reason === 'full' ? 503 : 403,
      reason === 'full' ? 'Service Unavailable' : 'Forbidden',
    );
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathnameOf(req.url) !== path) {
      // Someone else's path (Vite's HMR in dev). Node destroys unclaimed upgrades only when
      // nobody listens; once we listen, an upgrade no one claims would hang, so answer it.
      if (httpServer.listenerCount('upgrade') === 1) refuse(socket, 404, 'Not Found');
      return;
    }
    if (closed) return refuse(socket, 503, 'Service Unavailable');
    const decision = decideUpgrade(req, policy);
    if (!decision.ok) return refused(socket, decision.reason, req);
    if (peers.size >= maxClients) return refused(socket, 'full', req);
    wss.handleUpgrade(req, socket, head, (ws) => {
      peers.set(ws, { bucket: tokenBucket(rate.perSecond, rate.burst, options.now), alive: true });
      ws.on('message', (data, isBinary) => onMessage(ws, data, isBinary));
      ws.on('pong', () => {
        const peer = peers.get(ws);
        if (peer) peer.alive = true;
      });
      // Protocol errors (bad UTF-8, frame over maxPayload) close the socket; nothing to add.
      ws.on('error', () => undefined);
      ws.on('close', () => peers.delete(ws));
    });
  };

  function onMessage(from: WebSocket, data: RawData, isBinary: boolean): void {
    const peer = peers.get(from);
    if (!peer) return;
    const buffer = toBuffer(data);
    // The budget is charged first, for anything: a flood of junk costs as much as a flood of views.
    if (!peer.bucket.take(messageCost(buffer.length)))
      return void (counts.dropped.rateLimited += 1);
    if (buffer.length > maxBytes) return void (counts.dropped.tooLarge += 1);
    if (isBinary) return void (counts.dropped.invalid += 1);
    let parsed: unknown;
    try {
      parsed = JSON.parse(buffer.toString('utf8'));
    } catch {
      return void (counts.dropped.invalid += 1);
    }
    if (!isFlashcueEnvelope(parsed) || Array.isArray(parsed))
      return void (counts.dropped.foreign += 1);
    counts.relayed += 1;
    for (const listener of listeners) listener(parsed);
    // The sender is skipped: the relay never echoes (the client still drops echoes by origin).
    for (const client of peers.keys()) {
      if (client === from || client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
        counts.dropped.slowReceiver += 1;
        continue;
      }
      client.send(buffer, { binary: false });
      counts.delivered += 1;
    }
  }

  const pinger = setInterval(() => {
    for (const [ws, peer] of peers) {
      if (!peer.alive) {
        ws.terminate();
        continue;
      }
      peer.alive = false;
      ws.ping();
    }
  }, options.pingMs ?? 20_000);
  pinger.unref();

  const stats = (): RelayStats => ({
    clients: peers.size,
    relayed: counts.relayed,
    delivered: counts.delivered,
    dropped: { ...counts.dropped },
    refused: { ...counts.refused },
  });

  const middleware: Middleware = (req, res, next) => {
    if (req.method !== 'GET' || pathnameOf(req.url) !== statsPath) return next?.();
    res.statusCode = policy.open || isLoopbackAddress(req.socket.remoteAddress) ? 200 : 403;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(res.statusCode === 200 ? JSON.stringify(stats()) : '{}');
  };

  function close(): Promise<void> {
    if (closed) return Promise.resolve();
    closed = true;
    clearInterval(pinger);
    httpServer.off('upgrade', onUpgrade);
    for (const ws of peers.keys()) ws.terminate();
    peers.clear();
    return new Promise((resolve) => wss.close(() => resolve()));
  }

  httpServer.on('upgrade', onUpgrade);
  // http.Server#close waits for every connection, and upgraded sockets are not idle ones it
  // would end itself: drop our clients first, or closing a plain server would never finish.
  const closeHttp = httpServer.close.bind(httpServer);
  httpServer.close = (callback?: (error?: Error) => void) => {
    void close();
    return closeHttp(callback);
  };
  httpServer.once('close', () => void close());

  // The server's own messages skip the rate limit: it is not a peer that could flood, and
  // the intake already limits what comes in through its door.
  const inject = (message: object) => {
    const text = JSON.stringify(message);
    counts.relayed += 1;
    for (const client of peers.keys()) {
      if (client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
        counts.dropped.slowReceiver += 1;
        continue;
      }
      client.send(text, { binary: false });
      counts.delivered += 1;
    }
  };
  const listen = (listener: (message: unknown) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  return { path, stats, middleware, close, inject, listen };
}
