import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseMessage } from '../../../../shared/protocol/messages';
import {
  MAX_MESSAGE_BYTES,
  RATE,
  decideUpgrade,
  isHostAllowed,
  isLoopbackAddress,
  isOriginAllowed,
  messageCost,
  tokenBucket,
} from '../../../../shared/relay/policy';
import { relayUrlFor } from '../../../../shared/relay/relayTransport';

const req = (
  remoteAddress: string,
  headers: { host?: string; origin?: string } = { host: 'localhost:5173' },
) => ({
  headers,
  socket: { remoteAddress },
});

describe('upgrade decision', () => {
  test('another device is refused unless FLASHCUE_RELAY_OPEN; loopback in every spelling is accepted', () => {
    const lan = req('192.168.1.20', {
      host: '192.168.1.5:5173',
      origin: 'http://192.168.1.5:5173',
    });
    expect(decideUpgrade(lan, { open: false })).toEqual({
      ok: false,
      status: 403,
      reason: 'remote',
    });
    expect(decideUpgrade(lan, { open: true })).toEqual({ ok: true });
    expect(decideUpgrade(req('::ffff:10.0.0.2'), { open: false })).toMatchObject({
      reason: 'remote',
    });
    expect(decideUpgrade(req(undefined as unknown as string), { open: false })).toMatchObject({
      reason: 'remote',
    });
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(true);
      expect(decideUpgrade(req(address), { open: false })).toEqual({ ok: true });
    }
  });

  test('Host must be localhost, an IP literal or listed (DNS rebinding)', () => {
    expect(isHostAllowed('localhost:5173')).toBe(true);
    expect(isHostAllowed('127.0.0.1:5173')).toBe(true);
    expect(isHostAllowed('[::1]:5173')).toBe(true);
    expect(isHostAllowed('192.168.1.5:5173')).toBe(true);
    expect(isHostAllowed('attacker.example:5173')).toBe(false);
    expect(isHostAllowed(undefined)).toBe(false);
    expect(isHostAllowed('studio.lan:5173', ['studio.lan'])).toBe(true);
    expect(isHostAllowed('a.studio.lan:5173', ['.studio.lan'])).toBe(true);
    expect(isHostAllowed('anything:1', true)).toBe(true);
    expect(
      decideUpgrade(req('127.0.0.1', { host: 'attacker.example:5173' }), { open: false }),
    ).toMatchObject({ reason: 'host' });
  });

  test('Origin: absent or our own server; localhost and 127.0.0.1 interchangeable on the same port', () => {
    expect(isOriginAllowed(undefined, 'localhost:5173')).toBe(true);
    expect(isOriginAllowed('http://localhost:5173', 'localhost:5173')).toBe(true);
    expect(isOriginAllowed('http://127.0.0.1:5173', 'localhost:5173')).toBe(true);
    expect(isOriginAllowed('http://localhost:5173', '127.0.0.1:5173')).toBe(true);
    expect(isOriginAllowed('http://[::1]:5173', 'localhost:5173')).toBe(true);
    expect(isOriginAllowed('http://192.168.1.5:5173', '192.168.1.5:5173')).toBe(true);
    expect(isOriginAllowed('http://localhost:3000', 'localhost:5173')).toBe(false);
    expect(isOriginAllowed('https://evil.example', 'localhost:5173')).toBe(false);
    expect(isOriginAllowed('http://192.168.1.5:5173', 'localhost:5173')).toBe(false);
    expect(isOriginAllowed('null', 'localhost:5173')).toBe(false);
    expect(isOriginAllowed('file://', 'localhost:5173')).toBe(false);
    expect(isOriginAllowed('chrome-extension://abc', 'localhost:5173')).toBe(false);
    expect(isOriginAllowed('http://localhost:5173', undefined)).toBe(false);
  });
});

