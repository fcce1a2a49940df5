/**
 * The embedded default, end to end: the controller runs the show and every overlay — opened
 * as its own page, as OBS would load it — follows over BroadcastChannel.
 */
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

test('every overlay follows the show the producer runs', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });

  const open = async (name: string, query = '') => {
    const p = await context.newPage();
    await p.goto(`/overlay/${name}.html${query}`);
    return p;
  };
  const lower = await open('lower-third');
  const countdown = await open('countdown');
  const stock = await open('stock');
  const ticker = await open('ticker');
  const next = await open('next-up');
  const card = (p: Page, name: string) => p.locator(`.fc-card[data-overlay="${name}"]`);
  // The producer looks at the controller (behind the overlays it draws a frame a second, and
  // each click waits for frames: CONTRIBUTING.md "CI time").
  await page.bringToFront();

  // Before the start: nothing on air.
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-state', 'out');
  await page.getByRole('button', { name: /Start show/ }).click();
  await expect(next.locator('.fc-next-title')).toHaveText('Wireless Earbuds');

  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-state', 'in');
  await expect(lower.locator('.fc-name')).toHaveText('Wireless Earbuds');
  await expect(lower.locator('.fc-price-retail')).toContainText('299.00');
  await expect(lower.locator('.fc-price-now')).toContainText('199.00');
  await expect(card(countdown, 'countdown')).toHaveAttribute('data-state', 'out');
  await expect(next.locator('.fc-next-title')).toContainText('Wireless Earbuds');

  // A flash deal: badge and deal price on the card, the countdown in.
  await page.getByRole('button', { name: '⚡ 60 s' }).click();
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-deal', 'on');
  await expect(lower.locator('.fc-price-now')).toContainText('149.00');
  await expect(card(countdown, 'countdown')).toHaveAttribute('data-state', 'in');
  await expect(countdown.locator('.fc-countdown')).toHaveText(/^(1:00|0:5\d)$/);

  await page.getByLabel('Buyer name (optional, for a shout-out)').fill('anna');
  await page.getByRole('button', { name: /\+1 sold/ }).click();
  await expect(ticker.locator('.fc-ticker-entry').first()).toContainText('@anna');
  await expect(stock.locator('.fc-stock-count')).toContainText('99');

  // A reloaded overlay is right again as soon as it loads (it says hello; the controller answers).
  await lower.reload();
  await expect(lower.locator('.fc-name')).toHaveText('Wireless Earbuds', { timeout: 1000 });
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-deal', 'on', { timeout: 1000 });

  await page.getByRole('button', { name: /End deal/ }).click();
  await expect(card(countdown, 'countdown')).toHaveAttribute('data-state', 'out');
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-deal', 'off');

  // Sell out the mask: SOLD OUT on the stock counter and the card.
  await page.getByRole('button', { name: /Go to 4: Hydrating Face Mask/ }).click();
  await expect(lower.locator('.fc-name')).toHaveText('Hydrating Face Mask');
  await page.getByLabel('Quantity', { exact: true }).fill('5');
  await page.getByRole('button', { name: /\+N sold/ }).click();
  await expect(card(stock, 'stock')).toHaveAttribute('data-soldout', /.*/);
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-soldout', /.*/);
  await page.getByRole('button', { name: /Undo last sale/ }).click();
  await expect(stock.locator('.fc-stock-count')).toContainText('5');

  // The product card out and in from the controller.
  await page.getByTestId('lower-third-toggle').click();
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-state', 'out');
  await page.getByTestId('lower-third-toggle').click();
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-state', 'in');

  await page.getByRole('button', { name: /End show/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'End show' }).click();
  await expect(card(lower, 'lower-third')).toHaveAttribute('data-state', 'out');
});

test('the host view shows the product, talking points and the latest cue', async ({
  page,
  context,
}) => {
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  const host = await context.newPage();
  await host.goto('/controller/#/host');
  await expect(host.getByTestId('host-view')).toHaveAttribute('data-phase', 'ready');
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  await expect(host.getByRole('heading', { level: 1 })).toHaveText('Wireless Earbuds');
  await expect(host.getByText('30 h battery')).toBeVisible();
  await expect(host.getByTestId('host-stock')).toHaveText('100 left');
  await page.getByRole('button', { name: 'Push the deal' }).click();
  await expect(host.getByTestId('host-cue')).toHaveText('Push the deal');
  await host.setViewportSize({ width: 1280, height: 720 });
  await host.screenshot({ path: 'test-results/screenshots/host-view.png' });
});
