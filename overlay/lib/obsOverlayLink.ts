/**
 * An overlay outside OBS's own browser (another PC, a phone, a browser window captured by OBS)
 * hears the controller through obs-websocket custom events. Loaded only when asked for.
 */
import { createObsConnection } from '../../shared/obs/connection';
import { customEventTransport } from '../../shared/obs/customEventTransport';
import { backoffDelay } from '../../shared/obs/policy';
import { globalTimers, type ObsConnection, type Timers } from '../../shared/obs/types';
import type { LoadedTransport } from './lazyTransport';

/**
 * Backoff steps an overlay climbs: 250 → 500 → 1000 ms, then about a second (jittered down by
 * up to 25 %) for as long as OBS is away. An overlay is always on air, so it must not sit out
 * the 5–30 s a controller may wait; one knock a second per page is still no burden on OBS.
 */
const OVERLAY_BACKOFF_STEPS = 3;

/**
 * Takes the connection's retries over at the overlay's pace: each time it would wait, it is
 * stopped and started again after `backoffDelay` of at most OVERLAY_BACKOFF_STEPS failures.
 * Final refusals (a wrong password) stay final: the connection reports `failed`, not `retrying`.
 */
export function paceRetries(conn: ObsConnection, options: { timers?: Timers; random?: () => number } = {}): () => void {
  const timers = options.timers ?? globalTimers;
  let failures = 0;
  let retry: unknown;
  const off = conn.onStatus((status) => {
    if (status.state === 'connected') failures = 0;
    if (status.state !== 'retrying') return;
    failures += 1;
    conn.close();
    const inMs = backoffDelay(Math.min(failures, OVERLAY_BACKOFF_STEPS), options.random ? { random: options.random } : {});
    retry = timers.setTimeout(() => {
      retry = undefined;
      conn.start();
    }, inMs);
  });
  return () => {
    off();
    if (retry !== undefined) timers.clearTimeout(retry);
  };
}

export function obsOverlayLink(url: string, password: string | undefined): LoadedTransport {
  const conn = createObsConnection({ url, ...(password ? { password } : {}) });
  const transport = customEventTransport(conn);
  const stopPacing = paceRetries(conn);
  conn.start();
  return {
    name: 'obs-websocket',
    send: (message) => {
      if (conn.status().state === 'connected') transport.send(message);
    },
    subscribe: (listener) => transport.subscribe(listener),
    onConnected: (handler) => conn.onConnected(handler),
    close() {
      stopPacing();
      transport.close();
      conn.close();
    },
  };
}
