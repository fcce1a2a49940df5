/**
 * The TikFinity adapter: TikFinity (a desktop app) serves the live room on a local WebSocket,
 * `ws://localhost:21213/` by default, one JSON `{event, data}` per message. This adapter
 * connects, reconnects with backoff and jitter (TikFinity is often started after Flashcue),
 * checks every message (shared/room/events.ts) and reports its status as data — it never
 * throws at the UI. Framework-free so it is tested in Node against a stand-in server.
 */
import type { RoomFault } from '../../shared/room/fault';
import { fromTikFinity, type RoomEvent } from '../../shared/room/events';

export const TIKFINITY_DEFAULT = 'ws://localhost:21213/';

/** A message larger than this is refused unread (a real one is a few hundred bytes). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface SourceStatus {
  state: 'off' | 'connecting' | 'live' | 'closed';
  url: string | null;
  taken: number;
  ignored: number;
  refused: number;
  /** The last thing that went wrong, as data the screens word (roomWords.ts), or null. */
  problem: SourceProblem | null;
}

export type SourceProblem =
  | { code: 'closed'; url: string; status: number }
  | { code: 'unreachable'; url: string }
  | { code: 'not_text' }
  | { code: 'not_json' }
  | { code: 'refused'; detail: string; fault?: RoomFault };

/** Why an address was not taken. */
export type UrlProblem = { code: 'not_address'; raw: string } | { code: 'not_ws' };

interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface SourceOptions {
  onEvent(event: RoomEvent): void;
  onStatus?(status: SourceStatus): void;
  socket?: SocketFactory;
  /** Backoff: first wait, doubled per failure up to the cap, ±20 % jitter. */
  backoffMs?: { first: number; max: number };
}

/** `ws://` or `wss://` only: anything else in a fragment or a field is refused, in words. */
export function checkSourceUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: { code: 'not_address', raw: raw.slice(0, 80) } };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return { ok: false, problem: { code: 'not_ws' } };
  return { ok: true, url: url.toString() };
}

export function createTikFinitySource(options: SourceOptions) {
  const make: SocketFactory =
    options.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
  const backoff = options.backoffMs ?? { first: 1000, max: 30_000 };
  const status: SourceStatus = {
    state: 'off',
    url: null,
    taken: 0,
    ignored: 0,
    refused: 0,
    problem: null,
  };
  let socket: SocketLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;

  const report = () => options.onStatus?.({ ...status });

  function message(data: unknown) {
    if (typeof data !== 'string' || data.length > MAX_MESSAGE_BYTES) {
      status.refused++;
      status.problem = { code: 'not_text' };
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      status.refused++;
      status.problem = { code: 'not_json' };
      return;
    }
    const result = fromTikFinity(json);
    if (result.ok) {
      status.taken++;
      options.onEvent(result.event);
    } else if (result.why === 'ignored') status.ignored++;
    else {
      status.refused++;
      status.problem = { code: 'refused', detail: result.detail, fault: result.fault };
    }
  }

  function open() {
    if (!status.url) return;
    status.state = 'connecting';
    report();
    const ws = make(status.url);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      failures = 0;
      status.state = 'live';
      status.problem = null;
      report();
    };
    ws.onmessage = (ev) => {
      if (socket !== ws) return;
      message(ev.data);
      // Counts are read by the UI on its own clock; a status per message would flood it.
    };
    ws.onerror = () => undefined; // onclose follows with the code
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = null;
      status.state = 'closed';
      const url = status.url ?? '';
      status.problem =
        failures === 0 && ev.code !== 1000
          ? { code: 'closed', url, status: ev.code }
          : { code: 'unreachable', url };
      failures++;
      report();
      const wait = Math.min(backoff.max, backoff.first * 2 ** (failures - 1));
      timer = setTimeout(open, wait * (0.8 + Math.random() * 0.4));
    };
  }

  return {
    status: (): SourceStatus => ({ ...status }),
    connect(url: string): { ok: true } | { ok: false; problem: UrlProblem } {
      const checked = checkSourceUrl(url);
      if (!checked.ok) return checked;
      this.disconnect();
      status.url = checked.url;
      failures = 0;
      open();
      return { ok: true };
    },
    disconnect() {
      if (timer) clearTimeout(timer);
      timer = null;
      const ws = socket;
      socket = null;
      ws?.close();
      status.state = 'off';
      report();
    },
  };
}
export type TikFinitySource = ReturnType<typeof createTikFinitySource>;
