/**
 * The overlay's end of emit_event: obs-browser dispatches `new CustomEvent(event_name,
 * {detail: event_data})` on `window` in every browser source. Receive-only.
 *
 * `send` does nothing, so the `hello` a view receiver sends on start goes nowhere inside OBS.
 * That is fine: the controller re-sends the full view on its heartbeat (≤ 1 s) and at once
 * when OBS reports an input becoming active (resend.ts), so a freshly loaded or re-shown
 * source is right within a heartbeat at worst.
 */
import type { Transport } from '../protocol/transport';

/** The window event name; the controller's emitEventTransport uses the same. */
export const EMIT_EVENT_NAME = 'flashcue';

/** True inside an OBS browser source (obs-browser defines `window.obsstudio`). */
export function insideObsBrowser(scope: object = globalThis): boolean {
  return typeof (scope as { obsstudio?: unknown }).obsstudio === 'object';
}

export function obsBrowserReceiver(
  options: { target?: EventTarget; eventName?: string } = {},
): Transport {
  const target = options.target ?? globalThis;
  const eventName = options.eventName ?? EMIT_EVENT_NAME;
  const listeners = new Set<(data: unknown) => void>();
  const onEvent = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    for (const listener of [...listeners]) listener(detail);
  };
  target.addEventListener(eventName, onEvent);

  return {
    name: 'obs-browser-event',
    send: () => undefined,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      target.removeEventListener(eventName, onEvent);
      listeners.clear();
    },
  };
}
