/**
 * After the show: a short show run over the command API, its report (figures worked out here,
 * the four charts drawn), unique viewers entered after the show, experiment notes, the exports,
 * print, and a deleted show imported back from its file with the same report. Then across
 * shows: compare, series and product history. Screenshots go to test-results/screenshots.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

const SHOTS = 'test-results/screenshots';
// A show, its report, five downloads and three imports: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });
const MINUTE = 60_000;

/** The base sheet with a target and a commission, so every section of the report has figures. */
function reportSheet() {
  const sheet = baseSheet();
  sheet.show.title = 'Spring Glow Live';
  sheet.show.targetGmv = 100_000; // ¥1,000.00
  sheet.show.commission = {
    basePayment: 20_000,
    commissionRate: 0.1,
    gmvBonuses: [{ threshold: 50_000, amount: 5_000 }],
    viewerBonuses: [{ metric: 'uniqueViewers', threshold: 30, amount: 1_000 }],
  };
  return sheet;
}

async function ok(tool: Page, name: string, args: Record<string, unknown> = {}) {
  const ack = await command(tool, name, args);
  expect(ack, `${name} ${JSON.stringify(args)}`).toMatchObject({ ok: true });
  return ack;
}

/**
 * 0:00 start (opening) · 1:00 earbuds on air · 2:00 ×2 at live ¥199 · 3:00 120 watching ·
 * 4:00 flash segment, deal at ¥129 (cap 10) · 4:30 ×3 at ¥129 · 5:00 deal ended ·
 * 6:00 face mask on air · 7:00 ×2 at live ¥59 · 8:00 200 watching · 9:00 end.
 * GMV 398 + 387 + 118 = ¥903.00; 3 orders, 7 units; AOV ¥301.00.
 */
async function runShortShow(page: Page, tool: Page) {
  // Jumps, not ticks: nothing in this show waits on a timer (the deal is ended by hand).
  const step = (ms: number) => page.clock.fastForward(ms);
  await ok(tool, 'runsheet.load', { runSheet: reportSheet() });
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'ready');
  await ok(tool, 'show.start');
  await step(MINUTE);
  await ok(tool, 'show.next');
  await step(MINUTE);
  await ok(tool, 'sale', { quantity: 2, buyer: 'anna' });
  await step(MINUTE);
  await ok(tool, 'viewers', { concurrent: 120 });
  await step(MINUTE);
  await ok(tool, 'show.next');
  await ok(tool, 'deal.start');
  await step(MINUTE / 2);
  await ok(tool, 'sale', { quantity: 3 });
  await step(MINUTE / 2);
  await ok(tool, 'deal.end');
  await step(MINUTE);
  await ok(tool, 'show.next');
  await step(MINUTE);
  await ok(tool, 'sale', { productId: 'mask', quantity: 2 });
  await step(MINUTE);
  await ok(tool, 'viewers', { concurrent: 200 });
  await step(MINUTE);
  await ok(tool, 'show.end');
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'ended');
}

/**
 * The show ran on a fake clock, which also slows every click (Playwright waits for animation
 * frames the fake clock hands out slowly). Read the report in a fresh tab on the real clock:
 * closing the first tab hands the primary role to the new one, which reopens the same show.
 */
async function reopen(page: Page, context: BrowserContext): Promise<Page> {
  const url = page.url();
  await page.close();
  const fresh = await context.newPage();
  await fresh.setViewportSize({ width: 1360, height: 900 });
  await fresh.goto(url);
  return fresh;
}

