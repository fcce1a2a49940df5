/**
 * Shopify's order webhook end to end, through the `npm start` server (vite preview + the
 * intake plugin) to the controller running the show and on to the overlays and the report.
 * The webhook is signed here exactly as shopify.dev documents it ("Verify webhook deliveries":
 * X-Shopify-Hmac-Sha256 = base64 of the HMAC-SHA256 of the raw body, keyed with the app's
 * webhook secret), with node:crypto — not with Flashcue's own signing code, so the two are
 * checked against each other. A forged signature is refused (401) and records nothing; the
 * same delivery twice (same X-Shopify-Event-Id / X-Shopify-Webhook-Id) and the same order in
 * another topic (orders/create after orders/paid) are counted once.
 */
import { createHmac } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { baseSheet, withSkus } from '../support/sheets';
import { startOwnServer, type OwnServer } from './support/ownServer';
import { command } from './support/tool';

const SECRET = 'shpss_e2e_webhook_secret';

// Its own server (own relay, own data folder, the secret in its environment).
let server: OwnServer;
test.beforeEach(async () => {
  server = await startOwnServer({ FLASHCUE_SHOPIFY_SECRET: SECRET });
});
test.afterEach(() => server?.stop());

// Written out as Shopify sends it: the ids are bare numbers past 2^53 (JSON.stringify of a
// JavaScript object could not even hold them). Placed when it is sent, as a live order is.
const order = () =>
  '{"id":820982911946154508,"name":"#1001","financial_status":"paid",' +
  `"created_at":"${new Date().toISOString()}","currency":"CNY",` +
  '"customer":{"first_name":"Anna","last_name":"Lee"},' +
  '"line_items":[{"id":866550311766439020,"sku":"SKU-BUDS","quantity":2,"price":"199.00"}]}';

const sign = (raw: string, secret = SECRET) =>
  createHmac('sha256', secret).update(raw, 'utf8').digest('base64');

function webhook(
  request: APIRequestContext,
  raw: string,
  headers: { hmac: string; topic?: string; webhookId: string; eventId: string },
) {
  return request.post(`${server.base}/api/shopify/orders`, {
    data: raw,
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': headers.hmac,
      'x-shopify-topic': headers.topic ?? 'orders/paid',
      'x-shopify-shop-domain': 'flashcue-e2e.myshopify.com',
      'x-shopify-api-version': '2025-10',
      'x-shopify-webhook-id': headers.webhookId,
      'x-shopify-event-id': headers.eventId,
    },
  });
}

test('a Shopify-signed order webhook reaches the stock overlay, the ticker and the report; a forged one is refused; a repeat counts once', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  await page.goto(`${server.base}/controller/#/integrations`);
  const tool = await context.newPage();
  await tool.goto(`${server.base}/overlay/ticker.html?transport=broadcast`);
  const sheet = baseSheet();
  withSkus(sheet);
  expect(await command(tool, 'runsheet.load', { runSheet: sheet })).toMatchObject({ ok: true });
  const stock = await context.newPage();
  await stock.goto(`${server.base}/overlay/stock.html`);
  const ticker = await context.newPage();
  // Each order held on the ticker for 10 minutes (its `hold` option): a slow machine still sees it.
  await ticker.goto(`${server.base}/overlay/ticker.html?hold=600`);
  for (const step of ['show.start', 'show.next'])
    expect(await command(tool, step)).toMatchObject({ ok: true });
  await expect(page.getByTestId('integrations-show')).toContainText('Taking orders for Test show');
  await expect(stock.locator('.fc-stock-count')).toHaveText('100/100');

  // A forged delivery first: the body changed after signing (20 units instead of 2).
  const ORDER = order();
  const forged = ORDER.replace('"quantity":2', '"quantity":20');
  const refused = await webhook(request, forged, {
    hmac: sign(ORDER),
    webhookId: 'wh-forged',
    eventId: 'ev-forged',
  });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: string }).error).toContain(
    'X-Shopify-Hmac-Sha256 signature does not match',
  );
  // Signed with another store's secret: refused too.
  const otherStore = await webhook(request, ORDER, {
    hmac: sign(ORDER, 'shpss_another_store'),
    webhookId: 'wh-other',
    eventId: 'ev-other',
  });
  expect(otherStore.status()).toBe(401);

  // The genuine delivery: taken, with the id's every digit.
  const taken = await webhook(request, ORDER, {
    hmac: sign(ORDER),
    webhookId: 'wh-1',
    eventId: 'ev-1',
  });
  expect(taken.status()).toBe(200);
  expect(await taken.json()).toMatchObject({
    applied: 1,
    orders: [{ orderId: '820982911946154508', status: 'applied' }],
  });
  await expect(ticker.locator('.fc-ticker-entry').first()).toContainText('Anna Lee');
  await expect(stock.locator('.fc-stock-count')).toHaveText('98/100');

  // Shopify redelivers the same event: dropped by its id, answered 200 so it stops retrying.
  const again = await webhook(request, ORDER, {
    hmac: sign(ORDER),
    webhookId: 'wh-1',
    eventId: 'ev-1',
  });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ duplicate: true });
  // The same order in another topic (a new event): the order id is already in the show.
  const create = await webhook(request, ORDER, {
    hmac: sign(ORDER),
    topic: 'orders/create',
    webhookId: 'wh-2',
    eventId: 'ev-2',
  });
  expect(create.status()).toBe(200);
  expect(await create.json()).toMatchObject({ applied: 0, duplicate: 1 });
  await expect(stock.locator('.fc-stock-count')).toHaveText('98/100');

  // The report: one order of two units at the price Shopify says was paid.
  const report = await command(tool, 'report.get');
  expect(report.result).toMatchObject({ totals: { orders: 1, units: 2 } });
  expect(await command(tool, 'show.end')).toMatchObject({ ok: true });
  await page.goto(`${server.base}/controller/#/live`);
  await page.getByTestId('open-report').click();
  await expect(page).toHaveURL(/#\/report\/[^/]+$/);
  await expect(page.getByTestId('total-orders')).toHaveText('1');
  await expect(page.getByTestId('total-units')).toHaveText('2');
  await expect(page.getByTestId('total-gmv')).toHaveText(/¥398\.00$/);
});
