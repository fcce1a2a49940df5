// The TikTok Shop poller against the contract server (test/support/tiktokContract.ts), which
// checks every request's signature as TikTok Shop documents it, and a stand-in primary.
import { afterEach, describe, expect, test } from 'vitest';
import { createForwarder } from '../../../../../shared/intake/node/forwarder';
import { openStore } from '../../../../../shared/intake/node/store';
import { createTikTokPoller } from '../../../../../shared/intake/node/tiktokPoller';
import {
  startTikTokContract,
  type Contract,
  type ContractOrder,
} from '../../../../support/tiktokContract';
import { waitFor } from '../../../../support/relay';
import {
  fakePrimary,
  startIntake,
  type FakePrimary,
  type Running,
} from '../../../../support/intakeServer';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const creds = {
  appKey: '68xu9ks5p4i8',
  appSecret: 'e59af819cc',
  shopCipher: 'ROW_xkMbgAAAeVAQra0eZWebFQq5aIK',
  accessToken: 'access-0',
  refreshToken: 'refresh-0',
};

let contract: Contract | undefined;
let running: Running | undefined;
let primary: FakePrimary | undefined;
afterEach(async () => {
  primary?.stop();
  await running?.close();
  await contract?.close();
  primary = running = contract = undefined;
});

const nowS = () => Math.floor(Date.now() / 1000);
const tiktokOrder = (id: string, status: string, skus: string[]): ContractOrder => ({
  id,
  status,
  create_time: nowS() - 5,
  update_time: nowS(),
  line_items: skus.map((sku, i) => ({
    id: `${id}-${i}`,
    sku_id: `9${i}`,
    seller_sku: sku,
    sale_price: '12.50',
  })),
});

async function setUp(secret = creds.appSecret) {
  contract = await startTikTokContract(creds);
  running = await startIntake();
  primary = await fakePrimary(running.relayUrl);
  const store = openStore(mkdtempSync(join(tmpdir(), 'flashcue-tiktok-')));
  store.update({ tiktok: { ...creds, appSecret: secret, accessExpiresAt: null } });
  // The intake's own forwarder hears the primary; the poller is driven by tick(), no timers.
  const forwarder = running.intake.forwarder;
  await waitFor(() => forwarder.liveShow(), 2000, 'the primary');
  const poller = createTikTokPoller({
    store,
    forwarder,
    maskBuyers: () => false,
    apiBase: contract.url,
    authBase: contract.url,
    autoStart: false,
  });
  return { store, poller };
}

describe('TikTok Shop poller', () => {
  test('refreshes the unknown-expiry token, signs the search, turns paid into sales and cancels into sale.cancel', async () => {
    const { store, poller } = await setUp();
    contract!.orders.push(
      tiktokOrder('576460752303423488', 'AWAITING_SHIPMENT', ['SERUM', 'SERUM']),
      tiktokOrder('576460752303423489', 'UNPAID', ['SERUM']),
    );
    await poller.tick();
    expect(contract!.log).toEqual(['refresh', 'ok']);
    expect(store.get().tiktok).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    });
    expect(primary!.commands).toEqual([
      {
        id: 'order:576460752303423488',
        command: 'sale',
        args: expect.objectContaining({
          orderId: '576460752303423488',
          sku: 'SERUM',
          quantity: 2,
          price: 12.5,
          source: 'tiktok',
        }),
      },
    ]);
    expect(poller.status()).toMatchObject({ state: 'polling', ordersTaken: 1, lastError: null });

    // Next look: the same order is not sent again; its cancellation is.
    contract!.orders[0] = { ...contract!.orders[0]!, status: 'CANCELLED', update_time: nowS() };
    await poller.tick();
    expect(contract!.log).toEqual(['refresh', 'ok', 'ok']);
    expect(primary!.commands.map((c) => c.id)).toEqual([
      'order:576460752303423488',
      'order-cancel:576460752303423488',
    ]);
  });

  test('a wrong app secret is refused by the contract server and shown in words', async () => {
    const { poller } = await setUp('not-the-secret');
    // The token refresh carries the app secret too: a wrong one is refused there first.
    await poller.tick();
    expect(poller.status()).toMatchObject({ state: 'error' });
    expect(poller.status().lastError).toMatch(/refused to refresh the access token/);
    // The same problem as a code + values, for the page to word in its language.
    expect(poller.status().problem).toMatchObject({ code: 'refresh_refused' });
  });

  test('a bad signature is refused (106001) and reported', async () => {
    const { store, poller } = await setUp();
    store.update({
      tiktok: { ...store.get().tiktok!, accessExpiresAt: nowS() + 7 * 86400, appSecret: 'wrong' },
    });
    await poller.tick();
    expect(contract!.log).toEqual(['bad-sign']);
    expect(poller.status().lastError).toMatch(/signature is invalid \(code 106001, HTTP 401\)/);
    expect(poller.status().problem).toEqual({
      code: 'search_refused',
      params: { reason: expect.stringMatching(/signature is invalid/), code: 106001, http: 401 },
    });
    expect(primary!.commands).toEqual([]);
  });

  test('backs off on 429 and takes the orders on a later look', async () => {
    const { poller } = await setUp();
    contract!.tooMany = 1;
    contract!.orders.push(tiktokOrder('576460752303423490', 'COMPLETED', ['CREAM']));
    await poller.tick();
    expect(poller.status()).toMatchObject({ state: 'backing-off' });
    expect(poller.status().lastError).toMatch(/429/);
    expect(poller.status().problem).toEqual({ code: 'too_many', params: { seconds: 6 } });
    await poller.tick();
    expect(poller.status()).toMatchObject({ state: 'polling', ordersTaken: 1, problem: null });
    expect(contract!.log).toEqual(['refresh', '429', 'ok']);
  });

  test('waits while no show is live', async () => {
    contract = await startTikTokContract(creds);
    const store = openStore(mkdtempSync(join(tmpdir(), 'flashcue-tiktok-')));
    store.update({ tiktok: { ...creds, accessExpiresAt: null } });
    const relay = { inject: () => {}, listen: () => () => {} };
    const poller = createTikTokPoller({
      store,
      forwarder: createForwarder(relay),
      maskBuyers: () => false,
      apiBase: contract.url,
      authBase: contract.url,
      autoStart: false,
    });
    await poller.tick();
    expect(poller.status().state).toBe('waiting');
    expect(contract.log).toEqual([]);
  });
});
