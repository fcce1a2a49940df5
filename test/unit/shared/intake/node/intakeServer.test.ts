// The door, the Shopify webhook and the settings endpoint over real HTTP, with a stand-in
// primary controller on the relay.
import { afterEach, describe, expect, test } from 'vitest';
import { shopifySignature } from '../../../../../shared/intake/shopify';
import { waitFor } from '../../../../support/relay';
import {
  fakePrimary,
  startIntake,
  type FakePrimary,
  type Running,
} from '../../../../support/intakeServer';

let running: Running | undefined;
let primary: FakePrimary | undefined;
afterEach(async () => {
  primary?.stop();
  primary = undefined;
  await running?.close();
  running = undefined;
});

async function live() {
  running = await startIntake();
  primary = await fakePrimary(running.relayUrl);
  await waitFor(() => running!.intake.forwarder.liveShow(), 2000, 'the primary heartbeat');
  return running;
}

const order = (orderId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  sku: 'SERUM',
  quantity: 1,
  unitPrice: 19.9,
  ...extra,
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${running!.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const auth = () => ({ authorization: `Bearer ${running!.intake.store.get().token}` });

describe('POST /api/orders', () => {
  test('a missing or wrong token is 401; a malformed body 400 with where', async () => {
    await live();
    expect((await post('/api/orders', { orders: [order('1')] })).status).toBe(401);
    const wrong = await post(
      '/api/orders',
      { orders: [order('1')] },
      { authorization: 'Bearer nope' },
    );
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/Integrations page/);
    const bad = await post('/api/orders', { orders: [order('1', { quantity: -1 })] }, auth());
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/orders\[0\]\.quantity/);
    expect(primary!.commands).toEqual([]);
  });

  test('each order is applied, duplicate or refused with the sentence; retries never double', async () => {
    await live();
    const first = await post(
      '/api/orders',
      { orders: [order('A1', { buyer: 'anna' }), order('A2', { sku: 'GONE' })] },
      auth(),
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      applied: 1,
      refused: 1,
      orders: [
        { orderId: 'A1', status: 'applied' },
        {
          orderId: 'A2',
          status: 'refused',
          message: 'There is no product with SKU "GONE" in this run sheet.',
        },
      ],
    });
    expect(primary!.commands[0]).toEqual({
      id: 'order:A1',
      command: 'sale',
      args: { orderId: 'A1', sku: 'SERUM', quantity: 1, price: 19.9, buyer: 'anna', source: 'api' },
    });
    const again = await post(
      '/api/orders',
      { orders: [order('A1'), order('A1', { status: 'cancelled' })] },
      auth(),
    );
    expect(await again.json()).toMatchObject({
      applied: 1,
      duplicate: 1,
      orders: [
        { orderId: 'A1', status: 'duplicate' },
        { orderId: 'A1', status: 'applied' },
      ],
    });
    expect(primary!.commands.at(-1)).toEqual({
      id: 'order-cancel:A1',
      command: 'sale.cancel',
      args: { orderId: 'A1' },
    });
  });

  test('masked buyer names leave the server masked', async () => {
    await live();
    running!.intake.store.update({ maskBuyers: true });
    await post('/api/orders', { orders: [order('M1', { buyer: 'anna' })] }, auth());
    expect(primary!.commands[0]!.args.buyer).toBe('a***a');
  });

  test('no controller running a show: 503 and a sentence, nothing sent', async () => {
    running = await startIntake();
    const res = await post('/api/orders', { orders: [order('N1')] }, auth());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: string }).error).toMatch(
      /No controller is running a show/,
    );
    primary = await fakePrimary(running.relayUrl, 'ended');
    await new Promise((r) => setTimeout(r, 300));
    expect((await post('/api/orders', { orders: [order('N1')] }, auth())).status).toBe(503);
    expect(primary.commands).toEqual([]);
  });

  test('a body over 1 MiB is 413; a flood is 429; the token from FLASHCUE_INTAKE_TOKEN wins', async () => {
    running = await startIntake({
      env: { FLASHCUE_INTAKE_TOKEN: 'env-token-123' },
      ratePerSecond: 5,
    });
    const big = JSON.stringify({ orders: [order('B')], pad: 'x'.repeat(1024 * 1024) });
    expect((await post('/api/orders', big, { authorization: 'Bearer env-token-123' })).status).toBe(
      413,
    );
    expect((await post('/api/orders', { orders: [order('B')] }, auth())).status).toBe(401);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(
          '/api/orders',
          { orders: [order('B')] },
          { authorization: 'Bearer env-token-123' },
        ).then((r) => r.status),
      ),
    );
    expect(statuses).toContain(429);
  });
});

