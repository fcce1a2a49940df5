/**
 * An overlay in Streamlabs Desktop (no obs-websocket) hears the controller through the local
 * relay that `npm start` serves. Loaded only when asked for.
 */
import { relayTransport } from '../../shared/relay/relayTransport';
import type { LoadedTransport } from './lazyTransport';

export function relayLink(url: string): LoadedTransport {
  const transport = relayTransport({ url });
  return {
    name: 'relay',
    send: (message) => transport.send(message),
    subscribe: (listener) => transport.subscribe(listener),
    onConnected(handler) {
      return transport.onStatus((status) => {
        if (status.state === 'connected') handler();
      });
    },
    close: () => transport.close(),
  };
}
