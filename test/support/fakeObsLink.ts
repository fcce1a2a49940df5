// An in-memory ObsLink for features that only need calls, events and reconnects: requests go
// to a table of handlers, and the test drives events and (re)connects by hand.
import { ObsCallError } from '../../shared/obs/callError';
import type { ObsLink, ObsStatus } from '../../shared/obs/types';

type Handler = (data: Record<string, unknown>) => unknown;

export function fakeLink(handlers: Record<string, Handler> = {}) {
  let status: ObsStatus = { state: 'idle' };
  const events = new Map<string, Set<(data: unknown) => void>>();
  const connected = new Set<() => void>();
  const calls: Array<{ requestType: string; requestData: Record<string, unknown> }> = [];

  const link: ObsLink = {
    status: () => status,
    onStatus(listener) {
      listener(status);
      return () => undefined;
    },
    async call(requestType, requestData) {
      if (status.state !== 'connected')
        throw new ObsCallError('notConnected', requestType, 'Not connected to OBS.');
      const data = (requestData ?? {}) as Record<string, unknown>;
      calls.push({ requestType, requestData: data });
      const handler = handlers[requestType];
      if (!handler)
        throw new ObsCallError('status', requestType, `no handler for ${requestType}`, 204);
      return handler(data) as never;
    },
    async batch() {
      throw new Error('batch is not faked');
    },
    on(event, handler) {
      const set = events.get(event) ?? new Set();
      events.set(event, set);
      set.add(handler as (data: unknown) => void);
      return () => set.delete(handler as (data: unknown) => void);
    },
    onConnected(handler) {
      connected.add(handler);
      if (status.state === 'connected') handler();
      return () => connected.delete(handler);
    },
  };

  return {
    link,
    handlers,
    calls,
    /** Calls of one type, in order. */
    callsOf: (type: string) =>
      calls.filter((c) => c.requestType === type).map((c) => c.requestData),
    connect() {
      status = { state: 'connected', obsVersion: '29.0.2', wsVersion: '5.1.0' };
      for (const handler of [...connected]) handler();
    },
    disconnect() {
      status = {
        state: 'retrying',
        inMs: 250,
        attempt: 1,
        reason: 'Lost the connection to OBS (it closed or crashed).',
        cause: { code: 'lost' },
      };
    },
    emit(event: string, data: unknown) {
      for (const handler of [...(events.get(event) ?? [])]) handler(data);
    },
    listeners: (event: string) => events.get(event)?.size ?? 0,
  };
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
