/**
 * The Euler Stream adapter on the `npm start` server: connects to Euler's live WebSocket for
 * the creator's @uniqueId with the user's API key (a query parameter, as Euler's "WebSocket
 * Server" docs show for backends — so the URL is never logged or shown), checks every frame
 * (shared/room/euler.ts), and hands the room to the primary controller the way
 * `POST /api/audience` does: one `room.events` command over the relay, at most one a second
 * (a busy room sends tens of messages a second; one command per batch keeps the relay and
 * the controller calm). Reconnects with backoff; a bad key, a bad @name or Euler's rate limit
 * is reported as data (eulerClose.ts), not retried in a loop.
 */
import { faultDetail, type RoomFault } from '../../room/fault.js';
import { WebSocket, type RawData } from 'ws';
import { type RoomEvent } from '../../room/events.js';
import { fromEulerFrame } from '../../room/euler.js';
import { backoff, closeMeaning, type EulerState } from '../../room/eulerClose.js';
import { toGenericEvent } from '../../room/forward.js';
import { MAX_AUDIENCE_EVENTS } from '../../room/generic.js';
import { ROOM_COMMAND } from './audienceRoute.js';
import type { EulerStore } from './eulerStore.js';
import type { Forwarder } from './forwarder.js';

export const EULER_URL = 'wss://ws.eulerstream.com';
/** A frame larger than this is refused unread (a bundle is a few kilobytes). */
const MAX_FRAME_BYTES = 1024 * 1024;

export interface EulerStatus {
  state: EulerState;
  creator: string | null;
  taken: number;
  ignored: number;
  refused: number;
  /** Taken while no show was running: nobody to hand them to. */
  dropped: number;
  /** Euler's close code and the first refusal's words, never the key or the URL. */
  lastClose: number | null;
  lastProblem: string | null;
  /** `lastProblem` as data, worded by the page in the producer's language. */
  lastFault: RoomFault | null;
}

export interface EulerLinkOptions {
  store: EulerStore;
  forwarder: Forwarder;
  /** Test-only: a stand-in server instead of Euler (FLASHCUE_EULER_URL). */
  url?: string;
  flushMs?: number;
  random?: () => number;
}

export interface EulerLink {
  status(): EulerStatus;
  /** Settings changed: drop the link and follow them (connect when on, with key and name). */
  restart(): void;
  stop(): void;
}

const textOf = (data: RawData): string =>
  Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');

export function createEulerLink(o: EulerLinkOptions): EulerLink {
  const base = o.url || EULER_URL;
  const random = o.random ?? Math.random;
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let batch = 0;
  const stamp = Date.now().toString(36);
  let pending: RoomEvent[] = [];
  const s: EulerStatus = {
    state: 'off',
    creator: null,
    taken: 0,
    ignored: 0,
    refused: 0,
    dropped: 0,
    lastClose: null,
    lastProblem: null,
    lastFault: null,
  };
  const flusher = setInterval(flush, o.flushMs ?? 1000);
  flusher.unref?.();

  function flush() {
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    if (!o.forwarder.liveShow()) {
      s.dropped += events.length;
      return;
    }
    for (let i = 0; i < events.length; i += MAX_AUDIENCE_EVENTS) {
      const id = `euler:${stamp}:${++batch}`;
      const chunk = events.slice(i, i + MAX_AUDIENCE_EVENTS).map(toGenericEvent);
      void o.forwarder.forward([
        { id, command: ROOM_COMMAND, args: { events: chunk }, orderId: id },
      ]);
    }
  }

  function said(fault: RoomFault) {
    s.lastProblem = faultDetail(fault);
    s.lastFault = fault;
  }

  function onMessage(data: RawData, isBinary: boolean) {
    if (isBinary) {
      s.refused++;
      said({ code: 'binary' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(textOf(data));
    } catch {
      s.refused++;
      said({ code: 'not_json' });
      return;
    }
    const frame = fromEulerFrame(json);
    s.taken += frame.events.length;
    s.ignored += frame.ignored;
    s.refused += frame.refused;
    if (frame.fault) said(frame.fault);
    pending.push(...frame.events);
  }

  function connect() {
    retry = null;
    const { apiKey, creator, on } = o.store.get();
    s.creator = creator;
    if (!on || !apiKey || !creator) {
      s.state = 'off';
      return;
    }
    s.state = 'connecting';
    const url = `${base}?${new URLSearchParams({ uniqueId: creator, apiKey })}`;
    const ws = new WebSocket(url, { maxPayload: MAX_FRAME_BYTES, handshakeTimeout: 10_000 });
    socket = ws;
    ws.on('open', () => {
      failures = 0;
      s.state = 'live';
    });
    ws.on('message', onMessage);
    // The error's words may quote the address, which holds the key: keep only its kind.
    ws.on('error', (error: Error & { code?: string }) => {
      if (socket !== ws) return;
      said(error.code ? { code: 'network', error: error.code } : { code: 'failed' });
    });
    ws.on('close', (code: number) => {
      if (socket !== ws) return;
      socket = null;
      s.lastClose = code;
      failures++;
      const meaning = closeMeaning(code, backoff(failures, random()));
      s.state = meaning.state;
      if (meaning.retryMs !== null) retry = setTimeout(connect, meaning.retryMs);
    });
  }

  function drop() {
    if (retry) clearTimeout(retry);
    retry = null;
    const ws = socket;
    socket = null;
    ws?.close(1000);
    ws?.removeAllListeners('message');
  }

  connect();
  return {
    status: () => ({ ...s }),
    restart() {
      drop();
      failures = 0;
      s.lastClose = null;
      s.lastProblem = null;
      s.lastFault = null;
      connect();
    },
    stop() {
      drop();
      clearInterval(flusher);
      s.state = 'off';
    },
  };
}
