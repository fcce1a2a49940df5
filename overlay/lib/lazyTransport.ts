/**
 * A transport whose code loads on demand, so an overlay that never needs obs-websocket (or the
 * relay) never downloads it. Sends made before it is ready wait; a page's `hello` is said again
 * after every (re)connect so the controller answers with the current view.
 */
import type { Transport } from '../../shared/protocol/transport';

export interface LoadedTransport extends Transport {
  /** Called on every (re)connect. */
  onConnected?(handler: () => void): () => void;
}

export function lazyTransport(
  name: string,
  load: () => Promise<LoadedTransport>,
  onError: (error: unknown) => void,
): Transport {
  const listeners = new Set<(data: unknown) => void>();
  const queued: unknown[] = [];
  let hello: unknown = null;
  let loaded: LoadedTransport | null = null;
  let closed = false;

  void load().then((transport) => {
    if (closed) return transport.close();
    loaded = transport;
    transport.subscribe((data) => listeners.forEach((l) => l(data)));
    queued.splice(0).forEach((m) => transport.send(m));
    transport.onConnected?.(() => hello !== null && transport.send(hello));
  }, onError);

  return {
    name,
    send(message) {
      if ((message as { kind?: unknown } | null)?.kind === 'hello') hello = message;
      if (loaded) loaded.send(message);
      else queued.push(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      loaded?.close();
    },
  };
}
