/**
 * The Report screen in Simplified Chinese (issue 16): an ended show with sales, a flash deal, an
 * undone sale, viewers, a highlight marker and a Shopify order import shows no English word of
 * ours (the seller's names and the platforms' own excepted), a chart's axis and a CSV's headers
 * read Chinese while the CSV's values stay machine-readable, and the same page switched to
 * English reads as it always did.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { skuShow, skuShowArchive } from '../support/orderShow';
import { englishWords } from './support/englishWords';

// A marker without a label is named after the product on air (the seller's name).
const MARKER_ONE = 'Wireless Earbuds';

// One show imported, one order file imported, a download, a language switch: a busy machine
// needs more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

/** The report tests' show with a highlight marker (no label) at 3:20. */
function showWithMarker(): Buffer {
  const archive = JSON.parse(skuShowArchive()) as {
    events: Array<{ seq: number; commandId: string | null; event: { type: string; at: number } }>;
  };
  const start = archive.events.find((e) => e.event.type === 'show.start')!.event.at;
  const at = start + 200_000;
  const i = archive.events.findIndex((e) => e.event.at > at);
  const marker = {
    type: 'marker.add',
    label: null,
    showMs: 200_000,
    segmentIndex: 1,
    productId: 'buds',
    recordMs: null,
    at,
  };
  archive.events.splice(i, 0, { seq: 0, commandId: null, event: marker });
  archive.events.forEach((e, n) => (e.seq = n + 1));
  return Buffer.from(JSON.stringify(archive));
}

/** The seller's own words on the page: the sheet's names, ids and SKUs, the show's zone. */
function sellerWords(): string[] {
  const { sheet } = skuShow();
  return [
    sheet.show.title,
    sheet.show.currency,
    sheet.show.timeZone ?? '',
    ...sheet.products.flatMap((p) => [p.id, p.name, p.sku ?? '', ...(p.talkingPoints ?? [])]),
    ...sheet.segments.map((s) => `${s.id} ${s.title ?? ''} ${'label' in s ? s.label : ''}`),
    // Platforms, formats and units named as their makers spell them in every language.
    'TikTok Shop Shopify LIVE API ROI SKU CSV XLSX JSON PDF UTC',
  ];
}

async function openReport(page: Page, lang: string): Promise<Locator> {
  await page.goto(`/controller/?lang=${lang}#/report`);
  await page.getByTestId('import-show-input').setInputFiles({
    name: 'orders-night.flashcue-show.json',
    mimeType: 'application/json',
    buffer: showWithMarker(),
  });
  await expect(page).toHaveURL(/#\/report\/show-orders$/);
  return page.getByTestId('report-screen');
}

async function csvHead(page: Page, testId: string): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  return text.split('\r\n').slice(0, 2);
}

test('?lang=zh-CN: the whole report of an ended show in Chinese; English unchanged after a switch', async ({
  page,
}) => {
  const screen = await openReport(page, 'zh-CN');
  await expect(screen.getByTestId('report-status')).toHaveText('已结束');
  await expect(screen.getByRole('heading', { name: '总计' })).toBeVisible();

  // A platform import through the report's own dialog, in Chinese.
  await page.getByTestId('orders-file').setInputFiles({
    name: 'orders_export.csv',
    mimeType: 'text/csv',
    buffer: readFileSync('test/fixtures/orders/shopify.csv'),
  });
  await expect(page.getByTestId('orders-preview')).toContainText('Shopify 导出');
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('orders-result')).toContainText('节目时段内有');
  await expect(page.getByTestId('platform-figures')).toBeVisible();

  // Every chart drawn, its axis titled in Chinese; the marker named by Flashcue in Chinese.
  for (const kind of ['gmv', 'units', 'stock', 'viewers'])
    await expect(
      screen.locator(`[data-testid="chart-${kind}"] [data-rendered="true"]`),
    ).toHaveCount(1);
  await expect(screen.getByTestId('chart-gmv').locator('h3')).toHaveText('GMV 走势');
  await expect(
    screen.getByTestId('chart-gmv').locator('svg', { hasText: '开播后分钟数' }),
  ).toHaveCount(1);
  await expect(
    screen.locator('[data-testid="marker-row"][data-kind="manual"] [data-testid="marker-title"]'),
  ).toHaveText(MARKER_ONE);
  await expect(screen.getByTestId('deal-row')).toHaveCount(1);

  expect(await englishWords(screen, sellerWords())).toEqual([]);

  // The CSV's headers follow the language; its values stay ISO times and '.' decimals.
  const [header, row] = await csvHead(page, 'export-sales');
  expect(header!.split(',').slice(0, 3)).toEqual(['订单号', '时间（UTC）', '时间（当地）']);
  expect(row).toMatch(/,20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,/);
  expect(row).toMatch(/,\d+\.\d\d,/);

  // Back to English from the picker: the same page reads as before, the CSV keeps its keys.
  await page.getByTestId('controller-language').selectOption('en');
  await expect(screen.getByRole('heading', { name: 'Totals' })).toBeVisible();
  await expect(screen.getByTestId('report-status')).toHaveText('Ended');
  await expect(screen.getByTestId('chart-gmv').locator('h3')).toHaveText('GMV over time');
  await expect(screen.getByTestId('total-orders')).toHaveText('6');
  await expect(screen.getByTestId('headline')).toContainText('Average order');
  await expect(screen.getByTestId('platform-figures')).toContainText('Difference');
  const [english] = await csvHead(page, 'export-sales');
  expect(english!.split(',').slice(0, 3)).toEqual(['order_id', 'time_utc', 'time_local']);
});

test('?lang=zh-CN: the report overview (shows, compare, series, product history) in Chinese', async ({
  page,
}) => {
  const screen = await openReport(page, 'zh-CN');
  await screen.getByRole('link', { name: '全部节目' }).click();
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('报告');
  await expect(screen.getByTestId('show-row')).toHaveCount(1);
  // The show file's name ends as every show file does, in any language.
  const words = [...sellerWords(), '.flashcue-show.json'];
  expect(await englishWords(screen, words)).toEqual([]);
  for (const tab of ['compare', 'series', 'products']) {
    await screen.getByTestId(`tab-${tab}`).click();
    await expect(screen.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    expect(await englishWords(screen, words), tab).toEqual([]);
  }
  await expect(screen.getByTestId('history-row')).toHaveCount(2);
});
