/**
 * The Live screen's overlay preview is loaded from the server's other loopback name
 * (localhost ↔ 127.0.0.1), so Chromium's site isolation renders it in its own process, off the
 * controller's command path, and it hears the show over the relay — where there are cores to
 * spare: on two cores or fewer, and when that name does not reach the server, the preview stays
 * on the controller's own origin (BroadcastChannel). Either way it is drawn still (`still=1`)
 * unless the producer ticks Motion.
 */
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

const preview = (page: Page) => page.locator('iframe[title="Overlay preview"]');

/** What the on-air card's entrance transitions in the preview ('none' when drawn still). */
const cardMotion = (page: Page) =>
  page
    .frameLocator('iframe[title="Overlay preview"]')
    .locator('.fc-card[data-overlay="lower-third"]')
    .evaluate((card) => getComputedStyle(card).transitionProperty);

/** The preview moves to its own process only with cores to spare (previewSite.ts). */
const withCores = (page: Page, cores: number) =>
  page.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n });
  }, cores);

async function runShow(page: Page) {
  const tool = await openTool(page.context());
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.getByRole('button', { name: /Start show/ }).click();
  await page.getByRole('button', { name: /^Next/ }).click();
}

test('the preview shows the show from the other site, in its own renderer', async ({
  page,
  baseURL,
}) => {
  const port = new URL(baseURL!).port;
  await withCores(page, 8);
  await page.goto('/controller/');
  await runShow(page);
  await expect(preview(page)).toHaveAttribute(
    'src',
    `http://127.0.0.1:${port}/overlay/all.html?layout=landscape&still=1&transport=relay`,
  );
  const frame = page.frameLocator('iframe[title="Overlay preview"]');
  await expect(frame.locator('.fc-name')).toHaveText('Wireless Earbuds');
  // Drawn still: its moving frames are CPU the show's own path needs (Preview.svelte).
  expect(await cardMotion(page)).toBe('none');
  await page.getByRole('button', { name: '9:16' }).click();
  await expect(frame.locator('[data-layout="portrait"]').first()).toBeAttached();
  await expect(frame.locator('.fc-name')).toHaveText('Wireless Earbuds');
  expect(await cardMotion(page)).toBe('none');
  // Motion ticked: it moves as the overlays in OBS do.
  await page.getByRole('checkbox', { name: 'Motion' }).check();
  await expect(preview(page)).toHaveAttribute(
    'src',
    `http://127.0.0.1:${port}/overlay/all.html?layout=portrait&transport=relay`,
  );
  await expect(frame.locator('.fc-name')).toHaveText('Wireless Earbuds');
  expect(await cardMotion(page)).toBe('transform, opacity, visibility');

  // Site isolation made it an out-of-process frame: a target of its own, not part of the page.
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  expect(
    targetInfos.filter((t) => t.type === 'iframe' && t.url.startsWith(`http://127.0.0.1:${port}/`)),
  ).toHaveLength(1);
});

test('with the other name unreachable the preview stays on the controller’s origin', async ({
  page,
}) => {
  await withCores(page, 8);
  await page.routeWebSocket(/^ws:\/\/127\.0\.0\.1:\d+\/relay$/, (ws) => ws.close());
  await page.goto('/controller/');
  await runShow(page);
  await expect(preview(page)).toHaveAttribute('src', '/overlay/all.html?layout=landscape&still=1');
  const frame = page.frameLocator('iframe[title="Overlay preview"]');
  await expect(frame.locator('.fc-name')).toHaveText('Wireless Earbuds');
});

test('on two cores the preview stays in the controller’s process, drawn still', async ({
  page,
}) => {
  await withCores(page, 2);
  await page.goto('/controller/');
  await runShow(page);
  await expect(preview(page)).toHaveAttribute('src', '/overlay/all.html?layout=landscape&still=1');
  const frame = page.frameLocator('iframe[title="Overlay preview"]');
  await expect(frame.locator('.fc-name')).toHaveText('Wireless Earbuds');
  // Its animating frames would be the controller's own.
  await expect.poll(() => cardMotion(page)).toBe('none');
  // A new document after the canvas changes: still again.
  await page.getByRole('button', { name: '9:16' }).click();
  await expect(frame.locator('[data-layout="portrait"]').first()).toBeAttached();
  await expect(frame.locator('.fc-name')).toHaveText('Wireless Earbuds');
  await expect.poll(() => cardMotion(page)).toBe('none');
});
