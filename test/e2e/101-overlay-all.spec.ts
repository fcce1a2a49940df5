import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/overlay/stage';
import { TIKTOK_BANDS, bandsHit, toPx, type Rect } from '../../overlay/lib/safeZone';
import { VIEWPORTS, settleEntrances } from './fixtures/overlay/harness';
import { richView } from './fixtures/overlay/views';

const CARDS = ['lower-third', 'countdown', 'stock', 'ticker', 'next-up'];

/** On-screen boxes of every visible card part (cards, ticker lines, the deal badge). */
async function visibleBoxes(page: Page): Promise<Array<{ what: string; box: Rect }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.fc-card, .fc-badge')]
      .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { what: el.className, box: { x: r.x, y: r.y, w: r.width, h: r.height } };
      }),
  );
}

async function canvasBox(page: Page): Promise<Rect> {
  const r = (await page.locator('.fc-canvas').boundingBox())!;
  return { x: r.x, y: r.y, w: r.width, h: r.height };
}

test.describe('all overlay', () => {
  test('landscape: every card on one 16:9 canvas, inside title-safe', async ({
    stage: { page, open },
  }) => {
    await page.setViewportSize(VIEWPORTS.landscape);
    const { publisher, errors } = await open('all');
    await expect(page.locator('[data-overlay="all"]')).toHaveAttribute('data-layout', 'landscape');
    await publisher.send(richView());
    for (const name of CARDS) {
      await expect(page.locator(`[data-overlay="${name}"]`)).toHaveAttribute('data-state', 'in');
      await expect(page.locator(`[data-overlay="${name}"]`)).toBeVisible();
    }
    await expect(page.locator('.fc-badge')).toBeVisible();
    await expect(page.locator('.fc-stock-text')).toHaveText('Only 4 left');
    await expect(page.locator('.fc-countdown')).toHaveText(/^0:4[0-2]$/);
    await expect(page.locator('.fc-ticker-text').first()).toHaveText(
      '@anna just bought Wireless Earbuds Pro',
    );
    await expect(page.locator('.fc-next-title')).toHaveText('Hydrating Face Serum');
    await settleEntrances(page);
    for (const { what, box } of await visibleBoxes(page)) {
      expect.soft(box.x, what).toBeGreaterThanOrEqual(96 - 0.5);
      expect.soft(box.y, what).toBeGreaterThanOrEqual(54 - 0.5);
      expect.soft(box.x + box.w, what).toBeLessThanOrEqual(1920 - 96 + 0.5);
      expect.soft(box.y + box.h, what).toBeLessThanOrEqual(1080 - 54 + 0.5);
    }
    expect(errors).toEqual([]);
  });

  for (const viewport of [VIEWPORTS.portrait, { width: 540, height: 960 }]) {
    test(`portrait ${viewport.width}×${viewport.height}: no visible card touches TikTok's UI bands`, async ({
      stage: { page, open },
    }) => {
      await page.setViewportSize(viewport);
      const { publisher } = await open('all', '?layout=portrait');
      await expect(page.locator('[data-overlay="all"]')).toHaveAttribute('data-safe', 'on');
      await publisher.send(richView());
      for (const name of CARDS)
        await expect(page.locator(`[data-overlay="${name}"]`)).toBeVisible();
      await settleEntrances(page);
      const canvas = await canvasBox(page);
      expect(canvas.w / canvas.h).toBeCloseTo(9 / 16, 3);
      const boxes = await visibleBoxes(page);
      expect(boxes.length).toBeGreaterThanOrEqual(8); // 5 cards + 3 ticker lines + burst + badge
      for (const { what, box } of boxes) expect.soft(bandsHit(box, canvas), what).toEqual([]);
    });
  }

  test('portrait with safe=0 lets cards into the bands (the option is real)', async ({
    stage: { page, open },
  }) => {
    await page.setViewportSize(VIEWPORTS.portrait);
    const { publisher } = await open('all', '?layout=portrait&safe=0');
    await publisher.send(richView());
    await expect(page.locator('[data-overlay="lower-third"]')).toBeVisible();
    await settleEntrances(page);
    const canvas = await canvasBox(page);
    const hits = (await visibleBoxes(page)).flatMap(({ box }) => bandsHit(box, canvas));
    expect(hits).toContain('bottom');
  });

  test('mask=1 draws the bands from the same numbers', async ({ stage: { page, open } }) => {
    await page.setViewportSize({ width: 540, height: 960 });
    await open('all', '?layout=portrait&mask=1');
    const canvas = await canvasBox(page);
    for (const band of ['top', 'rightRail', 'bottom'] as const) {
      const drawn = (await page.locator(`[data-band="${band}"]`).boundingBox())!;
      const expected = toPx(TIKTOK_BANDS[band], canvas);
      expect(drawn.x).toBeCloseTo(expected.x, 0);
      expect(drawn.y).toBeCloseTo(expected.y, 0);
      expect(drawn.width).toBeCloseTo(expected.w, 0);
      expect(drawn.height).toBeCloseTo(expected.h, 0);
    }
  });
});
