/**
 * Imports and exports on the library: a CSV product list, a PingHuman task dropped on the
 * page, broken JSON reported by line and column with nothing saved, an export that imports
 * back to the identical sheet, a taken id that is never overwritten, and a large file.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url);
const rows = (page: Page) => page.getByTestId('sheet-row');
const report = (page: Page) => page.getByTestId('import-report');

async function importFile(
  page: Page,
  name: string,
  content: string | Buffer,
  mimeType = 'application/json',
) {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
}

async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load the demo show' }).first().click();
  await report(page).getByRole('button', { name: 'Close' }).click();
}

test('a CSV product list asks for its currency, then becomes a run sheet with a plan', async ({
  page,
}) => {
  await page.goto('/controller/#/plan');
  await page
    .getByTestId('import-input')
    .setInputFiles(fixture('csv/semicolon-decimal-comma.csv').pathname);
  const question = page.getByTestId('csv-question');
  await question.getByLabel('Prices are in').selectOption('CNY');
  await question.getByLabel(/Show length in minutes/).fill('30');
  await question.getByRole('button', { name: 'Import' }).click();

  await expect(report(page).getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved');
  await expect(report(page)).toContainText('CSV product list');
  await expect(report(page)).toContainText('3 products');
  await report(page).getByRole('link', { name: 'Open in editor' }).click();
  await expect(page.getByTestId('product-card')).toHaveCount(3);
  await expect(page.getByTestId('product-card').first().getByTestId('retail-price')).toHaveValue(
    '1299.00',
  );
  await expect(page.getByTestId('planned')).toContainText('of 30:00 planned');
});

test('refused CSV rows are reported where a spreadsheet user finds them', async ({ page }) => {
  await page.goto('/controller/#/plan');
  await page.getByTestId('import-input').setInputFiles(fixture('csv/mixed-errors.csv').pathname);
  await page.getByTestId('csv-question').getByRole('button', { name: 'Import' }).click();
  const warnings = report(page).getByTestId('warning-list');
  await expect(warnings).toContainText('row 4, column "retail_price"');
  await expect(warnings).toContainText('(row not imported)');
  await expect(rows(page)).toHaveCount(1);
});

test('a PingHuman task dropped anywhere on the library is imported', async ({ page }) => {
  await page.goto('/controller/#/plan');
  const text = readFileSync(fixture('pinghuman/task-beauty-flash-sale.json'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'task-beauty-flash-sale.json', { type: 'application/json' }));
    return dt;
  }, text);
  const target = page.getByTestId('library-empty');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(report(page)).toContainText('PingHuman task');
  await expect(report(page).getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved');
  await report(page).getByRole('button', { name: 'Close' }).click();
  await expect(rows(page)).toHaveCount(1);
});

test('broken JSON is refused with line and column, and the library is unchanged', async ({
  page,
}) => {
  await page.goto('/controller/#/plan');
  await loadDemo(page);
  const broken =
    '{\n  "format": "flashcue.runsheet",\n  "version": 1,\n  "id": "demo"\n  "show": {}\n}\n';
  await importFile(page, 'broken.json', broken);
  await expect(report(page).getByTestId('import-entry')).toHaveAttribute('data-outcome', 'refused');
  await expect(report(page).getByTestId('error-list')).toContainText('line 5, column 3');
  await expect(report(page)).toContainText('Nothing from this file was saved');
  await report(page).getByRole('button', { name: 'Close' }).click();

  await page
    .getByTestId('import-input')
    .setInputFiles(fixture('pinghuman/host-profile-2-broken.json').pathname);
  await expect(report(page).getByTestId('error-list')).toContainText(/line 36, column \d+/);
  await report(page).getByRole('button', { name: 'Close' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Glow Lab Live');
});

test('export JSON and import it back: the identical sheet; a changed copy never overwrites', async ({
  page,
}) => {
  await page.goto('/controller/#/plan');
  await loadDemo(page);
  const demoRow = page.locator('[data-sheet-id="demo"]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    demoRow.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('demo.flashcue.json');
  const exported = readFileSync(await download.path(), 'utf8');
  // The demo file is written in Flashcue's canonical form, so the export is byte-identical.
  expect(exported).toBe(
    readFileSync(new URL('../../public/demo/demo-show.json', import.meta.url), 'utf8'),
  );

  await importFile(page, 'demo.flashcue.json', exported);
  await expect(report(page).getByTestId('import-entry')).toHaveAttribute(
    'data-outcome',
    'identical',
  );
  await report(page).getByRole('button', { name: 'Close' }).click();

  const changed = exported.replace('"stock": 150', '"stock": 151');
  await importFile(page, 'changed.json', changed);
  await expect(report(page).getByTestId('import-entry')).toHaveAttribute('data-outcome', 'renamed');
  await expect(report(page)).toContainText('saved as demo-2. Nothing was replaced');
  await report(page).getByRole('button', { name: 'Close' }).click();
  await expect(rows(page)).toHaveCount(2);

  // Delete the original, import the export: the sheet comes back identical.
  await demoRow.getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(demoRow).toHaveCount(0);
  await importFile(page, 'demo.flashcue.json', exported);
  await expect(report(page).getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved');
  await report(page).getByRole('button', { name: 'Close' }).click();
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    demoRow.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(readFileSync(await again.path(), 'utf8')).toBe(exported);
});

test('export the products as CSV', async ({ page }) => {
  await page.goto('/controller/#/plan');
  await loadDemo(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-sheet-id="demo"]').getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('demo-products.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFid,name,sku,platform_sku_ids,category,retail_price,live_price,flash_price,stock,flash_seconds,flash_quantity,image_url,talking_points',
  );
  expect(csv).toContain(
    'hydra-toner,Hyaluronic Hydrating Toner 200ml,GL-TON-200,,Skincare,129.00,99.00,79.00,150',
  );
});

test('a 10 MB run sheet imports with a progress bar, without freezing the page', async ({
  page,
}) => {
  await page.goto('/controller/#/plan');
  const demo = JSON.parse(
    readFileSync(new URL('../../public/demo/demo-show.json', import.meta.url), 'utf8'),
  );
  // Three products with uploaded images of ~3.3 MB each: the realistic way a sheet gets big.
  const image = `data:image/png;base64,${'A'.repeat(3_300_000)}`;
  for (const product of demo.products.slice(0, 3)) product.image = image;
  const text = JSON.stringify({ ...demo, id: 'big-show' }, null, 2);
  expect(text.length).toBeGreaterThan(9_900_000);

  // Long tasks are counted from the file input's change event: handing a 10 MB buffer to the
  // page (Playwright's setInputFiles) is itself a ~1 s task that is no part of the import.
  // The input must be on the page first (CI once ran the script before the Plan screen drew).
  await expect(page.getByTestId('import-input')).toBeAttached();
  await page.evaluate(() => {
    const w = window as unknown as {
      __from: number;
      __tasks: Array<[number, number]>;
      __bar: boolean;
    };
    w.__from = Infinity;
    w.__tasks = [];
    w.__bar = false;
    // Reading 10 MB takes a few tens of ms here: record that the bar was shown at all.
    new MutationObserver(
      () => (w.__bar ||= !!document.querySelector('[data-testid="import-progress"] progress')),
    ).observe(document.body, { subtree: true, childList: true });
    document
      .querySelector('[data-testid="import-input"]')!
      .addEventListener('change', () => (w.__from = performance.now()), { capture: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask' });
  });
  await importFile(page, 'big-show.json', text);
  await expect(report(page).getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved', {
    timeout: 20_000,
  });
  await expect(report(page)).toContainText(/9\.\d MB/);
  const checked = await report(page).getByTestId('import-entry').innerText();
  const ms = Number(/checked in (\d+) ms/.exec(checked)?.[1]);
  const longest = await page.evaluate(() => {
    const w = window as unknown as { __from: number; __tasks: Array<[number, number]> };
    return Math.round(
      Math.max(
        0,
        ...w.__tasks.filter(([start]) => start >= w.__from).map(([, duration]) => duration),
      ),
    );
  });
  expect(await page.evaluate(() => (window as unknown as { __bar: boolean }).__bar)).toBe(true);
  console.log(
    `10 MB import: checked in ${ms} ms; longest main-thread task during the import ${longest} ms`,
  );
  // Measured here: ~90 ms on an idle machine, up to ~360 ms with three browsers busy, against
  // the 200 ms budget for doing without a worker. The bound catches a real freeze, not noise.
  expect(longest).toBeLessThan(1000);
});
