/**
 * A solo seller's show with no one at the keyboard: orders arrive only through the door
 * (`POST /api/orders`, as a shop tool would send them), and the stock overlay and the ticker
 * follow; a flash deal ends when its cap sells out. The show itself is stepped by a tool
 * (a Stream Deck) over the command API, never by a click in the controller.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { startOwnServer, type OwnServer } from './support/ownServer';
import { command } from './support/tool';

// Its own server (own relay, own data folder): see support/ownServer.ts.
let server: OwnServer;
test.beforeEach(async () => {
  server = await startOwnServer();
});
test.afterEach(() => server?.stop());

const door = (request: APIRequestContext, token: string, orders: unknown[]) =>
  request.post(`${server.base}/api/orders`, {
    headers: { authorization: `Bearer ${token}` },
    data: { orders },
  });

const order = (orderId: string, buyer: string, quantity = 1) => ({
  orderId,
  productId: 'buds',
  quantity,
  unitPrice: 149,
  buyer,
  createdAt: new Date().toISOString(),
  status: 'paid',
});

test('orders through the door alone drive the stock overlay, the ticker and the deal cap', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  const { door: settings } = (await (
    await request.get(`${server.base}/api/integrations`)
  ).json()) as {
    door: { token: string };
  };
  const token = settings.token;

  // The Integrations page shows the same token, with the curl example.
  await page.goto(`${server.base}/controller/#/integrations`);
  await expect(page.getByTestId('door-token')).toHaveText(token);
  await expect(page.getByTestId('door-curl')).toContainText(`Authorization: Bearer ${token}`);
  await expect(page.getByTestId('integrations-show')).toContainText('No show is running');

  // A wrong token is refused; with no show running, orders are answered 503 (sender retries).
  expect((await door(request, 'wrong', [order('T-0', 'x')])).status()).toBe(401);
  const early = await door(request, token, [order('T-0', 'x')]);
  expect(early.status()).toBe(503);
  expect(((await early.json()) as { error: string }).error).toMatch(
    /No controller is running a show/,
  );

  const tool = await context.newPage();
  await tool.goto(`${server.base}/overlay/ticker.html?transport=broadcast`);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  const stock = await context.newPage();
  await stock.goto(`${server.base}/overlay/stock.html`);
  const ticker = await context.newPage();
  await ticker.goto(`${server.base}/overlay/ticker.html`);
  const countdown = await context.newPage();
  await countdown.goto(`${server.base}/overlay/countdown.html`);
  for (const step of ['show.start', 'show.next'])
    expect(await command(tool, step)).toMatchObject({ ok: true });
  expect(await command(tool, 'deal.start', { seconds: 600, quantity: 5 })).toMatchObject({
    ok: true,
  });
  await expect(countdown.locator('.fc-card[data-overlay="countdown"]')).toHaveAttribute(
    'data-state',
    'in',
  );
  // During a capped deal the stock overlay counts what is left at the deal price.
  await expect(stock.locator('.fc-stock-count')).toHaveText('5/5');
  await expect(page.getByTestId('integrations-show')).toContainText('Taking orders for Test show');

  // Three orders in one request: applied, on the stock overlay and the ticker.
  const batch = [order('T-1', 'anna'), order('T-2', 'ben'), order('T-3', 'cleo')];
  const first = await door(request, token, batch);
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ applied: 3, duplicate: 0, refused: 0 });
  await expect(stock.locator('.fc-stock-count')).toHaveText('2/5');
  await expect(ticker.locator('.fc-ticker-entry').first()).toContainText('@cleo');

  // The sender retries the same request: answered as duplicates, nothing counted twice.
  const retry = await door(request, token, batch);
  expect(await retry.json()).toMatchObject({ applied: 0, duplicate: 3 });

  // The last two units of the deal's cap of 5: the deal ends by itself.
  const last = await door(request, token, [order('T-4', 'dana', 2)]);
  expect(await last.json()).toMatchObject({ applied: 1 });
  // The deal is over: the overlay counts the product's stock again.
  await expect(stock.locator('.fc-stock-count')).toHaveText('95/100');
  await expect(countdown.locator('.fc-card[data-overlay="countdown"]')).toHaveAttribute(
    'data-state',
    'out',
  );
  const report = await command(tool, 'report.get');
  expect(report.result).toMatchObject({ totals: { orders: 4, units: 5 } });
});

test('masked buyer names reach the ticker masked (set on the Integrations page)', async ({
  page,
  context,
  request,
}) => {
  const { door: settings } = (await (
    await request.get(`${server.base}/api/integrations`)
  ).json()) as {
    door: { token: string };
  };
  await page.goto(`${server.base}/controller/#/integrations`);
  await page.getByTestId('mask-buyers').check();
  await expect(page.getByTestId('mask-buyers')).toBeChecked();
  const tool = await context.newPage();
  await tool.goto(`${server.base}/overlay/ticker.html?transport=broadcast`);
  const sheet = { ...baseSheet(), id: 'sheet-mask' };
  expect(await command(tool, 'runsheet.load', { runSheet: sheet })).toMatchObject({ ok: true });
  const ticker = await context.newPage();
  await ticker.goto(`${server.base}/overlay/ticker.html`);
  for (const step of ['show.start', 'show.next'])
    expect(await command(tool, step)).toMatchObject({ ok: true });
  await expect(page.getByTestId('integrations-show')).toContainText('Taking orders');
  const res = await door(request, settings.token, [order('M-1', 'anna')]);
  expect(await res.json()).toMatchObject({ applied: 1 });
  await expect(ticker.locator('.fc-ticker-entry').first()).toContainText('@a***a');
});