async function expectFigures(page: Page, conversion: string) {
  await expect(page.getByTestId('report-title')).toHaveText('Spring Glow Live');
  await expect(page.getByTestId('total-gmv')).toHaveText(/¥903\.00$/);
  await expect(page.getByTestId('total-orders')).toHaveText('3');
  await expect(page.getByTestId('total-units')).toHaveText('7');
  await expect(page.getByTestId('total-aov')).toHaveText(/¥301\.00$/);
  await expect(page.getByTestId('gmv-vs-target')).toContainText('90% of the');
  // The clock runs between the jumps too, by the few milliseconds each command takes.
  await expect(page.getByTestId('total-length')).toHaveText(/^9:0\d$/);
  await expect(page.getByTestId('viewers-peak')).toHaveText('200');
  await expect(page.getByTestId('total-conversion')).toHaveText(conversion);
  const products = page.getByTestId('product-row');
  await expect(
    products.filter({ hasText: 'Wireless Earbuds' }).getByTestId('product-units'),
  ).toHaveText('5');
  await expect(
    products.filter({ hasText: 'Wireless Earbuds' }).getByTestId('product-gmv'),
  ).toHaveText(/¥785\.00$/);
  await expect(
    products.filter({ hasText: 'Hydrating Face Mask' }).getByTestId('product-gmv'),
  ).toHaveText(/¥118\.00$/);
  await expect(page.getByTestId('deal-row')).toHaveCount(1);
  await expect(page.getByTestId('deal-row')).toContainText('3');
}

async function expectChartsDrawn(page: Page) {
  for (const kind of ['gmv', 'units', 'stock', 'viewers']) {
    const chart = page.getByTestId(`chart-${kind}`);
    await expect(chart).toHaveAttribute('data-empty', 'false');
    await expect(chart.locator('[data-rendered="true"] svg').first()).toBeVisible();
    // Marks drawn, not just axes: a line path or bars.
    expect(await chart.locator('svg path, svg rect').count(), kind).toBeGreaterThan(2);
    await expect(chart.getByTestId('chart-summary')).not.toBeEmpty();
  }
}

