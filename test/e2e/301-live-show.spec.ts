import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

test.describe('running a show from the Live screen', () => {
  test('start, step, sell, deal to its end, sell out, undo, pause, end', async ({
    page,
    context,
  }) => {
    // The whole show in one walk (some forty steps, each a logged command and a repaint): 20–30 s
    // on a 2-core CI machine, too close to the default 30 s budget. Time itself is faked.
    test.setTimeout(60_000);
    await page.clock.install();
    await page.goto('/controller/');
    await expect(page.getByTestId('no-show')).toBeVisible();

    const tool = await openTool(context);
    const loaded = await command(tool, 'runsheet.load', { runSheet: baseSheet() });
    expect(loaded).toMatchObject({ ok: true });

    const live = page.getByTestId('live-screen');
    await expect(live).toHaveAttribute('data-phase', 'ready');
    await page.getByRole('button', { name: /Start show/ }).click();
    await expect(live).toHaveAttribute('data-phase', 'live');
    await expect(page.getByTestId('on-air-title')).toHaveText('Opening');
    await expect(page.getByTestId('next-up')).toContainText('Wireless Earbuds');

    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.getByTestId('on-air-title')).toHaveText('Wireless Earbuds');
    await expect(page.getByTestId('retail')).toHaveText(/¥299.00$/);
    await expect(page.getByTestId('price-now')).toHaveText(/¥199.00$/);

    await page.getByRole('button', { name: /\+1 sold/ }).click();
    await expect(page.getByTestId('units')).toHaveText('1');
    await expect(page.getByTestId('stock-left')).toHaveText('99 left');

    // A 60-second flash deal on the product on air, run to its end on the page's clock.
    await page.getByRole('button', { name: '⚡ 60 s' }).click();
    await expect(page.getByTestId('deal-countdown')).toHaveText(/^(1:00|0:5\d)$/);
    await expect(page.getByTestId('price-now')).toHaveText(/¥149.00$/);
    await page.getByLabel('Quantity', { exact: true }).fill('2');
    await page.getByLabel('Buyer name (optional, for a shout-out)').fill('anna');
    await page.getByRole('button', { name: /\+N sold/ }).click();
    await expect(page.getByTestId('deal-sold')).toHaveText('2 sold');
    await expect(page.getByTestId('recent-sales')).toContainText('@anna');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'test-results/screenshots/controller-live.png' });
    await page.clock.runFor(50_000);
    await expect(page.getByTestId('deal-countdown')).toHaveText(/^0:(0\d|10)$/);
    await page.clock.runFor(10_500);
    await expect(page.getByTestId('deal-panel')).toHaveAttribute('data-running', 'false');
    await expect(page.getByTestId('price-now')).toHaveText(/¥199.00$/);

    // Sell out the face mask (5 in stock): an oversell is refused and said so.
    await page.getByRole('button', { name: /Go to 4: Hydrating Face Mask/ }).click();
    await expect(page.getByTestId('on-air-title')).toHaveText('Hydrating Face Mask');
    await page.getByLabel('Quantity', { exact: true }).fill('6');
    await page.getByRole('button', { name: /\+N sold/ }).click();
    await expect(page.getByTestId('notice').last()).toContainText(
      "Only 5 of Hydrating Face Mask left: can't record 6.",
    );
    await page.getByLabel('Quantity', { exact: true }).fill('5');
    await page.getByRole('button', { name: /\+N sold/ }).click();
    await expect(page.getByTestId('stock-left')).toHaveText('SOLD OUT');
    await page.getByRole('button', { name: /Undo last sale/ }).click();
    await expect(page.getByTestId('stock-left')).toHaveText('5 left');

    await page.getByRole('button', { name: /Pause/ }).click();
    await expect(live).toHaveAttribute('data-phase', 'paused');
    await page.getByRole('button', { name: /Resume/ }).click();
    await expect(live).toHaveAttribute('data-phase', 'live');

    await page.getByRole('button', { name: /End show/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'End show' }).click();
    await expect(live).toHaveAttribute('data-phase', 'ended');
  });

  test('hotkeys drive the show and ? lists them', async ({ page, context }) => {
    await page.goto('/controller/');
    const tool = await openTool(context);
    expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
      ok: true,
    });
    await expect(page.getByTestId('live-screen')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('on-air-title')).toHaveText('Opening');
    await page.keyboard.press('n');
    await expect(page.getByTestId('on-air-title')).toHaveText('Wireless Earbuds');
    await page.keyboard.press('+');
    await expect(page.getByTestId('units')).toHaveText('1');
    await page.keyboard.press('u');
    await expect(page.getByTestId('units')).toHaveText('0');
    await page.keyboard.press('u');
    await expect(page.getByTestId('notice').last()).toContainText('Nothing to undo');
    await page.keyboard.press('?');
    await expect(page.getByTestId('help')).toContainText('Next segment');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help')).toHaveCount(0);
    await page.keyboard.press('b');
    await expect(page.getByTestId('on-air-title')).toHaveText('Opening');
  });

  test('a reloaded controller resumes the same show', async ({ page, context }) => {
    await page.goto('/controller/');
    const tool = await openTool(context);
    expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
      ok: true,
    });
    expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
    expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
    expect(await command(tool, 'sale', { quantity: 3 })).toMatchObject({ ok: true });
    await page.reload();
    await expect(page.getByTestId('on-air-title')).toHaveText('Wireless Earbuds');
    await expect(page.getByTestId('units')).toHaveText('3');
  });
});

test('a first-time user runs the demo show from the printed URL in two clicks', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await page.getByTestId('run-demo').click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'ready');
  const overlay = await context.newPage();
  await overlay.goto('/overlay/all.html');
  await page.getByRole('button', { name: /Start show/ }).click();
  await page.getByRole('button', { name: /^Next/ }).click();
  const product =
    (await page.getByTestId('product-panel').locator('.name').textContent())?.trim() ?? '';
  expect(product.length).toBeGreaterThan(0);
  await expect(overlay.locator('.fc-name')).toHaveText(product);
});
