/**
 * Transport over obs-websocket's BroadcastCustomEvent: reaches every client subscribed to
 * General events (remote controllers, the host view, overlays outside OBS, Streamer.bot…).
 *
 * OBS sends each broadcast back to its sender too. Every outgoing message gets one extra
 * top-level field, `origin` (this transport's random id), and incoming messages carrying our
 * own origin are dropped. Why a tag rather than remembering what we sent: it is O(1) whatever
 * the size of a view (a product image can be large), has no time window to get wrong when OBS
 * delivers late or out of order, and never mistakes an identical message from someone else
 * for an echo. Receivers validate with zod objects, which strip unknown keys, so the tag is
 * invisible to them; external tools may send without it.
 *
 * Order is not guaranteed (OBS handles requests on a thread pool): views carry logSeq/n,
 * commands and acks carry ids. Sends while disconnected are dropped, not queued: the view
 * publisher re-sends on its heartbeat, and a command's sender waits for its ack.
 */
import type { OBSRequestTypes } from 'obs-websocket-js/json';
import type { Transport } from '../protocol/transport';
import type { ObsLink } from './types';

export const ORIGIN_KEY = 'origin';

type EventData = OBSRequestTypes['BroadcastCustomEvent']['eventData'];

export interface CustomEventTransport extends Transport {
  readonly origin: string;
  stats(): { sent: number; received: number; echoes: number; dropped: number; failed: number };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function customEventTransport(
  link: ObsLink,
  options: { origin?: string } = {},
): CustomEventTransport {
  const origin = options.origin ?? `t-${Math.random().toString(36).slice(2, 12)}`;
  const listeners = new Set<(data: unknown) => void>();
  const stats = { sent: 0, received: 0, echoes: 0, dropped: 0, failed: 0 };

  const off = link.on('CustomEvent', (data: unknown) => {
    if (isObject(data) && data[ORIGIN_KEY] === origin) {
      stats.echoes += 1;
      return;
    }
    stats.received += 1;
    for (const listener of [...listeners]) listener(data);
  });

  return {
    name: 'obs-custom-event',
    origin,
    send(message) {
      // OBS only carries objects as event data.
      if (!isObject(message) || link.status().state !== 'connected') {
        stats.dropped += 1;
        return;
      }
      stats.sent += 1;
      const eventData = { ...message, [ORIGIN_KEY]: origin } as EventData;
      link.call('BroadcastCustomEvent', { eventData }).catch(() => {
        stats.failed += 1;
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      off();
      listeners.clear();
    },
    stats: () => ({ ...stats }),
  };
}
