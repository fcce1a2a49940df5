/**
 * Send-only transport to overlays running inside OBS's own browser sources: obs-browser's
 * vendor request `emit_event` fires a `window` event in every browser source. No socket and
 * no password in the overlay's URL. One-way, so the controller re-sends the view on its
 * heartbeat and when an input becomes active (resend.ts); overlays' `hello` cannot arrive.
 *
 * OBS without obs-browser (Debian's package) answers request status 600 "No vendor was found
 * by that name." (measured, OBS 29.0.2 / obs-websocket 5.1.0). The transport then reports
 * `available: false` once and stops calling until the next (re)connect, which may be to an
 * OBS that has the plugin.
 */
import type { OBSRequestTypes } from 'obs-websocket-js/json';
import type { Transport } from '../protocol/transport';
import { isStatusError } from './callError';
import { STATUS } from './policy';
import { EMIT_EVENT_NAME } from './obsBrowserReceiver';
import type { ObsLink } from './types';

export { EMIT_EVENT_NAME };

/** `null`: not known yet (nothing sent since the last connect). */
export type EmitAvailability =
  { available: null } | { available: true } | { available: false; reason: string };

export const NO_OBS_BROWSER =
  'This OBS has no obs-browser plugin, so overlays inside OBS cannot be reached by emit_event. ' +
  'They still work through the WebSocket or in the same browser.';

export interface EmitEventTransport extends Transport {
  availability(): EmitAvailability;
  /** Called at once, then on every change. */
  onAvailability(listener: (availability: EmitAvailability) => void): () => void;
}

type VendorData = OBSRequestTypes['CallVendorRequest']['requestData'];

export function emitEventTransport(
  link: ObsLink,
  options: { eventName?: string } = {},
): EmitEventTransport {
  const eventName = options.eventName ?? EMIT_EVENT_NAME;
  const listeners = new Set<(availability: EmitAvailability) => void>();
  let availability: EmitAvailability = { available: null };

  const set = (next: EmitAvailability) => {
    if (next.available === availability.available) return;
    availability = next;
    for (const listener of [...listeners]) listener(next);
  };
  // A new connection may be to another OBS (or one where the plugin was installed meanwhile).
  const offConnected = link.onConnected(() => set({ available: null }));

  return {
    name: 'obs-emit-event',
    send(message) {
      if (availability.available === false || link.status().state !== 'connected') return;
      if (typeof message !== 'object' || message === null) return;
      const requestData = { event_name: eventName, event_data: message } as VendorData;
      link
        .call('CallVendorRequest', {
          vendorName: 'obs-browser',
          requestType: 'emit_event',
          requestData,
        })
        .then(
          () => set({ available: true }),
          (error: unknown) => {
            if (isStatusError(error, STATUS.resourceNotFound))
              set({ available: false, reason: NO_OBS_BROWSER });
            // Timeouts and closed sockets say nothing about the plugin; the next heartbeat retries.
          },
        );
    },
    // One-way: nothing ever comes back through emit_event.
    subscribe: () => () => undefined,
    close() {
      offConnected();
      listeners.clear();
    },
    availability: () => availability,
    onAvailability(listener) {
      listeners.add(listener);
      listener(availability);
      return () => listeners.delete(listener);
    },
  };
}
