/**
 * The Overlays screen: options build the URLs (and nothing else), copy works with and without
 * the clipboard, previews load exactly those URLs and show the real show, the theme is
 * remembered, and one-click set-up waits for an OBS connection. (Set-up against real OBS is
 * covered by the real-OBS tests.)
 */
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { blankPreviews } from './support/previews';
import { command, openTool } from './support/tool';

const NAMES = ['all', 'lower-third', 'countdown', 'stock', 'ticker', 'next-up'] as const;

async function openSetup(page: Page, previews: 'real' | 'blank' = 'blank'): Promise<string> {
  if (previews === 'blank') await blankPreviews(page);
  await page.goto('/controller/#/setup');
  await expect(page.getByTestId('theme-editor')).toBeVisible();
  return new URL(page.url()).origin;
}

const urlOf = (page: Page, name: string) => page.getByTestId(`url-${name}`);

test('the default URLs are the bare pages, at 1920×1080', async ({ page }) => {
  const origin = await openSetup(page);
  for (const name of NAMES) {
    await expect(urlOf(page, name)).toHaveText(`${origin}/overlay/${name}.html`);
    await expect(page.getByTestId(`size-${name}`)).toContainText('1920 × 1080');
    await expect(page.getByTestId(`size-${name}`)).toContainText(
      'set the source to the OBS canvas size',
    );
  }
  await expect(page.getByTestId('overlay-list')).not.toContainText('password');
});

test('look and per-overlay options change the URLs, and each preview loads its URL', async ({
  page,
}) => {
  const origin = await openSetup(page, 'real');
  await page.getByTestId('opt-accent').fill('00E0A4');
  await page.getByTestId('opt-accent').press('Enter');
  await expect(urlOf(page, 'all')).toHaveText(`${origin}/overlay/all.html?accent=00e0a4`);
  await expect(page.getByTestId('opt-accent')).toHaveValue('#00e0a4');

  await page.getByTestId('opt-layout').getByRole('button', { name: '9:16 TikTok' }).click();
  await expect(urlOf(page, 'stock')).toHaveText(
    `${origin}/overlay/stock.html?layout=portrait&accent=00e0a4`,
  );
  await expect(page.getByTestId('size-stock')).toContainText('1080 × 1920');
  await expect(page.getByTestId('opt-safe')).toBeChecked();

  await page.getByTestId('opt-theme').getByRole('button', { name: 'Light' }).click();
  await page.getByTestId('opt-style').getByRole('button', { name: 'Glass' }).click();
  await page.getByTestId('opt-font').selectOption('condensed');
  await page.getByTestId('opt-scale').fill('1.25');
  await page.getByTestId('opt-scale').blur();
  await page.getByTestId('opt-safe').uncheck();
  const look =
    'layout=portrait&theme=light&accent=00e0a4&font=condensed&style=glass&scale=1.25&safe=0';
  await expect(urlOf(page, 'next-up')).toHaveText(`${origin}/overlay/next-up.html?${look}`);

  await page.getByTestId('opt-mode').getByRole('button', { name: 'Segment' }).click();
  await page.getByTestId('opt-urgent').fill('30');
  await page.getByTestId('opt-urgent').blur();
  await page.getByTestId('opt-countdown-position').selectOption('top-center');
  await page.getByTestId('opt-countdown-label-none').check();
  // Common options in the pages' own order (position after style), then the page's own.
  await expect(urlOf(page, 'countdown')).toHaveText(
    `${origin}/overlay/countdown.html?${look.replace('style=glass', 'style=glass&position=top-center')}&mode=slot&urgent=30&label=`,
  );

  await page.getByTestId('opt-cta').fill('Tap the bag, link in bio');
  await page.getByTestId('opt-cta').blur();
  await expect(urlOf(page, 'lower-third')).toHaveText(
    `${origin}/overlay/lower-third.html?${look}&cta=Tap+the+bag%2C+link+in+bio`,
  );

  await page.getByTestId('opt-low').fill('20');
  await page.getByTestId('opt-low-unit').selectOption('percent');
  await expect(urlOf(page, 'stock')).toHaveText(`${origin}/overlay/stock.html?${look}&low=20%25`);

  await page.getByTestId('opt-max').fill('5');
  await page.getByTestId('opt-hold').fill('12.5');
  await page.getByTestId('opt-minBurst').fill('0');
  await page.getByTestId('opt-minBurst').blur();
  await expect(urlOf(page, 'ticker')).toHaveText(
    `${origin}/overlay/ticker.html?${look}&max=5&hold=12.5&minBurst=0`,
  );

  await page.getByTestId('opt-soon').fill('20');
  await page.getByTestId('opt-soon').blur();
  await expect(urlOf(page, 'all')).toHaveText(
    `${origin}/overlay/all.html?${look}&cta=Tap+the+bag%2C+link+in+bio&mode=slot&urgent=30&low=20%25&max=5&hold=12.5&minBurst=0&soon=20`,
  );

  // Out-of-range input is refused with the page's limits; the URL keeps the last good value.
  await page.getByTestId('opt-max').fill('11');
  await page.getByTestId('opt-max').blur();
  await expect(page.getByTestId('overlay-ticker').getByRole('alert')).toHaveText(
    'use a whole number from 1 to 10',
  );
  await expect(urlOf(page, 'ticker')).toContainText('max=5');

  for (const name of NAMES) {
    const url = await urlOf(page, name).textContent();
    const preview = page.getByTestId(`preview-${name}`);
    await expect(preview).toHaveAttribute('src', url!);
    await expect(preview).toHaveAttribute('width', '1080');
    await expect(preview).toHaveAttribute('height', '1920');
    // The real page accepts every option: no error box, the options applied.
    const frame = preview.contentFrame();
    await expect(frame.locator('.fc-stage')).toHaveAttribute('data-theme', 'light');
    await expect(frame.locator('.fc-stage')).toHaveAttribute('data-layout', 'portrait');
    await expect(frame.locator('.fc-error')).toHaveCount(0);
  }
});