test('one show: figures, charts, unique viewers, notes, exports and print; deleted and imported back, the same report', async ({
  page: live,
  context,
}) => {
  await live.clock.install({ time: new Date('2026-03-15T11:00:00Z') });
  await live.goto('/controller/');
  const tool = await openTool(context);
  await runShortShow(live, tool);

  await live.getByTestId('open-report').click();
  await expect(live).toHaveURL(/#\/report\/[^/]+$/);
  const page = await reopen(live, context);
  await expectFigures(page, '—');
  await expect(page.getByTestId('conversion-verdict')).toContainText('Enter the unique viewers');
  await expectChartsDrawn(page);
  await expect(page.getByTestId('chart-gmv').getByTestId('chart-summary')).toContainText(
    /GMV reached CN¥903\.00 over 9:0\d from 3 orders/,
  );

  // Earnings before the unique viewers are known: the viewer bonus is "unknown", not added.
  await expect(page.getByTestId('earnings-total')).toHaveText(/¥340\.30$/); // 200 + 10% × 903 + 50
  await expect(page.getByTestId('earnings-panel')).toContainText('Unknown');

  // TikTok gives the unique viewers after the stream: 40 → 3 / 40 = 7.5%, inside 5–15%.
  await page.getByTestId('unique-input').fill('40');
  await page.getByTestId('unique-save').click();
  await expect(page.getByTestId('total-conversion')).toHaveText('7.5%');
  await expect(page.getByTestId('conversion-verdict')).toContainText(
    'Within the benchmark of 5%–15%',
  );
  await expect(page.getByTestId('earnings-total')).toHaveText(/¥350\.30$/);
  await expect(page.getByTestId('brand-roi')).toContainText('2.6×');

  await page.getByTestId('changes-edit').click();
  await page.getByTestId('change-startTime').check();
  await page
    .getByTestId('changes-note')
    .fill('Moved from 19:00 to 20:00; same products and offers.');
  await page.getByTestId('changes-save').click();
  await expect(page.getByTestId('changes-read')).toContainText('Start time');
  await expect(page.getByTestId('changes-read')).toContainText('Moved from 19:00 to 20:00');

  await page.screenshot({ path: `${SHOTS}/report-show.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByTestId('export-json')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/report-show-print.png`, fullPage: true });
  // What "Print / PDF" gives on A4 (headless Chromium prints with the print stylesheet).
  await page.pdf({ path: `${SHOTS}/report-show.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();

  const [sales] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-sales').click(),
  ]);
  expect(sales.suggestedFilename()).toBe('spring-glow-live-2026-03-15-sales.csv');
  const salesCsv = readFileSync(await sales.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(salesCsv).toHaveLength(4);
  expect(salesCsv[1]).toContain('buds,Wireless Earbuds,2,199.00,live,398.00,CNY');
  const [products] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-products').click(),
  ]);
  expect(readFileSync(await products.path(), 'utf8')).toContain('mask,Hydrating Face Mask');
  const [segments] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-segments').click(),
  ]);
  expect(
    readFileSync(await segments.path(), 'utf8')
      .trim()
      .split('\r\n'),
  ).toHaveLength(5);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  expect(json.suggestedFilename()).toBe('spring-glow-live-2026-03-15.flashcue-show.json');
  const archive = readFileSync(await json.path(), 'utf8');
  expect(JSON.parse(archive)).toMatchObject({
    format: 'flashcue.show',
    version: 2,
    show: { status: 'ended' },
  });
  const showId = (JSON.parse(archive) as { show: { id: string } }).show.id;

  // Delete it, then bring it back from the file.
  await page.getByRole('link', { name: '← All shows' }).click();
  const row = page.getByTestId('show-row').filter({ hasText: 'Spring Glow Live' });
  await expect(row.getByTestId('show-gmv')).toHaveText(/¥903\.00$/);
  await row.getByTestId('show-delete').click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete show' }).click();
  await expect(page.getByTestId('shows-empty')).toBeVisible();

  await page.getByTestId('import-show-input').setInputFiles({
    name: json.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(archive),
  });
  await expect(page).toHaveURL(new RegExp(`#/report/${showId}$`));
  await expectFigures(page, '7.5%');
  await expectChartsDrawn(page);
  await expect(page.getByTestId('changes-read')).toContainText('Moved from 19:00 to 20:00');
  await expect(page.getByTestId('earnings-total')).toHaveText(/¥350\.30$/);
  // This show is no longer on the Live screen: a corrected figure is still logged (through a runner of its own).
  await page.getByTestId('unique-input').fill('60');
  await page.getByTestId('unique-save').click();
  await expect(page.getByTestId('total-conversion')).toHaveText('5.0%');

  // The same file again: it differs now (the correction), so it comes in as a copy beside it.
  await page.getByRole('link', { name: '← All shows' }).click();
  await page.getByTestId('import-show-input').setInputFiles({
    name: 'again.json',
    mimeType: 'application/json',
    buffer: Buffer.from(archive),
  });
  await expect(page).not.toHaveURL(new RegExp(`#/report/${showId}$`));
  await expect(page.getByTestId('total-conversion')).toHaveText('7.5%');
  await expect(page.getByTestId('notice').last()).toContainText('imported as a copy');
  await page.getByRole('link', { name: '← All shows' }).click();
  await expect(page.getByTestId('show-row')).toHaveCount(2);
  // And once more: that copy is found, nothing is added.
  await page.getByTestId('import-show-input').setInputFiles({
    name: 'again.json',
    mimeType: 'application/json',
    buffer: Buffer.from(archive),
  });
  await expect(page.getByTestId('notice').last()).toContainText(
    'is already here: nothing was added',
  );
  await page.getByRole('link', { name: '← All shows' }).click();
  await expect(page.getByTestId('show-row')).toHaveCount(2);
});

test('across shows: compare two, the series week over week, and the product history', async ({
  page: live,
  context,
}) => {
  await live.clock.install({ time: new Date('2026-03-08T11:00:00Z') });
  await live.goto('/controller/');
  const tool = await openTool(context);

  // Last week: a shorter show, one order of earbuds.
  await ok(tool, 'runsheet.load', { runSheet: reportSheet() });
  await ok(tool, 'show.start');
  await ok(tool, 'show.next');
  await live.clock.fastForward(MINUTE);
  await ok(tool, 'sale', { quantity: 1 });
  await ok(tool, 'viewers', { unique: 20 });
  await live.clock.fastForward(MINUTE);
  await ok(tool, 'show.end');
  // This week: the short show above, a week later.
  await live.clock.fastForward(7 * 24 * 60 * MINUTE);
  await runShortShow(live, tool);

  await live.getByRole('link', { name: 'Report', exact: true }).click();
  const page = await reopen(live, context);
  await expect(page.getByTestId('show-row')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/report-overview.png`, fullPage: true });
  for (const select of await page.getByTestId('show-select').all()) await select.check();
  await page.getByTestId('compare-selected').click();
  const compare = page.getByTestId('compare');
  await expect(compare.locator('thead th')).toHaveCount(3);
  await expect(compare.getByTestId('compare-gmv')).toContainText('¥199.00');
  await expect(compare.getByTestId('compare-gmv')).toContainText('¥903.00');
  await expect(compare.getByTestId('compare-gmv')).toContainText('+353.8%');
  await expect(compare.getByTestId('compare-product')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/report-compare.png`, fullPage: true });

  await page.getByTestId('tab-series').click();
  await expect(page.getByTestId('series-row')).toHaveCount(2);
  await expect(page.getByTestId('series-row').last()).toContainText('+353.8%');
  await expect(
    page.getByTestId('chart-series').locator('[data-rendered="true"] svg rect').first(),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/report-series.png`, fullPage: true });

  await page.getByTestId('tab-products').click();
  const history = page.getByTestId('history-row');
  await expect(history).toHaveCount(2);
  await expect(
    history.filter({ hasText: 'Wireless Earbuds' }).getByTestId('history-units'),
  ).toHaveText('6');
  await page.getByTestId('sort-name').click();
  await expect(history.first()).toContainText('Hydrating Face Mask');
  await page.getByTestId('history-search').fill('earbuds');
  await expect(history).toHaveCount(1);
  await history.getByRole('button', { expanded: false }).click();
  await expect(page.locator('tr.sub')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/report-history.png`, fullPage: true });
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('history-csv').click(),
  ]);
  const lines = readFileSync(await csv.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^\uFEFF?product_id,name,show_id/);
});

