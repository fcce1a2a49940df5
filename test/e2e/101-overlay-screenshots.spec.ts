/**
 * Pictures for a reviewer: every overlay in both layouts, plus the styles and states worth
 * a look, into test-results/screenshots/. The backdrop is added for the picture only.
 */
import { expect, test, type Page } from '@playwright/test';
import { VIEWPORTS, backdrop, openOverlay } from './fixtures/overlay/harness';
import { dealView, liveView, product, richView } from './fixtures/overlay/views';
import type { OverlayView } from '../../shared/view/overlayView';

const DIR = 'test-results/screenshots';
const PAGES = ['lower-third', 'countdown', 'stock', 'ticker', 'next-up', 'all'] as const;

async function shoot(page: Page, file: string): Promise<void> {
  await backdrop(page);
  // Let entrances and the price reveal finish (CSS time, not the page clock).
  await page.waitForTimeout(1_800);
  await page.screenshot({ path: `${DIR}/${file}.png` });
}

for (const layout of ['landscape', 'portrait'] as const) {
  for (const name of PAGES) {
    test(`screenshot ${name} ${layout}`, async ({ context, page }) => {
      await page.setViewportSize(VIEWPORTS[layout]);
      const { publisher, errors } = await openOverlay(context, page, name, `?layout=${layout}`);
      await publisher.send(richView());
      await expect(page.locator('.fc-card').first()).toBeVisible();
      await shoot(page, `${name}-${layout}`);
      expect(errors).toEqual([]);
    });
  }
}

const variants: Array<{
  file: string;
  page: string;
  query: string;
  view: () => OverlayView;
  layout?: 'portrait';
}> = [
  { file: 'lower-third-light', page: 'lower-third', query: '?theme=light', view: richView },
  {
    file: 'lower-third-glass',
    page: 'lower-third',
    query: '?style=glass&accent=fe2c55',
    view: () => liveView(),
  },
  {
    file: 'lower-third-outline',
    page: 'lower-third',
    query: '?style=outline&font=condensed',
    view: () => liveView(),
  },
  {
    file: 'lower-third-soldout',
    page: 'lower-third',
    query: '',
    view: () => liveView({ product: product({ stock: 0 }) }),
  },
  { file: 'countdown-urgent', page: 'countdown', query: '', view: () => dealView(7_400) },
  {
    file: 'countdown-paused',
    page: 'countdown',
    query: '',
    view: () => dealView(30_000, { frozen: true }),
  },
  {
    file: 'countdown-slot-overtime',
    page: 'countdown',
    query: '?mode=slot',
    view: () => liveView({ segment: { ...liveView().segment!, remainingMs: -65_000 } }),
  },
  {
    file: 'stock-soldout',
    page: 'stock',
    query: '',
    view: () => liveView({ product: product({ stock: 0 }) }),
  },
  { file: 'next-up-soon', page: 'next-up', query: '', view: () => liveView({ phase: 'paused' }) },
  {
    file: 'all-portrait-mask',
    page: 'all',
    query: '?layout=portrait&mask=1',
    view: richView,
    layout: 'portrait',
  },
  {
    file: 'all-landscape-light-glass',
    page: 'all',
    query: '?theme=light&style=glass',
    view: richView,
  },
];

for (const v of variants) {
  test(`screenshot ${v.file}`, async ({ context, page }) => {
    await page.setViewportSize(VIEWPORTS[v.layout ?? 'landscape']);
    const { publisher } = await openOverlay(context, page, v.page, v.query);
    await publisher.send(v.view());
    await expect(page.locator('.fc-card').first()).toBeVisible();
    await shoot(page, v.file);
  });
}

test('screenshot error-box', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.landscape);
  await page.goto('/overlay/lower-third.html?accent=zzz&postion=top-left&scale=9');
  await expect(page.locator('.fc-error')).toBeVisible();
  await backdrop(page);
  await page.screenshot({ path: `${DIR}/error-box.png` });
});
