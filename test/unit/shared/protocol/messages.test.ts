import { afterEach, describe, expect, test, vi } from 'vitest';
import { parseMessage, type ViewMessage } from '../../../../shared/protocol/messages';
import { loopbackPair } from '../../../../shared/protocol/transport';
import { createViewPublisher } from '../../../../shared/protocol/viewPublisher';
import { createViewReceiver, isNewer } from '../../../../shared/protocol/viewReceiver';
import { selectOverlayView } from '../../../../shared/view/overlayView';
import { drive } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';
import { assetRef } from '../../../../shared/view/assets';

const flush = () => new Promise((r) => setTimeout(r, 0));

function viewMessage(patch: Partial<ViewMessage> = {}): ViewMessage {
  const s = drive();
  s.ok({ type: 'show.start' });
  return {
    app: 'flashcue',
    v: 1,
    kind: 'view',
    showId: 'show-1',
    session: 'a',
    logSeq: 1,
    n: 1,
    view: s.view(),
    ...patch,
  };
}

describe('parseMessage', () => {
  test('a real view passes; foreign and malformed messages are told apart', () => {
    expect(parseMessage(viewMessage()).ok).toBe(true);
    expect(parseMessage({ app: 'streamerbot', anything: 1 })).toEqual({
      ok: false,
      reason: 'foreign',
    });
    expect(parseMessage('hello')).toEqual({ ok: false, reason: 'foreign' });
    expect(parseMessage(null)).toEqual({ ok: false, reason: 'foreign' });
    const bad = viewMessage();
    (bad.view as { title: unknown }).title = 42;
    expect(parseMessage(bad)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseMessage({ ...viewMessage(), v: 2 })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('ordering', () => {
  test('logSeq never goes back; within a session n orders sends; a new session is accepted', () => {
    const a = viewMessage({ logSeq: 5, n: 10 });
    expect(isNewer(null, a)).toBe(true);
    expect(isNewer(a, { ...a, n: 9 })).toBe(false);
    expect(isNewer(a, { ...a, n: 11 })).toBe(true);
    expect(isNewer(a, { ...a, logSeq: 4, n: 50 })).toBe(false);
    expect(isNewer(a, { ...a, session: 'b', n: 1 })).toBe(true);
    expect(isNewer(a, { ...a, session: 'b', n: 1, logSeq: 4 })).toBe(false);
    expect(isNewer(a, { ...a, showId: 'other', logSeq: 1 })).toBe(true);
  });

  test("a higher term wins over a longer log: the old primary's views lose after a takeover", () => {
    const old = viewMessage({ logSeq: 120, n: 300 }); // no term: 1
    const backup = viewMessage({ session: 'backup', term: 2, logSeq: 100, n: 1 });
    expect(isNewer(old, backup)).toBe(true);
    expect(isNewer(backup, { ...old, logSeq: 500 })).toBe(false);
    expect(isNewer(backup, { ...old, term: 1, logSeq: 500 })).toBe(false);
    expect(isNewer(backup, { ...backup, term: 3, logSeq: 1 })).toBe(true);
    expect(parseMessage({ ...backup, term: -1 })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('publisher and receiver', () => {
  afterEach(() => vi.useRealTimers());

  test('a late receiver gets the view at once by saying hello, then on every heartbeat', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = drive();
    s.ok({ type: 'show.start' });
    const [controllerSide, overlaySide] = loopbackPair();
    const publisher = createViewPublisher({
      transports: [controllerSide],
      showId: 'show-1',
      view: (now) => selectOverlayView(s.snapshot(), now),
      logSeq: () => s.log.length,
      now: s.now,
    });
    let clock = 1000;
    const receiver = createViewReceiver({ transports: [overlaySide], now: () => clock });
    await flush();
    await flush();
    expect(receiver.current()?.view.segment?.title).toBe('Opening');
    expect(receiver.current()?.receivedAt).toBe(1000);
    s.advance(500);
    clock = 2000;
    vi.advanceTimersByTime(1000);
    await flush();
    expect(receiver.current()?.receivedAt).toBe(2000);
    expect(receiver.current()?.view.segment?.elapsedMs).toBe(500);
    expect(receiver.stats()).toMatchObject({ accepted: 2, invalid: 0, stale: 0 });
    publisher.stop();
    receiver.close();
  });

  test('hostile traffic is counted and ignored; the last good view stays', async () => {
    const [sender, overlaySide] = loopbackPair();
    const receiver = createViewReceiver({ transports: [overlaySide], now: () => 0 });
    const good = viewMessage({ logSeq: 3, n: 3 });
    sender.send(good);
    sender.send({ app: 'other-app', kind: 'view' });
    sender.send({ ...good, view: { ...good.view, phase: 'exploded' } });
    sender.send({ ...good, n: 2, view: { ...good.view, title: 'stale' } });
    sender.send({ ...good, logSeq: 2, n: 99, view: { ...good.view, title: 'older log' } });
    sender.send('<script>alert(1)</script>');
    // Controller-to-controller kinds added to the protocol later: not the page's business.
    sender.send({ app: 'flashcue', v: 1, kind: 'primary', term: 9, view: 'not a view' });
    await flush();
    expect(receiver.current()?.view.title).toBe('Test show');
    expect(receiver.stats()).toEqual({ accepted: 1, foreign: 2, invalid: 1, stale: 2, unknown: 1 });
  });
});

describe('uploaded images', () => {
  test('views carry a reference; the image travels once, again after a hello, never per heartbeat', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    const sheet = makeSheet((s) => void (s.products[0]!.image = png));
    const s = drive(sheet);
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    const ref = assetRef(png);
    const [controllerSide, overlaySide] = loopbackPair();
    const seen: string[] = [];
    overlaySide.subscribe((m) => seen.push((m as { kind: string }).kind));
    const publisher = createViewPublisher({
      transports: [controllerSide],
      showId: 'show-1',
      view: (now) => selectOverlayView(s.snapshot(), now),
      logSeq: () => s.log.length,
      asset: (r) => (r === ref ? png : undefined),
    });
    publisher.publish();
    vi.advanceTimersByTime(3000);
    await flush();
    expect(seen).toEqual(['asset', 'view', 'view', 'view', 'view']);
    const receiver = createViewReceiver({ transports: [overlaySide], now: () => 0 });
    await flush();
    await flush();
    expect(receiver.current()?.view.product?.image).toBe(ref);
    expect(receiver.asset(ref)).toBe(png);
    expect(seen.filter((k) => k === 'asset')).toHaveLength(2);
    expect(JSON.stringify(receiver.current()?.view).includes('base64')).toBe(false);
    publisher.stop();
    receiver.close();
  });
});