describe('POST /api/shopify/orders', () => {
  const secret = 'shpss_webhook_secret';
  // Written out: JSON.stringify would round the id, which Shopify sends as a bare number.
  const paid =
    '{"id":820982911946154508,"name":"#1001","financial_status":"paid",' +
    '"customer":{"first_name":"Anna","last_name":"Lee"},' +
    '"line_items":[{"id":1,"sku":"SERUM","quantity":2,"price":"19.90"}]}';
  const headers = (body: string, id = 'wh-1', topic = 'orders/paid') => ({
    'x-shopify-hmac-sha256': shopifySignature(secret, body),
    'x-shopify-topic': topic,
    'x-shopify-webhook-id': id,
  });

  test('a signed webhook is taken once; a repeat is dropped by webhook id; a forged one is 401', async () => {
    await live();
    running!.intake.store.update({ shopifySecret: secret });
    const res = await post('/api/shopify/orders', paid, headers(paid));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      applied: 1,
      orders: [{ orderId: '820982911946154508', status: 'applied' }],
    });
    expect(primary!.commands[0]!.args).toMatchObject({
      orderId: '820982911946154508',
      sku: 'SERUM',
      quantity: 2,
      price: 19.9,
      buyer: 'Anna Lee',
      source: 'shopify',
    });
    expect(await (await post('/api/shopify/orders', paid, headers(paid))).json()).toMatchObject({
      duplicate: true,
    });
    const forged = paid.replace('"quantity":2', '"quantity":20');
    const refused = await post('/api/shopify/orders', forged, headers(paid, 'wh-2'));
    expect(refused.status).toBe(401);
    expect(primary!.commands).toHaveLength(1);
  });

  test('a redelivery with the same X-Shopify-Event-Id (and a new webhook id) is dropped', async () => {
    await live();
    running!.intake.store.update({ shopifySecret: secret });
    const withEvent = (webhookId: string) => ({
      ...headers(paid, webhookId),
      'x-shopify-event-id': 'ev-9',
    });
    expect((await post('/api/shopify/orders', paid, withEvent('wh-a'))).status).toBe(200);
    const again = await post('/api/shopify/orders', paid, withEvent('wh-b'));
    expect(await again.json()).toMatchObject({
      duplicate: true,
      message: 'Webhook ev-9 was already taken.',
    });
    expect(primary!.commands).toHaveLength(1);
  });

  test('without a secret the webhook is refused (503, retried by Shopify); the env secret works', async () => {
    running = await startIntake();
    expect((await post('/api/shopify/orders', paid, headers(paid))).status).toBe(503);
    await running.close();
    running = await startIntake({ env: { FLASHCUE_SHOPIFY_SECRET: secret } });
    primary = await fakePrimary(running.relayUrl);
    await waitFor(() => running!.intake.forwarder.liveShow(), 2000, 'the primary');
    const cancelled = paid.replace('"paid"', '"refunded"');
    const res = await post(
      '/api/shopify/orders',
      cancelled,
      headers(cancelled, 'wh-9', 'orders/cancelled'),
    );
    expect(await res.json()).toMatchObject({ orders: [{ status: 'applied' }] });
    expect(primary.commands[0]).toMatchObject({
      command: 'sale.cancel',
      args: { orderId: '820982911946154508' },
    });
  });
});

describe('GET|POST /api/integrations', () => {
  test('shows the token, takes secrets and never returns them; refuses tunnels and JSON-less posts', async () => {
    running = await startIntake();
    const view = (await (await fetch(`${running.base}/api/integrations`)).json()) as {
      door: { token: string };
    } & Record<string, unknown>;
    expect(view.door.token).toBe(running.intake.store.get().token);
    const saved = await post('/api/integrations', {
      shopifySecret: 'shpss_super_secret',
      tiktok: {
        appKey: 'k',
        appSecret: 'tiktok_super_secret',
        accessToken: 'at_secret',
        refreshToken: 'rt_secret',
        shopCipher: 'c',
      },
      maskBuyers: true,
    });
    const text = await saved.text();
    expect(saved.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      shopify: { configured: true },
      tiktok: { configured: true },
      maskBuyers: true,
    });
    for (const secret of ['shpss_super_secret', 'tiktok_super_secret', 'at_secret', 'rt_secret'])
      expect(text).not.toContain(secret);
    const tunnel = await fetch(`${running.base}/api/integrations`, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(tunnel.status).toBe(403);
    const foreign = await fetch(`${running.base}/api/integrations`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${running.base}/api/integrations`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"newToken":true}',
    });
    expect(form.status).toBe(415);
    const bad = await post('/api/integrations', { shopifySecret: 'short' });
    expect(((await bad.json()) as { error: string }).error).toMatch(/shopifySecret/);
  });
});
