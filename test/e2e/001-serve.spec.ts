import { expect, test } from '@playwright/test';
import { OVERLAYS, type OverlayName } from '../../overlay/pages';

/** The element each page always renders: the closing cards' recap, else the page's own card. */
const ROOT: Partial<Record<OverlayName, string>> = { cards: 'recap' };

test('/ redirects to the controller', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/controller\/$/);
});

test('the controller page shows Flashcue', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/controller/');
  await expect(page).toHaveTitle('Flashcue — Controller');
  await expect(page.locator('.brand')).toContainText('Flashcue');
  expect(errors).toEqual([]);
});

for (const name of OVERLAYS) {
  test(`overlay ${name} loads transparent with its data-overlay root`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`/overlay/${name}.html`);
    expect(response?.status()).toBe(200);
    await expect(page.locator(`[data-overlay="${ROOT[name] ?? name}"]`)).toHaveCount(1);
    const backgrounds = await page.evaluate(() => ({
      html: getComputedStyle(document.documentElement).backgroundColor,
      body: getComputedStyle(document.body).backgroundColor,
    }));
    expect(backgrounds).toEqual({ html: 'rgba(0, 0, 0, 0)', body: 'rgba(0, 0, 0, 0)' });
    expect(errors).toEqual([]);
  });
}

test('a mistyped overlay URL answers 404', async ({ request }) => {
  const response = await request.get('/overlay/nope.html');
  expect(response.status()).toBe(404);
});
