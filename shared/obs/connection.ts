/**
 * The one adapter around obs-websocket-js. It reconnects with backoff, reports status as data,
 * settles every call (obs-websocket-js leaves calls in flight hanging when the socket closes),
 * and detects a dead link itself: the server sends no pings, so an idle link is probed.
 * Components subscribe through `on()`; nothing else touches an OBSWebSocket.
 */
import OBSWebSocket, { EventSubscription, OBSWebSocketError } from 'obs-websocket-js/json';
import { ObsCallError } from './callError';
import { createPendingCalls } from './pendingCalls';
import { backoffDelay, causeSentence, closeCause, describeWait, isFinalCloseCode } from './policy';
import type { ObsCause } from './policy';
import {
  globalTimers,
  type ObsConnection,
  type ObsConnectionOptions,
  type ObsStatus,
} from './types';

export type { ObsConnection, ObsConnectionOptions, ObsStatus } from './types';

/** Input show/active changes are opt-in ("high volume"); resend.ts needs them. */
export const DEFAULT_EVENT_SUBSCRIPTIONS =
  EventSubscription.All |
  EventSubscription.InputActiveStateChanged |
  EventSubscription.InputShowStateChanged;

/** A tiny answer ({studioModeEnabled}); GetVersion's answer is ~4 kB with OBS 29. */
const PROBE_REQUEST = 'GetStudioModeEnabled';

type Emitter = {
  on(name: string, fn: (data: unknown) => void): void;
  off(name: string, fn: (data: unknown) => void): void;
};