test('Copy puts the URL on the clipboard', async ({ page, context }) => {
  const origin = await openSetup(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.getByTestId('opt-theme').getByRole('button', { name: 'Light' }).click();
  await page.getByTestId('url-countdown-copy').click();
  await expect(page.getByTestId('url-countdown-copy')).toHaveText('Copied ✓');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${origin}/overlay/countdown.html?theme=light`,
  );
  // A changed URL is a new thing to copy.
  await page.getByTestId('opt-theme').getByRole('button', { name: 'Dark' }).click();
  await expect(page.getByTestId('url-countdown-copy')).toHaveText('Copy');
});

test('without a clipboard, Copy selects the URL for Ctrl+C', async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
  );
  const origin = await openSetup(page);
  await page.getByTestId('url-ticker-copy').click();
  await expect(page.getByTestId('overlay-ticker')).toContainText('Selected: press Ctrl+C');
  expect(await page.evaluate(() => getSelection()?.toString())).toBe(
    `${origin}/overlay/ticker.html`,
  );
});

test('the theme is remembered across a reload', async ({ page }) => {
  const origin = await openSetup(page);
  await page.getByTestId('opt-accent').fill('#3366ff');
  await page.getByTestId('opt-accent').blur();
  await page.getByTestId('opt-layout').getByRole('button', { name: '9:16 TikTok' }).click();
  await page.getByTestId('opt-ticker-position').selectOption('bottom-center');
  await expect(page.getByTestId('theme-save')).toHaveText('Saved on this computer');
  await page.reload();
  await expect(urlOf(page, 'ticker')).toHaveText(
    `${origin}/overlay/ticker.html?layout=portrait&accent=3366ff&position=bottom-center`,
  );
  await expect(page.getByTestId('opt-accent')).toHaveValue('#3366ff');
  await expect(
    page.getByTestId('opt-layout').getByRole('button', { name: '9:16 TikTok' }),
  ).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByTestId('theme-save')).toHaveText('Saved on this computer');
  await page.reload();
  await expect(urlOf(page, 'ticker')).toHaveText(`${origin}/overlay/ticker.html`);
});

test('the previews show the show on air', async ({ page, context }) => {
  await openSetup(page, 'real');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  const lower = page.getByTestId('preview-lower-third').contentFrame();
  await expect(lower.locator('.fc-name')).toHaveText('Wireless Earbuds');
  const all = page.getByTestId('preview-all').contentFrame();
  await expect(all.locator('[data-overlay="lower-third"]')).toHaveAttribute('data-state', 'in');
});

test('one-click set-up asks for an OBS connection first, and links to the form', async ({
  page,
}) => {
  await openSetup(page);
  const setup = page.getByTestId('obs-setup');
  await expect(setup).toContainText('Connect to OBS first');
  await expect(setup.getByTestId('setup-run')).toHaveCount(0);
  await setup.getByRole('link', { name: 'connection form above' }).click();
  await expect(page.getByTestId('obs-panel').getByLabel('Server IP')).toBeFocused();
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByTestId('mapping-last')).toContainText('Nothing switched yet');
});

test('scene switching is saved without OBS and survives a reload', async ({ page }) => {
  await openSetup(page);
  const mapping = page.getByTestId('scene-mapping');
  await expect(mapping).toContainText('Connect to OBS to choose from its scenes');
  await expect(page.getByTestId('mapping-product')).toHaveValue('');
  await page.getByTestId('mapping-enabled').check();
  // The switch is saved by an IndexedDB write after the click: reload once it has landed (a
  // reload racing the write was this test's known flake).
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('flashcue');
            open.onsuccess = () => {
              const get = open.result
                .transaction('settings')
                .objectStore('settings')
                .get('sceneMapping');
              get.onsuccess = () => {
                resolve((get.result?.value as { enabled?: boolean } | undefined)?.enabled ?? false);
                open.result.close();
              };
              get.onerror = () => resolve(false);
            };
            open.onerror = () => resolve(false);
          }),
      ),
    )
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId('mapping-enabled')).toBeChecked();
});

test('the remote overlay link is behind a warning, masks the password, and copies it in the fragment only', async ({
  page,
  context,
}) => {
  const origin = await openSetup(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const remote = page.getByTestId('remote-link');
  await expect(remote.getByTestId('remote-password')).toBeHidden();
  await remote.getByText('Advanced: overlay outside OBS').click();
  await expect(remote).toContainText('This link contains your OBS password.');
  await remote.getByTestId('remote-overlay').selectOption('countdown');
  await remote.getByTestId('remote-address').fill('ws://192.168.1.20:4455');
  await remote.getByTestId('remote-password').fill('hunter2');
  await expect(remote.getByTestId('remote-url')).toHaveText(
    `${origin}/overlay/countdown.html#obs=ws%3A%2F%2F192.168.1.20%3A4455&password=••••••`,
  );
  await expect(remote).toContainText('The page itself is on localhost');
  await remote.getByRole('button', { name: /^Copy link/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${origin}/overlay/countdown.html#obs=ws%3A%2F%2F192.168.1.20%3A4455&password=hunter2`,
  );
  await expect(page.locator('body')).not.toContainText('hunter2');
  for (const name of NAMES) await expect(urlOf(page, name)).not.toContainText('password');
  await remote.getByTestId('remote-address').fill('192.168.1.20');
  await expect(remote.getByRole('alert')).toHaveText(
    'Enter the OBS address as ws://192.168.1.20:4455.',
  );
});
