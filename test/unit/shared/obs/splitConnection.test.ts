import { EventSubscription } from 'obs-websocket-js/json';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_EVENT_SUBSCRIPTIONS } from '../../../../shared/obs/connection';
import { splitObsConnection } from '../../../../shared/obs/splitConnection';
import type { ObsConnection, ObsConnectionOptions, ObsStatus } from '../../../../shared/obs/types';

interface Fake extends ObsConnection {
  options: ObsConnectionOptions;
  set(status: ObsStatus): void;
  events: string[];
  calls: string[];
  started: number;
  closed: number;
}

function fakes() {
  const made: Fake[] = [];
  const make = (options: ObsConnectionOptions): ObsConnection => {
    let status: ObsStatus = { state: 'idle' };
    const listeners = new Set<(s: ObsStatus) => void>();
    const fake: Fake = {
      options,
      events: [],
      calls: [],
      started: 0,
      closed: 0,
      set(next) {
        status = next;
        listeners.forEach((l) => l(next));
      },
      status: () => status,
      onStatus(l) {
        listeners.add(l);
        l(status);
        return () => listeners.delete(l);
      },
      call(type) {
        fake.calls.push(type);
        return Promise.resolve({} as never);
      },
      batch() {
        fake.calls.push('RequestBatch');
        return Promise.resolve([]);
      },
      on(event) {
        fake.events.push(event);
        return () => undefined;
      },
      onConnected: () => () => undefined,
      start: () => void (fake.started += 1),
      reconnect: () => undefined,
      close: () => void (fake.closed += 1),
    };
    made.push(fake);
    return fake;
  };
  return { made, make };
}

const up: ObsStatus = { state: 'connected', obsVersion: '29.0.2', wsVersion: '5.1.0' };

describe('splitObsConnection', () => {
  it('listens to General events on a socket of its own and sends on the other', async () => {
    const { made, make } = fakes();
    const link = splitObsConnection({ url: 'ws://127.0.0.1:4455' }, make);
    const [sender, listener] = made;
    expect(listener!.options.eventSubscriptions).toBe(EventSubscription.General);
    expect(sender!.options.eventSubscriptions).toBe(
      DEFAULT_EVENT_SUBSCRIPTIONS & ~EventSubscription.General,
    );
    link.on('CustomEvent', () => undefined);
    link.on('CurrentProgramSceneChanged', () => undefined);
    link.on('InputActiveStateChanged', () => undefined);
    expect(listener!.events).toEqual(['CustomEvent']);
    expect(sender!.events).toEqual(['CurrentProgramSceneChanged', 'InputActiveStateChanged']);
    await link.call('BroadcastCustomEvent', { eventData: {} });
    await link.batch([]);
    expect(sender!.calls).toEqual(['BroadcastCustomEvent', 'RequestBatch']);
    expect(listener!.calls).toEqual([]);
    link.start();
    link.close();
    expect([sender!.started, listener!.started, sender!.closed, listener!.closed]).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it('is connected only when both sockets are, and says which one is missing', () => {
    const { made, make } = fakes();
    const link = splitObsConnection({ url: 'ws://127.0.0.1:4455' }, make);
    const [sender, listener] = made;
    const seen: string[] = [];
    const connected = vi.fn();
    link.onStatus((s) => seen.push(s.state));
    link.onConnected(connected);
    sender!.set(up);
    expect(link.status().state).toBe('idle'); // the listener is not there yet
    listener!.set({ state: 'connecting', attempt: 1 });
    expect(link.status().state).toBe('connecting');
    listener!.set(up);
    expect(link.status()).toEqual(up);
    expect(connected).toHaveBeenCalledTimes(1);
    listener!.set({
      state: 'retrying',
      inMs: 500,
      attempt: 1,
      reason: 'closed',
      cause: { code: 'lost' },
    });
    expect(link.status()).toMatchObject({
      state: 'retrying',
      reason: 'closed',
      cause: { code: 'lost' },
    });
    listener!.set(up);
    expect(connected).toHaveBeenCalledTimes(2); // a reconnect re-syncs, as with one socket
    sender!.set({
      state: 'failed',
      reason: 'wrong password',
      cause: { code: 'wrong_password' },
      code: 4009,
    });
    expect(link.status()).toMatchObject({ state: 'failed', code: 4009 });
    expect(seen).toEqual(['idle', 'connecting', 'connected', 'retrying', 'connected', 'failed']);
  });
});
