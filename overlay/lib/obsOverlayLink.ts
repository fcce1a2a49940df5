/**
 * An overlay outside OBS's own browser (another PC, a phone, a browser window captured by OBS)
 * hears the controller through obs-websocket custom events. Loaded only when asked for.
 */
import { createObsConnection } from '../../shared/obs/connection';
import { customEventTransport } from '../../shared/obs/customEventTransport';
import type { LoadedTransport } from './lazyTransport';

export function obsOverlayLink(url: string, password: string | undefined): LoadedTransport {
  // An overlay is always on air: it retries at the live pace (about once a second), never
  // the 30 s an idle controller may wait.
  const conn = createObsConnection({ url, ...(password ? { password } : {}), live: () => true });
  const transport = customEventTransport(conn);
  conn.start();
  return {
    name: 'obs-websocket',
    send: (message) => {
      if (conn.status().state === 'connected') transport.send(message);
    },
    subscribe: (listener) => transport.subscribe(listener),
    onConnected: (handler) => conn.onConnected(handler),
    close() {
      transport.close();
      conn.close();
    },
  };
}
