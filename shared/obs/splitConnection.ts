/**
 * The controller's OBS link as two sockets: one that only LISTENS to General events (custom
 * events: commands from tools, backups' messages, echoes) and never sends after identifying,
 * and one that sends every request and gets the other events (scenes, inputs, outputs).
 *
 * Why: obs-websocket never sets TCP_NODELAY (websocketpp defaults, Nagle on). On one socket
 * that both sends and receives, Linux puts our side in delayed-ACK "ping-pong" mode; OBS's
 * echo of our own view then waits for that ACK (≥ 40 ms), and a tool's next command queues
 * behind it. A socket that never sends is ACKed at once, so commands arrive in one hop.
 * Measured against real OBS 29 (obs-websocket 5.1): hop in median 44 ms on one socket, 0.6 ms
 * split (README, Benchmarks, figure 7a). Both sockets are one link to everything above: one
 * status, connected only when both are, calls on the sender, events routed by category.
 */
import { EventSubscription } from 'obs-websocket-js/json';
import { createObsConnection, DEFAULT_EVENT_SUBSCRIPTIONS } from './connection';
import type { ObsConnection, ObsConnectionOptions, ObsStatus } from './types';

/** obs-websocket's General category: what the listening socket hears. */
const GENERAL_EVENTS = new Set(['CustomEvent', 'VendorEvent', 'ExitStarted']);

export function splitObsConnection(
  options: ObsConnectionOptions,
  make: (options: ObsConnectionOptions) => ObsConnection = createObsConnection,
): ObsConnection {
  const subscriptions = options.eventSubscriptions ?? DEFAULT_EVENT_SUBSCRIPTIONS;
  const sender = make({
    ...options,
    eventSubscriptions: subscriptions & ~EventSubscription.General,
  });
  const listener = make({ ...options, eventSubscriptions: EventSubscription.General });
  const statusListeners = new Set<(status: ObsStatus) => void>();
  const connectedListeners = new Set<() => void>();

  /** The sender's status, unless it is up and the listener is not: then the listener's. */
  const combined = (): ObsStatus => {
    const s = sender.status();
    return s.state === 'connected' && listener.status().state !== 'connected'
      ? listener.status()
      : s;
  };
  let status: ObsStatus = combined();
  const update = () => {
    const next = combined();
    // The same status from the other socket is no change (both start idle, for one).
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    const wasConnected = status.state === 'connected';
    status = next;
    for (const l of [...statusListeners]) l(next);
    if (!wasConnected && next.state === 'connected') for (const l of [...connectedListeners]) l();
  };
  sender.onStatus(update);
  listener.onStatus(update);

  return {
    status: () => status,
    onStatus(fn) {
      statusListeners.add(fn);
      fn(status);
      return () => statusListeners.delete(fn);
    },
    call: (requestType, requestData, callOptions) =>
      sender.call(requestType, requestData, callOptions),
    batch: (requests, batchOptions) => sender.batch(requests, batchOptions),
    on: (event, handler) => (GENERAL_EVENTS.has(event) ? listener : sender).on(event, handler),
    onConnected(fn) {
      connectedListeners.add(fn);
      if (status.state === 'connected') fn();
      return () => connectedListeners.delete(fn);
    },
    start() {
      listener.start();
      sender.start();
    },
    reconnect() {
      listener.reconnect();
      sender.reconnect();
    },
    close() {
      listener.close();
      sender.close();
    },
  };
}
