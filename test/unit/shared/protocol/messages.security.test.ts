/**
 * Views under hostile traffic, below the browser: a flood of junk, a replayed old view, a
 * forged view from the far future, and a hello flood at the publisher.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createViewPublisher, HELLO_WINDOW_MS } from '../../../../shared/protocol/viewPublisher';
import { createViewReceiver, SILENT_SESSION_MS } from '../../../../shared/protocol/viewReceiver';
import type { Transport } from '../../../../shared/protocol/transport';
import {
  floodable,
  hostileMessages,
  sampleView,
  viewEnvelope,
} from '../../../fixtures/hostile/messages';

/** A transport the test drives by hand: `deliver` is what arrives, `sent` what went out. */
function manualTransport() {
  const listeners = new Set<(data: unknown) => void>();
  const sent: unknown[] = [];
  const transport: Transport = {
    name: 'manual',
    send: (m) => void sent.push(m),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    close: () => listeners.clear(),
  };
  return {
    transport,
    sent,
    deliver: (data: unknown) => listeners.forEach((l) => l(structuredClone(data))),
  };
}

afterEach(() => vi.useRealTimers());

describe('view receiver', () => {
  test('5,000 hostile messages change nothing; the next real view is taken', () => {
    let t = 0;
    const link = manualTransport();
    const receiver = createViewReceiver({ transports: [link.transport], now: () => t });
    link.deliver(viewEnvelope(sampleView(), { showId: 'real', session: 'c1', logSeq: 5, n: 1 }));
    for (const big of hostileMessages('real')) link.deliver(big.data);
    const junk = floodable('real');
    for (let i = 0; i < 5_000; i++) link.deliver(junk[i % junk.length]!.data);
    expect(receiver.current()?.view.product?.name).toBe('Real product');
    // A replay of an older view of the same show is stale.
    link.deliver(
      viewEnvelope(sampleView({ title: 'old' }), {
        showId: 'real',
        session: 'c1',
        logSeq: 4,
        n: 99,
      }),
    );
    expect(receiver.current()?.view.title).toBe('Hostile show');
    t += 100;
    link.deliver(
      viewEnvelope(sampleView({ title: 'next' }), {
        showId: 'real',
        session: 'c1',
        logSeq: 6,
        n: 2,
      }),
    );
    expect(receiver.current()?.view.title).toBe('next');
    expect(receiver.stats()).toMatchObject({ accepted: 2 });
    expect(
      receiver.stats().invalid + receiver.stats().foreign + receiver.stats().unknown,
    ).toBeGreaterThan(4_000);
  });

  test('a forged view from the far future holds the page only until its sender goes silent', () => {
    let t = 0;
    const link = manualTransport();
    const receiver = createViewReceiver({ transports: [link.transport], now: () => t });
    const real = (n: number) =>
      viewEnvelope(sampleView({ title: `real ${n}` }), {
        showId: 'show',
        session: 'controller',
        logSeq: 10,
        n,
      });
    link.deliver(real(1));
    link.deliver(
      viewEnvelope(sampleView({ title: 'forged' }), {
        showId: 'show',
        session: 'evil',
        logSeq: 1e12,
        n: 1,
      }),
    );
    expect(receiver.current()?.view.title).toBe('forged');
    // The controller's heartbeats: stale at first (lower logSeq), taken once the forger is silent.
    let n = 2;
    for (; t <= SILENT_SESSION_MS; t += 1_000) link.deliver(real(n++));
    expect(receiver.current()?.view.title).toBe('forged');
    t += 1_000;
    link.deliver(real(n));
    expect(receiver.current()?.view.title).toBe(`real ${n}`);
    // And from then on the usual order rules hold: an old replay of the forgery is stale.
    link.deliver(
      viewEnvelope(sampleView({ title: 'forged' }), {
        showId: 'show',
        session: 'evil',
        logSeq: 1e12,
        n: 1,
      }),
    );
    expect(receiver.current()?.view.title).toBe('forged'); // a live sender may always jump ahead…
    t += 500;
    link.deliver(real(n + 1));
    expect(receiver.current()?.view.title).toBe('forged'); // …and holds the page while it speaks
  });
});

describe('view publisher', () => {
  test('a flood of 5,000 hellos is answered by a handful of views, the first at once', () => {
    vi.useFakeTimers();
    const link = manualTransport();
    const publisher = createViewPublisher({
      transports: [link.transport],
      showId: 's',
      view: () => sampleView(),
      logSeq: () => 1,
      heartbeatMs: 60_000,
    });
    const hello = { app: 'flashcue', v: 1, kind: 'hello', sender: 'x', role: 'overlay' };
    link.deliver(hello);
    expect(link.sent).toHaveLength(1);
    for (let i = 0; i < 5_000; i++) link.deliver(hello);
    expect(link.sent).toHaveLength(1);
    vi.advanceTimersByTime(HELLO_WINDOW_MS);
    expect(link.sent).toHaveLength(2); // one answer for all of them
    vi.advanceTimersByTime(10 * HELLO_WINDOW_MS);
    expect(link.sent).toHaveLength(2);
    // A page that says hello later is answered at once again.
    link.deliver(hello);
    expect(link.sent).toHaveLength(3);
    publisher.stop();
  });
});