/** A throwing listener must not break the connection; rethrown later so it is still reported. */
function notify<A>(listeners: Iterable<(arg: A) => void>, arg: A): void {
  for (const listener of [...listeners]) {
    try {
      listener(arg);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

export function createObsConnection(options: ObsConnectionOptions): ObsConnection {
  const timers = options.timers ?? globalTimers;
  const now = options.now ?? (() => performance.now());
  const callTimeoutMs = options.callTimeoutMs ?? 3_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const keepaliveMs = options.keepaliveMs ?? 1_500;
  const deadAfterMs = options.deadAfterMs ?? 3_000;
  const { url, password } = options;

  let status: ObsStatus = { state: 'idle' };
  let client: OBSWebSocket | undefined;
  let generation = 0; // bumps whenever a socket is given up: its late callbacks are ignored
  let identified = false;
  let running = false;
  let failures = 0;
  let retryTimer: unknown;
  let connectTimer: unknown;
  let probeTimer: unknown;
  let lastHeard = 0;
  const heard = () => {
    lastHeard = now();
  };
  const calls = createPendingCalls({
    timers,
    notReadyRetryMs: options.notReadyRetryMs ?? 250,
    onAnswer: heard,
  });
  const handlers = new Map<string, Set<(data: unknown) => void>>();
  const dispatchers = new Map<string, (data: unknown) => void>();
  const statusListeners = new Set<(status: ObsStatus) => void>();
  const connectedListeners = new Set<() => void>();

  const clear = (handle: unknown) => {
    if (handle !== undefined) timers.clearTimeout(handle);
  };
  const setStatus = (next: ObsStatus) => {
    status = next;
    notify(statusListeners, next);
  };
  /** One forwarding function per event name, attached to each new socket. */
  const dispatcher = (name: string) => {
    let fn = dispatchers.get(name);
    if (!fn) {
      fn = (data) => {
        heard();
        notify(handlers.get(name) ?? [], data);
      };
      dispatchers.set(name, fn);
    }
    return fn;
  };

  function attempt(): void {
    const gen = ++generation;
    // A fresh instance per attempt: nothing from a given-up socket can leak into this one.
    const c = new OBSWebSocket();
    client = c;
    identified = false;
    setStatus({ state: 'connecting', attempt: failures + 1 });
    // A stopped OBS still completes TCP (the kernel accepts), then never says Hello.
    connectTimer = timers.setTimeout(
      () => lost(gen, undefined, { code: 'no_hello', url, seconds: connectTimeoutMs / 1000 }),
      connectTimeoutMs,
    );
    c.on('ConnectionClosed', (error) => lost(gen, error.code));
    c.connect(url, password, {
      rpcVersion: 1,
      eventSubscriptions: options.eventSubscriptions ?? DEFAULT_EVENT_SUBSCRIPTIONS,
    })
      .then(() => c.call('GetVersion'))
      .then((version) => {
        if (gen !== generation) return;
        clear(connectTimer);
        connectTimer = undefined;
        failures = 0;
        identified = true;
        for (const name of handlers.keys()) (c as unknown as Emitter).on(name, dispatcher(name));
        heard();
        armProbe(gen, keepaliveMs);
        setStatus({
          state: 'connected',
          obsVersion: version.obsVersion,
          wsVersion: version.obsWebSocketVersion,
        });
        notify(connectedListeners, undefined);
      })
      .catch((error: unknown) =>
        lost(gen, error instanceof OBSWebSocketError ? error.code : undefined),
      );
  }

  /** Gives up the current socket: settles its calls, then retries or stops. */
  function lost(gen: number, code: number | undefined, given?: ObsCause): void {
    if (gen !== generation || !client) return;
    const wasConnected = identified;
    abandon(client);
    generation += 1;
    client = undefined;
    identified = false;
    clear(connectTimer);
    clear(probeTimer);
    connectTimer = probeTimer = undefined;
    const cause = given ?? closeCause({ code, url, hasPassword: !!password, wasConnected });
    const why = causeSentence(cause);
    calls.rejectAll(why, cause);
    if (!running) return;
    if (isFinalCloseCode(code)) {
      running = false;
      setStatus({ state: 'failed', reason: why, cause, ...(code === undefined ? {} : { code }) });
      return;
    }
    failures += 1;
    const live = options.live?.() ?? false;
    const inMs = backoffDelay(
      failures,
      options.random ? { live, random: options.random } : { live },
    );
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      attempt();
    }, inMs);
    setStatus({ state: 'retrying', inMs, attempt: failures, reason: why, cause });
  }

  function abandon(c: OBSWebSocket): void {
    c.removeAllListeners();
    // ws (Node) drops a socket at once; a browser's close() may wait for a frozen peer's
    // closing handshake, which is harmless: this instance is never used again.
    const socket = (c as unknown as { socket?: { terminate?: () => void } }).socket;
    try {
      if (socket?.terminate) socket.terminate();
      else void c.disconnect().catch(() => undefined);
    } catch {
      // already closed
    }
  }

  function armProbe(gen: number, inMs: number): void {
    probeTimer = timers.setTimeout(() => probe(gen), inMs);
  }

  /** Probes only a link silent for keepaliveMs: a dead one is found within keepalive + deadAfter. */
  function probe(gen: number): void {
    probeTimer = undefined;
    if (gen !== generation) return;
    const idle = now() - lastHeard;
    if (idle < keepaliveMs) return armProbe(gen, keepaliveMs - idle);
    const sentAt = now();
    track(PROBE_REQUEST, deadAfterMs, false, (c) => c.call(PROBE_REQUEST)).then(
      () => gen === generation && armProbe(gen, keepaliveMs),
      (error: unknown) => {
        if (gen !== generation) return;
        const silent =
          error instanceof ObsCallError && error.kind === 'timeout' && lastHeard <= sentAt;
        if (silent) lost(gen, undefined, { code: 'silent', seconds: deadAfterMs / 1000 });
        else armProbe(gen, keepaliveMs);
      },
    );
  }

  function track<T>(
    requestType: string,
    timeoutMs: number,
    retryNotReady: boolean,
    run: (c: OBSWebSocket) => Promise<T>,
  ) {
    const c = client;
    if (c && identified) return calls.track(requestType, timeoutMs, retryNotReady, () => run(c));
    const detail =
      status.state === 'retrying'
        ? ` (${status.reason} Retrying ${describeWait(status.inMs)}.)`
        : status.state === 'failed'
          ? `: ${status.reason}`
          : '.';
    const cause = status.state === 'retrying' || status.state === 'failed' ? status.cause : null;
    const message = `Not connected to OBS${detail}`;
    return Promise.reject(
      new ObsCallError('notConnected', requestType, message, undefined, cause ? { cause } : {}),
    );
  }

  return {
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      notify([listener], status);
      return () => statusListeners.delete(listener);
    },
    call(requestType, requestData, callOptions) {
      return track(requestType, callOptions?.timeoutMs ?? callTimeoutMs, true, (c) =>
        c.call(requestType, requestData),
      );
    },
    batch(requests, batchOptions = {}) {
      const { timeoutMs, ...obsOptions } = batchOptions;
      return track('RequestBatch', timeoutMs ?? callTimeoutMs, false, (c) =>
        c.callBatch(requests, obsOptions),
      );
    },
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) {
        set = new Set();
        handlers.set(event, set);
        if (client && identified) (client as unknown as Emitter).on(event, dispatcher(event));
      }
      const ofEvent = set;
      ofEvent.add(handler as (data: unknown) => void);
      return () => {
        ofEvent.delete(handler as (data: unknown) => void);
        if (ofEvent.size > 0 || handlers.get(event) !== ofEvent) return;
        handlers.delete(event);
        if (client) (client as unknown as Emitter).off(event, dispatcher(event));
      };
    },
    onConnected(handler) {
      connectedListeners.add(handler);
      if (status.state === 'connected') notify([handler], undefined);
      return () => connectedListeners.delete(handler);
    },
    start() {
      if (running) return;
      running = true;
      failures = 0;
      attempt();
    },
    reconnect() {
      if (running && (status.state === 'connecting' || status.state === 'connected')) return;
      running = true;
      clear(retryTimer);
      retryTimer = undefined;
      failures = 0;
      attempt();
    },
    close() {
      running = false;
      clear(retryTimer);
      retryTimer = undefined;
      lost(generation, undefined, { code: 'closed_by_us' });
      if (status.state !== 'idle') setStatus({ state: 'idle' });
    },
  };
}
