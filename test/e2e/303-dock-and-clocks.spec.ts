import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

test('dock mode fits an OBS custom dock 350 px wide and runs the show', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 350, height: 900 });
  await page.goto('/controller/?dock#/live');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.getByRole('button', { name: /Start show/ }).click();
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(page.getByTestId('on-air-title')).toHaveText('Wireless Earbuds');
  await page.getByRole('button', { name: /\+1 sold/ }).click();
  await expect(page.getByTestId('units')).toHaveText('1');
  // Nothing wider than the dock: no sideways scrolling inside OBS.
  const overflow = await page.evaluate(() => ({
    by: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    culprits: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? el.id}] ${Math.round(el.getBoundingClientRect().right)}`,
      ),
  }));
  expect(overflow.by, overflow.culprits.join(', ')).toBeLessThanOrEqual(0);
  await expect(page.locator('header')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/controller-dock.png', fullPage: true });
});

test('an overlay whose wall clock is 5 minutes off shows the same countdown', async ({
  page,
  context,
  browser,
}) => {
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  // Another machine, as far as clocks go: its own context (Playwright's clock is per context)
  // whose Date runs 5 minutes ahead, reached through the relay.
  const elsewhere = await browser.newContext();
  const overlay = await elsewhere.newPage();
  await overlay.clock.install({ time: Date.now() + 5 * 60_000 });
  await overlay.goto('/overlay/countdown.html?transport=relay');
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  expect(await command(tool, 'deal.start', { seconds: 300 })).toMatchObject({ ok: true });
  // A skewed clock would show 0:00 (deadline 5 minutes "ago") or 10:00; the overlay maps the
  // remaining time onto its own clock, so it shows what the controller shows.
  await expect(overlay.locator('.fc-countdown')).toHaveText(/^(5:00|4:5\d)$/);
  const controllerText = await page.getByTestId('deal-countdown').textContent();
  const overlayText = await overlay.locator('.fc-countdown').textContent();
  const seconds = (t: string | null) => {
    const [m, s] = (t ?? '')
      .replace(/[^0-9:]/g, '')
      .split(':')
      .map(Number);
    return (m ?? 0) * 60 + (s ?? 0);
  };
  expect(
    Math.abs(seconds(controllerText) - seconds(overlayText)),
    `${controllerText} vs ${overlayText}`,
  ).toBeLessThanOrEqual(1);
  await elsewhere.close();
});
