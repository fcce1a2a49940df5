/**
 * The OBS link's public shape. Features (transports, set-up, scene follower, resend) depend on
 * `ObsLink` only, so their unit tests fake exactly this and never need a socket.
 */
import type {
  OBSEventTypes,
  OBSRequestTypes,
  OBSResponseTypes,
  RequestBatchOptions,
  RequestBatchRequest,
  ResponseMessage,
} from 'obs-websocket-js/json';
import type { ObsCause } from './policy';

export type ObsStatus =
  | { state: 'idle' }
  | { state: 'connecting'; attempt: number }
  | { state: 'connected'; obsVersion: string; wsVersion: string }
  /** `attempt`: consecutive failures so far (show "offline" from 2, as Ontime does). */
  | { state: 'retrying'; inMs: number; attempt: number; reason: string; cause: ObsCause }
  /** `reason`: the English sentence; `cause`: the same as data, for the controller's words. */
  | { state: 'failed'; reason: string; cause: ObsCause; code?: number };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const globalTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CallOptions {
  timeoutMs?: number;
}

export interface ObsLink {
  status(): ObsStatus;
  /** Called at once with the current status, then on every change. */
  onStatus(listener: (status: ObsStatus) => void): () => void;
  /** Rejects with an ObsCallError (status, timeout, closed, notConnected); 207 is retried. */
  call<T extends keyof OBSRequestTypes>(
    requestType: T,
    requestData?: OBSRequestTypes[T],
    options?: CallOptions,
  ): Promise<OBSResponseTypes[T]>;
  /** In order (RequestBatch); individual failures come back as results, not as a rejection. */
  batch(
    requests: RequestBatchRequest[],
    options?: RequestBatchOptions & CallOptions,
  ): Promise<ResponseMessage[]>;
  /** Survives reconnects. Returns an unsubscribe. */
  on<E extends keyof OBSEventTypes>(
    event: E,
    handler: (data: OBSEventTypes[E]) => void,
  ): () => void;
  /** Fires on every (re)connect, and at once if already connected: re-sync here. */
  onConnected(handler: () => void): () => void;
}

export interface ObsConnection extends ObsLink {
  /** Starts connecting; nothing happens at construction (one wiring module starts sockets). */
  start(): void;
  /** Try now: a "Retry" button, a corrected password, the show going live during a long wait. */
  reconnect(): void;
  /** Stops everything: socket, timers, retries; pending calls are rejected. Status → idle. */
  close(): void;
}

export interface ObsConnectionOptions {
  /** ws://host:4455 — taken from the page's URL fragment, never its query. */
  url: string;
  password?: string;
  /** Monotonic ms; performance.now by default. */
  now?: () => number;
  timers?: Timers;
  /** True while a show is on air: retries are then capped at 5 s instead of 30 s. */
  live?: () => boolean;
  random?: () => number;
  /** Default 3 s. */
  callTimeoutMs?: number;
  /** Hello + Identify + GetVersion must finish within this (default 5 s). */
  connectTimeoutMs?: number;
  /** Probe a link that has been silent this long (default 1.5 s)… */
  keepaliveMs?: number;
  /** …and declare it dead when the probe gets no answer within this (default 3 s). */
  deadAfterMs?: number;
  /** Wait before repeating a request OBS answered with 207 "not ready" (default 250 ms). */
  notReadyRetryMs?: number;
  eventSubscriptions?: number;
}
