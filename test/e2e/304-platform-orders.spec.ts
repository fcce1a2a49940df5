/**
 * Orders with an identity over the command API (issue 15 §1): a platform order id is counted
 * once across re-sent commands, a controller reload and a backup's takeover; a cancellation
 * nets GMV, units and stock; orders past the stock or off the run sheet are recorded and
 * flagged on the Live screen and in the report.
 */
import { expect, test, type Page } from '@playwright/test';
import { backUp, goLive, openDevice, unitsSold } from './support/devices';
import { command, openTool } from './support/tool';

const TIKTOK_ID = '576460752303423488';

async function ok(tool: Page, name: string, args: Record<string, unknown> = {}, id?: string) {
  const ack = await command(tool, name, args, id);
  expect(ack, `${name} ${JSON.stringify(args)}: ${ack.error}`).toMatchObject({ ok: true });
  return ack as { ok: true; result: { seq: number; duplicate?: boolean } };
}

async function totals(tool: Page) {
  const ack = await ok(tool, 'report.get');
  return (ack.result as unknown as { totals: { units: number; orders: number; gmv: number } })
    .totals;
}

test('an order id counts once across re-sends and a reload; cancellations net; flags show on the Live screen and the report', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await page.goto('/controller/#/live');
  const tool = await openTool(context);
  await goLive(tool); // earbuds on air, live price ¥199

  const order = { orderId: TIKTOK_ID, quantity: 2, source: 'tiktok', price: 189.5 };
  const first = await ok(tool, 'sale', order, 'webhook-1');
  expect(first.result.duplicate).toBeUndefined();
  const again = await ok(tool, 'sale', order, 'webhook-2');
  expect(again.result).toMatchObject({ seq: first.result.seq, duplicate: true });
  expect(await totals(tool)).toMatchObject({ units: 2, orders: 1, gmv: 379 });
  // An order id as a JSON number would have lost digits: refused with a sentence.
  const numeric = await command(tool, 'sale', { orderId: 576460752303423500, source: 'tiktok' });
  expect(numeric.error).toMatch(/orderId must be text: put the order id in quotes/);

  await page.reload();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
  const afterReload = await ok(tool, 'sale', order, 'import-1');
  expect(afterReload.result).toMatchObject({ seq: first.result.seq, duplicate: true });
  expect(await unitsSold(tool)).toBe(2);

  // The face mask has 5 in stock: a platform order of 7 is recorded, flagged, stock at 0.
  await ok(tool, 'show.goto', { index: 3 });
  await ok(tool, 'sale', { orderId: 'T-OVER', quantity: 7, source: 'tiktok' });
  const hand = await command(tool, 'sale', { quantity: 1 });
  expect(hand.error).toBe('Hydrating Face Mask is sold out: nothing recorded.');
  await ok(tool, 'sale', { orderId: '#1001', sku: 'GIFT-BOX', price: 25, source: 'shopify' });
  const recent = page.getByTestId('recent-sales');
  await expect(recent.getByTestId('sale-flag')).toHaveText([
    'not in the run sheet',
    'beyond the stock',
    'price differs', // the first order: ¥189.50 paid, ¥199.00 in force
  ]);

  // The platform cancels the big order: GMV and units net of it, the 5 from stock come back.
  await ok(tool, 'sale.cancel', { orderId: 'T-OVER' });
  const unknown = await command(tool, 'sale.cancel', { orderId: 'nope' });
  expect(unknown.error).toMatch(/^There is no order nope in this show: nothing cancelled/);
  expect(await totals(tool)).toMatchObject({ units: 3, orders: 2, gmv: 404 });
  await expect(page.getByTestId('cancelled-orders')).toContainText('1 cancelled by the platform');
  await expect(page.getByTestId('units')).toHaveText('3');
  const report = (await ok(tool, 'report.get')).result as unknown as {
    products: Array<{ productId: string; remainingStock: number }>;
  };
  expect(report.products.find((p) => p.productId === 'mask')?.remainingStock).toBe(5);

  await ok(tool, 'show.end');
  await page.getByTestId('open-report').click();
  const notes = page.getByTestId('order-notes');
  await expect(notes.getByTestId('order-summary')).toContainText('Cancelled: 1 order');
  await expect(notes.getByTestId('order-summary')).toContainText('Not in the run sheet: 1 order');
  await expect(notes.getByTestId('flagged-order')).toHaveCount(3);
  await expect(notes.locator('[data-flags="price-differs"]')).toContainText(TIKTOK_ID);
  await expect(notes.locator('[data-flags="cancelled over-stock"]')).toContainText('restocked');
  await expect(notes.locator('[data-flags="off-sheet"]')).toContainText('GIFT-BOX');
});

test('after a backup takes over, an order id the old primary recorded is still counted once', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const a = await openDevice(browser);
  const b = await openDevice(browser);
  try {
    await goLive(a.tool);
    const first = await ok(a.tool, 'sale', { orderId: TIKTOK_ID, source: 'tiktok' }, 'poll-1');
    await backUp(b, a);
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'backup');
    await expect(b.page.getByTestId('backup-seq')).toHaveText(
      `log #${first.result.seq} of ${first.result.seq}`,
    );
    // Through the backup, the primary answers the repeat as a duplicate.
    const viaBackup = await ok(b.tool, 'sale', { orderId: TIKTOK_ID, source: 'tiktok' }, 'poll-2');
    expect(viaBackup.result).toMatchObject({ seq: first.result.seq, duplicate: true });

    await a.page.close();
    await a.tool.close();
    await expect(b.page.getByTestId('primary-silent')).toBeVisible({ timeout: 10_000 });
    await b.page.getByTestId('take-over').click();
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'primary');
    const afterTakeover = await ok(
      b.tool,
      'sale',
      { orderId: TIKTOK_ID, source: 'tiktok' },
      'poll-3',
    );
    expect(afterTakeover.result).toMatchObject({ seq: first.result.seq, duplicate: true });
    expect(await unitsSold(b.tool)).toBe(1);
  } finally {
    await b.context.close();
    await a.context.close();
  }
});