test('a hostile show file dropped on the Report page is refused with where; a show with no sales charts nothing', async ({
  page,
  context,
}) => {
  await page.goto('/controller/');
  const tool = await openTool(context);
  await ok(tool, 'runsheet.load', { runSheet: reportSheet() });
  await ok(tool, 'show.start');
  await ok(tool, 'show.end');
  await page.getByTestId('open-report').click();
  for (const kind of ['gmv', 'units', 'stock', 'viewers']) {
    await expect(page.getByTestId(`chart-${kind}`)).toHaveAttribute('data-empty', 'true');
  }
  await expect(page.getByTestId('chart-gmv').getByTestId('chart-empty')).toHaveText(
    'No sales were recorded in this show, so GMV stayed at zero.',
  );
  await expect(page.getByTestId('total-conversion')).toHaveText('—');
  await expect(page.getByTestId('total-aov')).toHaveText('—');
  await expect(page.locator('body')).not.toContainText('NaN');

  await page.getByRole('link', { name: '← All shows' }).click();
  await expect(page.getByTestId('show-row')).toHaveCount(1);
  const hostile = JSON.stringify({
    format: 'flashcue.show',
    version: 1,
    exportedAt: 'x',
    show: {
      id: 'evil',
      runSheetId: 'sheet-test',
      status: 'ended',
      createdAt: 1,
      startedAt: 1000,
      endedAt: 2000,
      changes: '',
      term: 1,
    },
    sheet: {
      ...reportSheet(),
      products: reportSheet().products.map((p, i) => (i === 0 ? { ...p, livePrice: -5 } : p)),
    },
    events: [
      { seq: 1, commandId: null, event: { type: 'show.start', at: 1000 } },
      { seq: 1, commandId: null, event: { type: 'show.end', at: 2000 } },
    ],
  });
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'evil.flashcue-show.json', { type: 'application/json' }));
    return dt;
  }, hostile);
  await page.locator('body').dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop show files to import them')).toBeVisible();
  await page.locator('body').dispatchEvent('drop', { dataTransfer });
  const outcome = page.getByTestId('import-outcomes');
  await expect(outcome).toContainText('evil.flashcue-show.json was refused');
  await expect(outcome).toContainText('sheet.products[0].livePrice: must not be negative');
  await expect(page.getByTestId('show-row')).toHaveCount(1);
});
