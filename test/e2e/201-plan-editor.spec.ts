/**
 * The run-sheet editor: inline errors and a Save that waits for them, the planned time, and
 * reordering segments by drag and by keyboard, persisted across a reload.
 */
import { expect, test, type Page } from '@playwright/test';

async function openDemoEditor(page: Page) {
  await page.goto('/controller/#/plan');
  await page.getByRole('button', { name: 'Load the demo show' }).first().click();
  await page.getByTestId('import-report').getByRole('link', { name: 'Open in editor' }).click();
  await expect(page).toHaveURL(/#\/plan\/demo$/);
  await expect(page.getByTestId('editor')).toBeVisible();
}

const segmentIds = (page: Page) =>
  page
    .getByTestId('segment-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id')));

const DEMO_ORDER = [
  'open',
  'toner',
  'serum',
  'serum-flash',
  'shade-poll',
  'cream',
  'lip',
  'sun',
  'last-call',
];

test('an invalid price shows its error beside the field and blocks Save until fixed', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openDemoEditor(page);
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toBeDisabled(); // nothing to save yet

  const live = page.getByTestId('product-card').first().getByTestId('live-price');
  await live.fill('200');
  const fieldError = page.locator('[data-testid="field-error"][data-path="products[0].livePrice"]');
  await expect(fieldError).toContainText('is above the retail price');
  await expect(live).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('error-count')).toHaveText('1 problem to fix');
  await expect(page.getByTestId('error-summary')).toContainText(
    'Product 1 (Hyaluronic Hydrating Toner 200ml) › Live price',
  );
  await expect(save).toBeDisabled();

  await live.fill('12.345');
  await expect(fieldError).toContainText('more than 2 decimals');
  await live.fill('abc');
  await expect(fieldError).toContainText('must be an amount such as 19.90');
  await expect(save).toBeDisabled();

  await live.fill('89.50');
  await expect(fieldError).toHaveCount(0);
  await expect(page.getByTestId('dirty')).toBeVisible();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.getByTestId('saved')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('product-card').first().getByTestId('live-price')).toHaveValue(
    '89.50',
  );
  expect(errors).toEqual([]);
});

test('planned time against the show length, and Revert', async ({ page }) => {
  await openDemoEditor(page);
  const planned = page.getByTestId('planned');
  await expect(planned).toHaveText('22:00 of 24:00 planned — 2:00 to spare');
  await page.getByTestId('segment-length').nth(1).fill('9:30');
  await expect(planned).toHaveText('28:30 of 24:00 planned — over by 4:30');
  await expect(planned).toHaveAttribute('data-state', 'over');
  await page.getByTestId('show-length').fill('30');
  await expect(planned).toHaveText('28:30 of 30:00 planned — 1:30 to spare');

  await page.getByTestId('show-title').fill('Renamed show');
  await expect(page.getByTestId('dirty')).toBeVisible();
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(page.getByTestId('show-title')).toHaveValue('Glow Lab Live: spring skincare drop');
  await expect(planned).toHaveText('22:00 of 24:00 planned — 2:00 to spare');
  await expect(page.getByTestId('saved')).toBeVisible();
});

test('reorder segments with the keyboard buttons; the order survives a reload', async ({
  page,
}) => {
  await openDemoEditor(page);
  expect(await segmentIds(page)).toEqual(DEMO_ORDER);
  const down = page.getByRole('button', { name: 'Move Hydrating Toner down' });
  await down.click();
  await expect(down).toBeFocused(); // focus follows the moved row
  await page.keyboard.press('Enter'); // and again, from the keyboard
  expect(await segmentIds(page)).toEqual([
    'open',
    'serum',
    'serum-flash',
    'toner',
    ...DEMO_ORDER.slice(4),
  ]);
  await page.getByRole('button', { name: "Move Last call: recap of tonight's deals up" }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('saved')).toBeVisible();

  await page.reload();
  await expect
    .poll(() => segmentIds(page))
    .toEqual([
      'open',
      'serum',
      'serum-flash',
      'toner',
      'shade-poll',
      'cream',
      'lip',
      'last-call',
      'sun',
    ]);
});

test('reorder segments by dragging a handle with the mouse; the order survives a reload', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 1400 }); // source and target on screen together
  await openDemoEditor(page);
  const handles = page.getByTestId('drag-handle');
  await handles.nth(1).scrollIntoViewIfNeeded();
  const from = (await handles.nth(4).boundingBox())!; // the shade poll
  const to = (await handles.nth(1).boundingBox())!; // above the toner
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  // Rows slide (a 150 ms flip) as the gap moves: let them settle and let the zone see the
  // pointer once more over the settled rows, as a person's hand would, before dropping.
  await expect(page.locator('li.shadow')).toHaveCount(1);
  await page.waitForTimeout(300);
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 2, { steps: 2 });
  await page.waitForTimeout(300);
  await page.mouse.up();
  await expect
    .poll(() => segmentIds(page))
    .toEqual([
      'open',
      'shade-poll',
      'toner',
      'serum',
      'serum-flash',
      'cream',
      'lip',
      'sun',
      'last-call',
    ]);
  await expect(page.getByTestId('dirty')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('saved')).toBeVisible();

  await page.reload();
  await expect
    .poll(() => segmentIds(page))
    .toEqual([
      'open',
      'shade-poll',
      'toner',
      'serum',
      'serum-flash',
      'cream',
      'lip',
      'sun',
      'last-call',
    ]);
});

test('add, duplicate and remove segments and products', async ({ page }) => {
  await openDemoEditor(page);
  await page.getByLabel('Add a segment').selectOption('break');
  await page.getByRole('button', { name: '+ Add segment' }).click();
  await expect(page.getByTestId('segment-row')).toHaveCount(10);
  await page.getByRole('button', { name: 'Duplicate Shade poll' }).click();
  expect((await segmentIds(page)).slice(4, 6)).toEqual(['shade-poll', 'shade-poll-copy']);
  await page.getByRole('button', { name: 'Remove Shade poll' }).first().click();
  await expect(page.getByTestId('segment-row')).toHaveCount(10);

  await page.getByRole('button', { name: '+ Add product' }).click();
  const added = page.getByTestId('product-card').last();
  await expect(page.getByTestId('error-count')).toBeVisible(); // a new product needs a name, prices and stock
  await added.getByTestId('product-name').fill('Travel Pouch');
  await added.getByTestId('retail-price').fill('59');
  await added.getByTestId('live-price').fill('39');
  await added.getByLabel('Stock').fill('50');
  await expect(page.getByTestId('error-count')).toHaveCount(0);

  // Removing a product that segments use asks first.
  await page.getByTestId('product-card').nth(1).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('used by 3 segments');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('error-count')).toHaveText('3 problems to fix');
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
});

test('unsaved edits survive a look at the Live screen', async ({ page }) => {
  await openDemoEditor(page);
  await page.getByTestId('show-title').fill('Glow Lab Live: edited');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Live' })
    .click();
  await expect(page).toHaveURL(/#\/live$/);
  await page.goto('/controller/#/plan/demo');
  await expect(page.getByTestId('show-title')).toHaveValue('Glow Lab Live: edited');
  await expect(page.getByTestId('dirty')).toBeVisible();
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(page.getByTestId('show-title')).toHaveValue('Glow Lab Live: spring skincare drop');
});
