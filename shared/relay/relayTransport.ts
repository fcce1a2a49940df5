/**
 * Transport over the local relay (shared/relay/server.ts), for pages and tools that cannot use
 * obs-websocket: Streamlabs browser sources above all. Works in browsers and, given `ws`'s
 * WebSocket as `WebSocketImpl`, in Node.
 *
 * Sends while disconnected are dropped, not queued, and `send` says so by returning false.
 * Views: the publisher re-sends a full view every second and on every change, so a queued
 * one would only ever be replaced. Commands: replaying "+1 sold" or "next product" seconds
 * late, after the producer has already clicked again, is worse than failing at once; a tool
 * reads `status()` or the `false`, and its command gets no ack, so it can tell the person.
 *
 * Outgoing objects carry `origin` (this transport's id) like the OBS custom-event transport,
 * and incoming messages with our own origin are dropped. The relay never echoes to the sender;
 * the tag is the second belt that keeps a bridge or a second relay in the path from looping.
 */
import { ORIGIN_KEY } from '../obs/customEventTransport';
import { backoffDelay } from '../obs/policy';
import type { Transport, TransportStatus } from '../protocol/transport';
import { MAX_BUFFERED_BYTES, MAX_MESSAGE_BYTES, RELAY_PATH } from './policy';

/** What we use of a WebSocket: the browser's and `ws`'s both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketCtor = new (url: string) => WebSocketLike;

export interface RelayTransportOptions {
  url: string;
  /** Default: the global WebSocket (browsers; Node 22+). */
  WebSocketImpl?: WebSocketCtor;
  origin?: string;
  /** For tests: jitter source (the delay is jittered down by up to 25 %). */
  random?: () => number;
  /** A server that accepts TCP but never upgrades (frozen) is given up after this. */
  connectTimeoutMs?: number;
}

export interface RelayTransportStats {
  sent: number;
  received: number;
  echoes: number;
  /** Not sent: disconnected, too large for the relay, or the link hopelessly behind. */
  dropped: number;
  invalid: number;
}

export interface RelayTransport extends Transport {
  readonly origin: string;
  /** True when handed to the socket; false when dropped (see the module note). */
  send(message: unknown): boolean;
  status(): TransportStatus;
  /** Called at once with the current status, then on every change. */
  onStatus(listener: (status: TransportStatus) => void): () => void;
  stats(): RelayTransportStats;
}

const OPEN = 1;

/** ws(s)://host/relay for the page's own server: pages are served by the relay's server. */
export function relayUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${RELAY_PATH}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const byteLength = (text: string) =>
  // Every UTF-16 unit is at most 3 UTF-8 bytes: only measure when that bound is too big.
  text.length * 3 <= MAX_MESSAGE_BYTES ? text.length : new TextEncoder().encode(text).length;

export function relayTransport(options: RelayTransportOptions): RelayTransport {
  const { url } = options;
  const maybeImpl =
    options.WebSocketImpl ?? (globalThis.WebSocket as unknown as WebSocketCtor | undefined);
  if (!maybeImpl)
    throw new Error('relayTransport: no WebSocket here; pass WebSocketImpl (e.g. from "ws").');
  const Impl: WebSocketCtor = maybeImpl;
  const origin = options.origin ?? `r-${Math.random().toString(36).slice(2, 12)}`;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const listeners = new Set<(data: unknown) => void>();
  const statusListeners = new Set<(status: TransportStatus) => void>();
  const stats: RelayTransportStats = { sent: 0, received: 0, echoes: 0, dropped: 0, invalid: 0 };
  let status: TransportStatus = { state: 'idle' };
  let socket: WebSocketLike | undefined;
  let failures = 0;
  let running = true;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connectTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: TransportStatus) => {
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };

  function attempt(): void {
    retryTimer = undefined;
    let opened = false;
    const ws = new Impl(url);
    socket = ws;
    setStatus({ state: 'connecting' });
    connectTimer = setTimeout(() => ws.close(), connectTimeoutMs);
    ws.onopen = () => {
      clearTimeout(connectTimer);
      opened = true;
      failures = 0;
      setStatus({ state: 'connected' });
    };
    ws.onmessage = (event) => onData(event.data);
    // Browsers fire error then close; close alone carries what we need.
    ws.onerror = () => undefined;
    ws.onclose = (event) => {
      clearTimeout(connectTimer);
      if (socket !== ws) return;
      socket = undefined;
      if (!running) return;
      failures += 1;
      const inMs = backoffDelay(failures, {
        live: true,
        ...(options.random ? { random: options.random } : {}),
      });
      retryTimer = setTimeout(attempt, inMs);
      setStatus({ state: 'retrying', inMs, reason: reasonFor(event.code, opened) });
    };
  }

  function reasonFor(code: number, opened: boolean): string {
    if (code === 1009) return 'The relay refused a message too large for it, and closed the link.';
    if (code === 1001) return 'The Flashcue server is shutting down.';
    if (opened) return `Lost the link to the Flashcue relay at ${url}.`;
    return (
      `The Flashcue relay at ${url} is not reachable, or refused this page. ` +
      'Is Flashcue (npm start) running on this computer?'
    );
  }

  function onData(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      stats.invalid += 1;
      return;
    }
    if (isObject(message) && message[ORIGIN_KEY] === origin) {
      stats.echoes += 1;
      return;
    }
    stats.received += 1;
    for (const listener of [...listeners]) listener(message);
  }

  attempt();

  return {
    name: 'relay',
    origin,
    send(message) {
      const ws = socket;
      // A link this far behind would only deliver stale views late; the next one replaces it.
      if (!ws || ws.readyState !== OPEN || ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        stats.dropped += 1;
        return false;
      }
      const text = JSON.stringify(
        isObject(message) ? { ...message, [ORIGIN_KEY]: origin } : message,
      );
      // The relay would drop it anyway: fail here, where the sender can still hear about it.
      if (text === undefined || byteLength(text) > MAX_MESSAGE_BYTES) {
        stats.dropped += 1;
        return false;
      }
      ws.send(text);
      stats.sent += 1;
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    stats: () => ({ ...stats }),
    close() {
      running = false;
      clearTimeout(retryTimer);
      clearTimeout(connectTimer);
      const ws = socket;
      socket = undefined;
      ws?.close(1000);
      listeners.clear();
      setStatus({ state: 'idle' });
      statusListeners.clear();
    },
  };
}
