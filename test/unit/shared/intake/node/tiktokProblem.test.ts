// The TikTok Shop poller's problems as code + values (the Integrations screen words them), with
// TikTok answered by a stub fetch: an answer its schema refuses, the network failing, an order
// the controller refused.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Forwarder } from '../../../../../shared/intake/node/forwarder';
import { openStore } from '../../../../../shared/intake/node/store';
import { createTikTokPoller } from '../../../../../shared/intake/node/tiktokPoller';

const creds = {
  appKey: 'k',
  appSecret: 's',
  shopCipher: 'c',
  accessToken: 'a',
  refreshToken: 'r',
  accessExpiresAt: Math.floor(Date.now() / 1000) + 7 * 86400,
};

function pollerWith(answer: () => Promise<Response>, forwarder: Partial<Forwarder> = {}) {
  const store = openStore(mkdtempSync(join(tmpdir(), 'flashcue-ttproblem-')));
  store.update({ tiktok: creds });
  return createTikTokPoller({
    store,
    forwarder: {
      liveShow: () => ({ showId: 's1', title: 'Show', phase: 'live', term: 1 }),
      forward: () => Promise.resolve([]),
      stop: () => {},
      ...forwarder,
    },
    maskBuyers: () => false,
    apiBase: 'http://tiktok.invalid',
    autoStart: false,
    fetch: answer,
  });
}

describe('TikTok Shop poller problems as data', () => {
  test('an answer TikTok sent that its schema refuses: which answer, each field and phrase', async () => {
    const poller = pollerWith(() => Promise.resolve(Response.json({ code: 'zero' })));
    await poller.tick();
    const status = poller.status();
    expect(status.lastError).toBe(
      "TikTok's order search answer was not understood:\ncode: Invalid input: expected number, received string",
    );
    expect(status.problem).toEqual({
      code: 'not_understood',
      params: {
        what: 'search',
        n: 1,
        more: 0,
        path0: 'code',
        message0: 'Invalid input: expected number, received string',
      },
    });
  });

  test('the network failing: the reason as it came, then cleared by a good look', async () => {
    let fail = true;
    const poller = pollerWith(() =>
      fail
        ? Promise.reject(new Error('fetch failed'))
        : Promise.resolve(Response.json({ code: 0 })),
    );
    await poller.tick();
    expect(poller.status()).toMatchObject({
      state: 'error',
      lastError: 'fetch failed',
      problem: { code: 'failed', params: { reason: 'fetch failed' } },
    });
    fail = false;
    await poller.tick();
    expect(poller.status()).toMatchObject({ state: 'polling', lastError: null, problem: null });
  });

  test('an order the controller refused keeps the order id and the controller’s own reason', async () => {
    const order = {
      id: '5764',
      status: 'COMPLETED',
      create_time: 1,
      update_time: 2,
      line_items: [{ id: 'l1', sku_id: '9', seller_sku: 'SERUM', sale_price: '1.00' }],
    };
    const poller = pollerWith(
      () => Promise.resolve(Response.json({ code: 0, data: { orders: [order] } })),
      {
        forward: () =>
          Promise.resolve([{ orderId: '5764', status: 'refused', message: '没有这个商品。' }]),
      },
    );
    await poller.tick();
    expect(poller.status()).toMatchObject({
      lastError: 'Order 5764: 没有这个商品。',
      problem: { code: 'order_refused', params: { order: '5764', reason: '没有这个商品。' } },
    });
  });
});
