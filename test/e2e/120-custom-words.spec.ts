/**
 * Custom words (issue 16): the producer rewrites an on-air phrase on the Overlays page; the
 * previews and an overlay page opened apart show it at once, a bad placeholder is refused
 * next to the field (what was saved stays on air), and a reload keeps it. And the error box
 * speaks the page's language in every line.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

async function openOverlaysInChinese(page: Page) {
  await page.goto('/controller/#/setup');
  await page.getByTestId('opt-lang').selectOption('zh-CN');
  await page.getByTestId('custom-words').locator('summary').click();
}

const field = (page: Page, slot: string) => page.getByTestId(`word-${slot}`);

test('a phrase in my own words reaches the overlays, a bad placeholder is refused, a reload keeps it', async ({
  page,
  context,
}) => {
  await openOverlaysInChinese(page);
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });

  const overlay = await context.newPage();
  await overlay.goto('/overlay/stock.html?lang=zh-CN&transport=broadcast');
  const stockText = overlay.locator('.fc-stock-text');
  await expect(stockText).toHaveText(/^剩余 \d+ 件$/);
  const translated = await stockText.textContent();

  // The field shows today's translation, placeholders as the producer writes them.
  await expect(field(page, 'ov_stock_left')).toHaveAttribute('placeholder', /\{count\}/);
  await field(page, 'ov_stock_left').fill('还剩 {count} 件，快抢！');
  await field(page, 'ov_stock_left').press('Enter');
  await expect(stockText).toHaveText(/^还剩 \d+ 件，快抢！$/);
  // CI read "100 left" here twice: the preview had kept its English page (the next test).
  const preview = page.getByTestId('preview-stock').contentFrame();
  await expect(preview.locator('.fc-stock-text')).toHaveText(/^还剩 \d+ 件，快抢！$/);
  expect(translated).not.toContain('快抢');

  // An invented placeholder is refused where it was typed; the overlay keeps the saved words.
  await field(page, 'ov_stock_left').fill('还剩 {cout} 件');
  await field(page, 'ov_stock_left').press('Enter');
  await expect(page.getByTestId('word-error-ov_stock_left')).toHaveText(
    'Custom words, 简体中文, "{count} left": {cout} is not a placeholder of this phrase (it has {count})',
  );
  await expect(stockText).toHaveText(/^还剩 \d+ 件，快抢！$/);
  // A missing one too.
  await field(page, 'ov_stock_left').fill('快抢！');
  await field(page, 'ov_stock_left').press('Enter');
  await expect(page.getByTestId('word-error-ov_stock_left')).toContainText(
    '{count} is missing (the phrase must keep {count})',
  );
  await expect(stockText).toHaveText(/^还剩 \d+ 件，快抢！$/);

  // Reloaded (once the page says the look is saved), the controller still has them and a newly
  // opened overlay hears them.
  await expect(page.getByTestId('theme-save')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await page.getByTestId('custom-words').locator('summary').click();
  await expect(field(page, 'ov_stock_left')).toHaveValue('还剩 {count} 件，快抢！');
  const again = await context.newPage();
  await again.goto('/overlay/stock.html?lang=zh-CN&transport=broadcast');
  await expect(again.locator('.fc-stock-text')).toHaveText(/^还剩 \d+ 件，快抢！$/);
  // Another language's page keeps its translation: the words are per language.
  const english = await context.newPage();
  await english.goto('/overlay/stock.html?transport=broadcast');
  await expect(english.locator('.fc-stock-text')).toHaveText(/^\d+ left$/);

  // Emptied, the phrase is the translation again.
  await field(page, 'ov_stock_left').fill('');
  await field(page, 'ov_stock_left').press('Enter');
  await expect(again.locator('.fc-stock-text')).toHaveText(translated!);
});

test('a preview follows the language chosen while its first page was still on its way', async ({
  page,
  context,
}) => {
  // A narrow window: one column, the next-up preview far below the language menu.
  await page.setViewportSize({ width: 420, height: 800 });
  const english = '/overlay/next-up.html';
  // The preview's English page held back (a slow server) until the language is chosen.
  let arrive!: () => void;
  const slow = new Promise<void>((resolve) => (arrive = resolve));
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await page.route(
    (url) => url.pathname === english && !url.search,
    async (route) => {
      asked();
      await slow;
      // Gone by then once the preview has dropped it.
      await route.continue().catch(() => {});
    },
  );
  const englishEnded = new Promise<void>((resolve) => {
    const ended = (request: Request) => request.url().endsWith(english) && resolve();
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);
  });
  await page.goto('/controller/#/setup');
  const tool = await openTool(context);
  await command(tool, 'runsheet.load', { runSheet: baseSheet() });
  await command(tool, 'show.start');
  const preview = page.getByTestId('preview-next-up');
  await preview.scrollIntoViewIfNeeded();
  await requested;
  // Up to the menu (the preview far out of view again), Chinese, and then the page arrives.
  await page.getByTestId('opt-lang').scrollIntoViewIfNeeded();
  await page.getByTestId('opt-lang').selectOption('zh-CN');
  await expect(preview).toHaveAttribute('src', /lang=zh-CN/);
  arrive();
  await englishEnded;
  // A lazy iframe's new address waited for the frame to come near, and Chromium dropped it
  // when the English page arrived: "Coming up" under a Chinese URL, until a reload.
  await preview.scrollIntoViewIfNeeded();
  await expect(preview.contentFrame().locator('.fc-next-label')).toHaveText('即将开始');
});

test('a name typed into a custom word is shown as text, never markup', async ({
  page,
  context,
}) => {
  await openOverlaysInChinese(page);
  const tool = await openTool(context);
  await command(tool, 'runsheet.load', { runSheet: baseSheet() });
  await command(tool, 'show.start');
  await command(tool, 'show.next');
  const overlay = await context.newPage();
  await overlay.goto('/overlay/stock.html?lang=zh-CN&transport=broadcast');
  await field(page, 'ov_stock_left').fill('<img src=x onerror=alert(1)> {count}');
  await field(page, 'ov_stock_left').press('Enter');
  await expect(overlay.locator('.fc-stock-text')).toHaveText(
    /^<img src=x onerror=alert\(1\)> \d+$/,
  );
  await expect(overlay.locator('.fc-stock-text img')).toHaveCount(0);
});

test('the error box speaks the page’s language in every line', async ({ page }) => {
  await page.goto('/overlay/stock.html?lang=zh-CN&accent=zzz&scale=9&acent=1&low=lots');
  const lines = page.locator('.fc-error li');
  await expect(lines).toHaveText([
    'accent："zzz" 不是颜色（用十六进制，如 ff5a1f）',
    'scale："9" 不是 0.5 到 3 之间的数字',
    'low："lots" 不是件数或百分比（用 10 或 20%）',
    'acent：未知参数（是不是 accent？）',
  ]);
  await page.goto('/overlay/countdown.html?lang=th&mode=timer');
  await expect(page.locator('.fc-error li')).toHaveText(
    'mode: "timer" ไม่ใช่หนึ่งใน deal, slot, show, start',
  );
  await expect(page.locator('.fc-error')).not.toContainText(/is not|unknown option|use /);
});

test('custom words travel in the look file; a bad file is refused whole', async ({ page }) => {
  await page.goto('/controller/#/setup');
  const look = {
    flashcue: 'look',
    v: 1,
    look: { lang: 'th', words: { th: { ov_coming_up: 'มาแล้วจ้า' } } },
  };
  const file = (content: unknown, name = 'look.json') => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });
  await page.getByTestId('look-load').setInputFiles(file(look));
  await expect(page.getByTestId('look-loaded')).toHaveText('Loaded look.json.');
  await expect(page.getByTestId('opt-lang')).toHaveValue('th');
  await page.getByTestId('custom-words').locator('summary').click();
  await expect(field(page, 'ov_coming_up')).toHaveValue('มาแล้วจ้า');

  const bad = { ...look, look: { lang: 'en', words: { en: { ov_coming_up: '{soon}' } } } };
  await page.getByTestId('look-load').setInputFiles(file(bad, 'bad.json'));
  await expect(page.getByTestId('look-problems')).toHaveText(
    'bad.json: Custom words, English, "Coming up": {soon} is not a placeholder of this phrase (it has none)',
  );
  await expect(page.getByTestId('opt-lang')).toHaveValue('th');
  await expect(field(page, 'ov_coming_up')).toHaveValue('มาแล้วจ้า');
});
