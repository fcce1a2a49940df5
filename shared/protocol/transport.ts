/**
 * A transport moves raw messages; it knows nothing of their meaning. Validation happens in
 * the receivers (`parseMessage` in the controller, `checkMessage` in overlays), so every
 * transport gets the same hostile-input handling.
 */
export type TransportStatus =
  | { state: 'idle' }
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'retrying'; inMs: number; reason: string }
  | { state: 'failed'; reason: string };

export interface Transport {
  readonly name: string;
  send(message: unknown): void;
  /** Raw data as received; the listener must validate it. Returns an unsubscribe. */
  subscribe(listener: (data: unknown) => void): () => void;
  close(): void;
}

export const CHANNEL_NAME = 'flashcue';

/** Same-browser delivery: the controller, its previews and overlays opened in the same profile. */
export function broadcastChannelTransport(name = CHANNEL_NAME): Transport {
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(data: unknown) => void>();
  channel.onmessage = (event: MessageEvent) => {
    for (const listener of listeners) listener(event.data);
  };
  return {
    name: 'broadcast-channel',
    send: (message) => channel.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
    },
  };
}

/** In-process delivery between objects on one page (the controller's own previews, tests). */
export function loopbackPair(): [Transport, Transport] {
  const make = (name: string) => {
    const listeners = new Set<(data: unknown) => void>();
    return { name, listeners };
  };
  const a = make('loopback-a');
  const b = make('loopback-b');
  const side = (self: typeof a, other: typeof a): Transport => ({
    name: self.name,
    send: (message) =>
      queueMicrotask(() => other.listeners.forEach((l) => l(structuredClone(message)))),
    subscribe(listener) {
      self.listeners.add(listener);
      return () => self.listeners.delete(listener);
    },
    close: () => self.listeners.clear(),
  });
  return [side(a, b), side(b, a)];
}
