/**
 * `orders.import` driven by a tool over the command API (BroadcastChannel, as a script or a
 * Stream Deck would): a TikTok Shop export as text and a Shopify export as base64 into the show
 * open on the controller. The answer's platform totals and the Report screen's equal the files'
 * sums in the show's window to the cent (worked out by hand in test/fixtures/orders/README.md:
 * TikTok 5 orders, 12 units, ¥1,508.00; Shopify 2 orders, 5 units, ¥646.00); the same file
 * again changes nothing; a broken file is refused with its row and nothing saved is lost.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { skuShowArchive } from '../support/orderShow';
import { command, openTool } from './support/tool';

const fixture = (name: string) => readFileSync(`test/fixtures/orders/${name}`);

interface Figures {
  orders: number;
  units: number;
  gmv: number;
}
interface Imported {
  message: string;
  added: number;
  platform: { totals: Figures; lines: number; formats: string[] };
}

async function importOrders(tool: Page, args: Record<string, unknown>) {
  // A big file takes longer than a click: the ack comes once the lines are stored.
  return command(tool, 'orders.import', args, undefined, 20_000);
}

async function platformTotals(tool: Page): Promise<Figures> {
  const ack = await command(tool, 'report.get');
  expect(ack.ok, ack.error).toBe(true);
  return (ack.result as { platform: { totals: Figures } }).platform.totals;
}

test('orders.import over the command API: both exports reconciled to the cent, re-import changes nothing, a broken file refused', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  // The finished show the fixtures are timed for, opened on the Live screen as a user would.
  await page.goto('/controller/#/report');
  await page.getByTestId('import-show-input').setInputFiles({
    name: 'orders-night.flashcue-show.json',
    mimeType: 'application/json',
    buffer: Buffer.from(skuShowArchive()),
  });
  await expect(page).toHaveURL(/#\/report\/show-orders$/);
  await page.goto('/controller/#/live');
  await page.getByRole('listitem').filter({ hasText: 'Orders Night' }).getByText('Open').click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'ended');
  const tool = await openTool(context);

  const tiktok = await importOrders(tool, { text: fixture('tiktok-us.csv').toString('utf8') });
  expect(tiktok.ok, tiktok.error).toBe(true);
  const first = tiktok.result as Imported;
  expect(first.message).toBe(
    "7 TikTok Shop order lines in the show's window, 7 new, 1 outside the window left out.",
  );
  expect(first.platform.totals).toEqual({ orders: 5, units: 12, gmv: 1508 });

  // The same file again: nothing new, nothing changed.
  const again = (await importOrders(tool, { text: fixture('tiktok-us.csv').toString('utf8') }))
    .result as Imported;
  expect(again.message).toBe(
    "7 TikTok Shop order lines in the show's window, 0 new, 7 already here, 1 outside the window left out.",
  );
  expect(again.platform.totals).toEqual({ orders: 5, units: 12, gmv: 1508 });

  // Shopify as base64, its format named.
  const shopify = await importOrders(tool, {
    base64: fixture('shopify.csv').toString('base64'),
    format: 'shopify',
  });
  expect(shopify.ok, shopify.error).toBe(true);
  expect((shopify.result as Imported).platform.totals).toEqual({
    orders: 7,
    units: 17,
    gmv: 2154, // 1,508.00 + 646.00
  });

  // A broken file (cut off inside a quote) is refused with its row; what was saved stays.
  const broken = Buffer.concat([
    fixture('tiktok-us.csv'),
    Buffer.from('"576000000000000009,Completed,\n1,2\n'),
  ]);
  const refused = await importOrders(tool, { base64: broken.toString('base64') });
  expect(refused.ok).toBe(false);
  expect(refused.error).toMatch(/^orders\.import was refused: .*row \d+/s);
  expect(refused.error).toContain('cut off or damaged');
  const unknown = await importOrders(tool, { text: 'Foo,Bar\n1,2\n' });
  expect(unknown.error).toContain('neither a TikTok Shop order export');
  expect(await platformTotals(tool)).toEqual({ orders: 7, units: 17, gmv: 2154 });

  // The Report screen shows the same figures.
  await page.goto('/controller/#/report/show-orders');
  const figure = (key: string) => page.getByTestId(`platform-${key}`).getByTestId('platform-value');
  // Reconciled in the import worker, which starts with the page: its first answer can take
  // longer than a click's under load.
  await expect(figure('gmv')).toHaveText(/^(CN)?¥2,154\.00$/, { timeout: 20_000 });
  await expect(figure('orders')).toHaveText('7');
  await expect(figure('units')).toHaveText('17');
});
