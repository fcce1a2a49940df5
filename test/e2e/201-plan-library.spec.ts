/**
 * The plan screen's library, driven as a producer would: the demo show, templates, a blank
 * sheet, duplicate and delete (and the refusal while a live show uses the sheet).
 */
import { expect, test, type Page } from '@playwright/test';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const rows = (page: Page) => page.getByTestId('sheet-row');
const row = (page: Page, id: string) =>
  page.locator(`[data-testid="sheet-row"][data-sheet-id="${id}"]`);

async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load the demo show' }).first().click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  return report;
}

test('a first-time user loads the demo show, sees it in the library and can run it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/controller/#/plan');
  await expect(page.getByTestId('library-empty')).toContainText('No run sheets yet');

  const report = await loadDemo(page);
  await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved');
  await expect(report).toContainText('Saved as demo');
  await report.getByRole('button', { name: 'Close' }).click();

  await expect(rows(page)).toHaveCount(1);
  const demo = row(page, 'demo');
  await expect(demo).toContainText('Glow Lab Live: spring skincare drop');
  await expect(demo).toContainText('5 products');
  await expect(demo).toContainText('9 segments');
  await expect(demo.getByTestId('row-planned')).toHaveText(
    '22:00 of 24:00 planned — 2:00 to spare',
  );

  // Loading it again reuses the identical saved sheet instead of piling up copies.
  const again = await loadDemo(page);
  await expect(again.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'identical');
  await again.getByRole('button', { name: 'Run this show' }).click();
  await expect(page).toHaveURL(/#\/live$/);
  await expect(page.getByTestId('show-status')).toContainText('Glow Lab Live');
  await page.goto('/controller/#/plan');
  await expect(rows(page)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('the demo images are served', async ({ request }) => {
  const sheet = await (await request.get('/demo/demo-show.json')).json();
  for (const product of sheet.products) {
    const response = await request.get(product.image);
    expect(response.status(), product.image).toBe(200);
    expect(await response.text()).toContain('<svg');
  }
});

test('create from a template, twice: the second gets its own id', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/controller/#/plan');
  for (const expectedId of ['weekly-flash-sale', 'weekly-flash-sale-2']) {
    await page.getByRole('button', { name: 'New run sheet' }).click();
    await page
      .getByTestId('template-picker')
      .getByRole('button', { name: 'Use template: Weekly flash-sale show' })
      .click();
    await expect(page).toHaveURL(new RegExp(`#/plan/${expectedId}$`));
    await expect(page.getByTestId('show-title')).toHaveValue(
      'Weekly flash sale: home & daily deals',
    );
    await expect(page.getByTestId('saved')).toBeVisible();
    await expect(page.getByTestId('product-card')).toHaveCount(12);
    await page.getByRole('link', { name: '← Run sheets' }).click();
  }
  await expect(rows(page)).toHaveCount(2);
  await expect(row(page, 'weekly-flash-sale-2')).toContainText('12 products');
  expect(errors).toEqual([]);
});

test('a blank run sheet is valid at once: opening, closing, 60 minutes', async ({ page }) => {
  await page.goto('/controller/#/plan');
  await page.getByRole('button', { name: 'Blank run sheet' }).click();
  await expect(page).toHaveURL(/#\/plan\/untitled-show$/);
  await expect(page.getByTestId('planned')).toHaveText('10:00 of 1:00:00 planned — 50:00 to spare');
  await expect(page.getByTestId('segment-row')).toHaveCount(2);
  await expect(page.getByTestId('error-count')).toHaveCount(0);
});

test('duplicate and delete, with a confirmation', async ({ page }) => {
  await page.goto('/controller/#/plan');
  await (await loadDemo(page)).getByRole('button', { name: 'Close' }).click();
  await row(page, 'demo').getByRole('button', { name: 'Duplicate' }).click();
  await expect(rows(page)).toHaveCount(2);
  const copy = row(page, 'demo-copy');
  await expect(copy).toContainText('Glow Lab Live: spring skincare drop (copy)');

  await copy.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('demo-copy');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(page)).toHaveCount(2);

  await copy.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(row(page, 'demo')).toBeVisible();
});

test('deleting a sheet that a live show is running is refused with the reason', async ({
  page,
}) => {
  await page.goto('/controller/#/plan');
  await (await loadDemo(page)).getByRole('button', { name: 'Close' }).click();
  // A live show on this sheet, as the live screen would have left it (written straight to IndexedDB).
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('flashcue');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const sheet = await new Promise<unknown>((resolve) => {
      const get = db.transaction('runSheets').objectStore('runSheets').get('demo');
      get.onsuccess = () => resolve((get.result as { sheet: unknown }).sheet);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('shows', 'readwrite');
      tx.objectStore('shows').put({
        id: 'live-1',
        runSheetId: 'demo',
        status: 'live',
        createdAt: 1,
        startedAt: 2,
        endedAt: null,
        sheet,
        changes: '',
        terms: [],
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await row(page, 'demo').getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('alert')).toContainText('A live show is running this run sheet');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(page)).toHaveCount(1);
});