describe('limits', () => {
  test('the token bucket gives a burst, then the refill rate', () => {
    let t = 0;
    const bucket = tokenBucket(200, 400, () => t);
    let taken = 0;
    while (bucket.take()) taken += 1;
    expect(taken).toBe(400);
    t += 100; // 100 ms refills 20
    taken = 0;
    while (bucket.take()) taken += 1;
    expect(taken).toBe(20);
    t += 10_000;
    expect(bucket.take(400)).toBe(true);
    expect(bucket.take(1)).toBe(false); // never above the burst
  });

  test('a message costs a token per started 64 KiB: a max-size asset is affordable, a flood is not', () => {
    expect(messageCost(10)).toBe(1);
    expect(messageCost(RATE.unitBytes)).toBe(1);
    expect(messageCost(RATE.unitBytes + 1)).toBe(2);
    expect(messageCost(MAX_MESSAGE_BYTES)).toBeLessThanOrEqual(RATE.burst / 4);
  });

  test('the largest asset and the largest view the protocol accepts fit the relay limit', () => {
    const worst = (n: number) => '\u0001'.repeat(n); // 6 bytes each in JSON: the worst case
    const asset = {
      app: 'flashcue',
      v: 1,
      kind: 'asset',
      ref: `asset:${'a'.repeat(40)}`,
      data: `data:image/png;base64,${'A'.repeat(4_000_000 - 22)}`,
      origin: 'r-0123456789',
    };
    const big = Number.MAX_SAFE_INTEGER;
    const product = {
      id: worst(64),
      name: worst(200),
      category: worst(64),
      image: `https://x/${'a'.repeat(2038)}`,
      retailPrice: big,
      livePrice: big,
      price: big,
      priceKind: 'deal',
      stock: -big,
      initialStock: big,
      soldOut: false,
      talkingPoints: Array.from({ length: 12 }, () => worst(200)),
    };
    const view = {
      phase: 'live',
      title: worst(200),
      currency: 'EUR',
      segment: {
        index: big,
        count: big,
        kind: 'product',
        title: worst(200),
        plannedMs: big,
        elapsedMs: big,
        remainingMs: -big,
      },
      product,
      lowerThird: true,
      deal: {
        productId: worst(64),
        price: big,
        remainingMs: big,
        totalMs: big,
        cap: big,
        sold: big,
        frozen: false,
      },
      next: { kind: 'flash', title: worst(200), productName: worst(200), startsInMs: big },
      show: { elapsedMs: big, remainingMs: big, plannedMs: big },
      ticker: {
        recent: Array.from({ length: 20 }, () => ({
          id: big,
          buyer: worst(60),
          productName: worst(200),
          quantity: big,
          agoMs: big,
        })),
        unitsLastMinute: big,
        unitsTotal: big,
      },
      cue: { text: worst(200), agoMs: big },
      start: { inMs: big, firstDeal: worst(200) },
      cards: {
        soldOut: { productId: worst(64), productName: worst(200), afterMs: big, agoMs: big },
        recap: {
          top: Array.from({ length: 3 }, () => ({ name: worst(200), units: big })),
          open: Array.from({ length: 3 }, () => ({
            name: worst(200),
            price: big,
            retailPrice: big,
            left: big,
            deal: true,
          })),
          next: { at: big, timeZone: worst(64) },
        },
      },
    };
    const viewMessage = {
      app: 'flashcue',
      v: 1,
      kind: 'view',
      showId: worst(64),
      session: worst(64),
      logSeq: big,
      n: big,
      view,
      origin: 'r-0123456789',
    };
    for (const message of [asset, viewMessage]) {
      expect(parseMessage(message).ok).toBe(true);
      expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    }
    // Views stay small: even this worst case (every text at its cap, each character escaped to
    // six bytes) costs at most two of the relay's rate units (RATE.unitBytes, 64 KiB); since
    // the closing cards joined the view it is ~71 KB, a real view a few KB (one unit).
    expect(messageCost(Buffer.byteLength(JSON.stringify(viewMessage)))).toBeLessThanOrEqual(2);
  });
});

describe('boundaries', () => {
  test('relayUrlFor follows the page: ws for http, wss for https, same host and port', () => {
    expect(relayUrlFor({ protocol: 'http:', host: 'localhost:5173' })).toBe(
      'ws://localhost:5173/relay',
    );
    expect(relayUrlFor({ protocol: 'https:', host: 'studio.lan' })).toBe('wss://studio.lan/relay');
  });

  test('no page code imports the Node relay server', () => {
    const root = join(__dirname, '../../../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|svelte|js)$/.test(name)) files.push(path);
      }
    };
    ['controller', 'overlay', 'shared'].forEach((dir) => walk(join(root, dir)));
    const importsServer = (file: string) => {
      const inRelay = relative(root, file).startsWith(join('shared', 'relay'));
      const pattern = inRelay
        ? /from\s+['"]\.\/server(\.[jt]s)?['"]/
        : /from\s+['"][^'"]*relay\/server(\.[jt]s)?['"]/;
      return pattern.test(readFileSync(file, 'utf8'));
    };
    const offenders = files
      .filter((file) => !file.endsWith(join('shared', 'relay', 'server.ts')) && importsServer(file))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
