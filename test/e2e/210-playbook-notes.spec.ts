/**
 * Playbook checks in the plan editor: a run sheet that breaks three rules shows three gentle
 * notes with their sources; a note can be dismissed; a rule switched off stays off after a
 * reload.
 */
import { expect, test, type Page } from '@playwright/test';

const M = 60;
const product = (id: string, name: string) => ({
  id,
  name,
  retailPrice: 19900,
  livePrice: 12900,
  flashPrice: 9900,
  stock: 50,
});
/** 70 minutes: no opening, one 2-minute product slot, nothing selling in the last 10 min. */
const SHEET = {
  format: 'flashcue.runsheet',
  version: 1,
  id: 'playbook-e2e',
  show: { title: 'Three rules broken', currency: 'CNY', durationSec: 70 * M },
  products: [
    product('buds', 'Wireless Earbuds'),
    product('mask', 'Face Mask'),
    product('lamp', 'Desk Lamp'),
  ],
  segments: [
    { id: 'p0', kind: 'product', productId: 'lamp', durationSec: 5 * M },
    { id: 'p1', kind: 'product', productId: 'buds', durationSec: 5 * M },
    { id: 'f1', kind: 'flash', productId: 'buds', durationSec: 3 * M },
    { id: 'p2', kind: 'product', productId: 'mask', durationSec: 2 * M },
    { id: 'p3', kind: 'product', productId: 'lamp', durationSec: 6 * M },
    { id: 'p4', kind: 'product', productId: 'buds', durationSec: 4 * M },
    { id: 'e1', kind: 'engagement', activity: 'mystery', label: 'Mystery', durationSec: 5 * M },
    { id: 'f2', kind: 'flash', productId: 'mask', durationSec: 3 * M },
    { id: 'p5', kind: 'product', productId: 'lamp', durationSec: 5 * M },
    { id: 'p6', kind: 'product', productId: 'mask', durationSec: 5 * M },
    { id: 'p7', kind: 'product', productId: 'buds', durationSec: 5 * M },
    { id: 'p8', kind: 'product', productId: 'lamp', durationSec: 5 * M },
    { id: 'f3', kind: 'flash', productId: 'lamp', durationSec: 3 * M },
    { id: 'e2', kind: 'engagement', activity: 'poll', label: 'Your pick', durationSec: 4 * M },
    { id: 'p9', kind: 'product', productId: 'mask', durationSec: 5 * M },
    { id: 'close', kind: 'closing', durationSec: 5 * M },
  ],
};

async function openSheet(page: Page) {
  await page.goto('/controller/#/plan');
  await page.getByTestId('import-input').setInputFiles({
    name: 'three-rules.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(SHEET)),
  });
  await page.getByTestId('import-report').getByRole('link', { name: 'Open in editor' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

test('a run sheet breaking three rules shows three notes; dismiss one, switch one off', async ({
  page,
}) => {
  await openSheet(page);
  const notes = page.getByTestId('playbook-note');
  await expect(notes).toHaveCount(3);
  await expect(notes.nth(0)).toContainText('does not start with an opening');
  await expect(notes.nth(1)).toContainText('Face Mask (2 min)');
  await expect(notes.nth(2)).toContainText('Nothing sells in the final 10 min');
  // The source is one click away.
  await notes.nth(1).getByText('Why').click();
  await expect(notes.nth(1)).toContainText('typically three to five minutes each');

  await notes
    .nth(0)
    .getByRole('button', { name: /Dismiss/ })
    .click();
  await expect(notes).toHaveCount(2);

  await page.getByTestId('playbook').getByRole('button', { name: 'Rules…' }).click();
  await page.getByRole('checkbox', { name: 'A last call in the final 10 minutes' }).uncheck();
  await expect(notes).toHaveCount(1);

  // Switched off is saved; dismissed is for this editing session only.
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(notes).toHaveCount(2);
  await expect(page.locator('[data-rule="lastCall"]')).toHaveCount(0);
});
