/**
 * Overlays in the audience's language (`?lang=`): our words translated, money in the
 * language's format, long names in Chinese, Thai, Japanese, Spanish and German fitting the
 * lower third in 16:9 and 9:16 (DOM geometry). Every page in zh-CN and th, both layouts, is
 * checked (and pictured with `npm run screenshots`) in 101-overlay-screenshots.spec.ts.
 */
import type { Page } from '@playwright/test';
import de from '../../messages/de.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import ja from '../../messages/ja.json' with { type: 'json' };
import th from '../../messages/th.json' with { type: 'json' };
import zhCN from '../../messages/zh-CN.json' with { type: 'json' };
import { VIEWPORTS } from './fixtures/overlay/harness';
import { expect, test } from './fixtures/overlay/stage';
import { expectCardsInside, ourText } from './fixtures/overlay/languageChecks';
import { SELLERS, localView } from './fixtures/overlay/localViews';

const MESSAGES = { 'zh-CN': zhCN, es, th, ja, de } as const;
const LAYOUTS = ['landscape', 'portrait'] as const;

/**
 * Entrances and the price reveal have played (CSS animations). The countdown bar's one-second
 * transition runs for as long as the deal does, so transitions are not waited for.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || !(a instanceof CSSAnimation)),
  );
}

test.describe('overlays in the audience language', () => {
  test('zh-CN: no English word of ours on any page, prices in ¥ without .00', async ({
    stage: { page, open },
  }) => {
    const seller = SELLERS['zh-CN'];
    const { publisher, errors } = await open('all', '?lang=zh-CN');
    await publisher.send(localView(seller));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const card = page.locator('[data-overlay="lower-third"]');
    await expect(card).toHaveAttribute('data-state', 'in');
    await expect(card.locator('.fc-badge')).toHaveText(zhCN.ov_flash_deal);
    await expect(card.locator('.fc-price-now')).toHaveText('¥149');
    await expect(card.locator('s.fc-price-retail')).toHaveText('¥299');
    await expect(card.locator('.fc-cta')).toHaveText(zhCN.ov_cta_default);
    await expect(page.locator('.fc-countdown-label')).toHaveText(zhCN.ov_deal_ends_in);
    await expect(page.locator('.fc-stock-text')).toHaveText('此价仅剩 4 件');
    await expect(page.locator('.fc-burst')).toHaveText('最近一分钟售出 23 件');
    await expect(page.locator('.fc-ticker-entry').first()).toContainText(
      `${seller.buyer} 刚刚购买了`,
    );
    await expect(page.locator('.fc-ticker-entry').nth(1)).toContainText('有人');
    await settle(page);
    expect(await ourText(page, seller)).not.toMatch(/[A-Za-z]/);
    expect(errors).toEqual([]);
  });

  for (const page_ of ['countdown', 'next-up', 'stock'] as const) {
    test(`zh-CN: the ${page_} page alone has no English word of ours`, async ({
      stage: { page, open },
    }) => {
      const seller = SELLERS['zh-CN'];
      const { publisher } = await open(page_, '?lang=zh-CN');
      await publisher.send(localView(seller));
      await expect(page.locator('.fc-card').first()).toBeVisible();
      await settle(page);
      const text = await ourText(page, seller);
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/[A-Za-z]/);
    });
  }

  for (const lang of ['es', 'th', 'ja'] as const) {
    test(`${lang}: our words are the ${lang} ones and prices read ¥`, async ({
      stage: { page, open },
    }) => {
      const m = MESSAGES[lang];
      // CLDR writes yuan as "CNY" in Spanish and "元" in Japanese; the producer who wants the
      // sign everywhere picks the narrow symbol.
      const { publisher, errors } = await open(
        'all',
        `?lang=${lang}&currencyDisplay=narrowSymbol&decimals=trim`,
      );
      await publisher.send(localView(SELLERS[lang]));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const card = page.locator('[data-overlay="lower-third"]');
      await expect(card.locator('.fc-badge')).toHaveText(m.ov_flash_deal);
      await expect(card.locator('.fc-cta')).toHaveText(m.ov_cta_default);
      await expect(card.locator('.fc-price-now')).toContainText('149');
      await expect(card.locator('.fc-price-now')).toHaveText(/^(149\s?¥|[¥￥]149)$/);
      await expect(card.locator('.fc-price-now')).not.toContainText('.00');
      await expect(page.locator('.fc-countdown-label')).toHaveText(m.ov_deal_ends_in);
      await expect(page.locator('.fc-next-label')).toHaveText(m.ov_flash_sale_next);
      expect(errors).toEqual([]);
    });
  }

  test('an unknown language is a located error, not an English page', async ({
    stage: { page },
  }) => {
    await page.goto('/overlay/stock.html?lang=xx');
    await expect(page.locator('.fc-error li[data-option="lang"]')).toContainText(
      'lang: "xx" is not a language',
    );
  });

  test('the error box speaks the language it was given', async ({ stage: { page } }) => {
    await page.goto('/overlay/stock.html?lang=zh-CN&accent=zzz');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('.fc-error-title')).toHaveText(
      'Flashcue stock：1 个网址参数需要修改',
    );
    await expect(page.locator('.fc-error-hint')).toHaveText(zhCN.ov_error_hint);
  });
});

test.describe('long names fit the lower third', () => {
  for (const lang of ['zh-CN', 'es', 'th', 'ja', 'de'] as const) {
    for (const layout of LAYOUTS) {
      test(`${lang} ${layout}`, async ({ stage: { page, open } }) => {
        const seller = SELLERS[lang];
        await page.setViewportSize(VIEWPORTS[layout]);
        const { publisher } = await open('lower-third', `?lang=${lang}&layout=${layout}`);
        await publisher.send(localView(seller));
        const card = page.locator('[data-overlay="lower-third"]');
        await expect(card).toHaveAttribute('data-state', 'in');
        await settle(page);
        const name = card.locator('.fc-name');
        const fit = await name.evaluate((el) => {
          const card = el.closest('.fc-card')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return {
            text: el.textContent ?? '',
            fontSize: parseFloat(getComputedStyle(el).fontSize),
            clippedY: el.scrollHeight - el.clientHeight,
            clippedX: el.scrollWidth - el.clientWidth,
            inside: box.left >= card.left && box.right <= card.right && box.bottom <= card.bottom,
          };
        });
        expect(fit.clippedY).toBeLessThanOrEqual(1);
        expect(fit.clippedX).toBeLessThanOrEqual(1);
        expect(fit.inside).toBe(true);
        expect(fit.fontSize).toBeGreaterThanOrEqual(28);
        // Either the whole name, or a grapheme-whole prefix and an ellipsis.
        if (fit.text.endsWith('…')) {
          const kept = fit.text.slice(0, -1);
          expect(seller.name.startsWith(kept)).toBe(true);
          const cut = [
            ...new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(seller.name),
          ];
          expect(cut.some((s) => s.index === kept.length)).toBe(true);
        } else {
          expect(fit.text).toBe(seller.name);
        }
        await expect(name).toHaveAttribute('title', seller.name);
        await expectCardsInside(page);
      });
    }
  }
});
