/**
 * Plan from history (issue 18): with one past show in the report, the products of a new run
 * sheet that sold before show their past figures on their cards, and one click puts them in
 * the order history suggests (the past show peaked early); Undo puts the old order back.
 */
import { expect, test, type Page } from '@playwright/test';
import { drive, T0 } from '../support/driver';
import { baseSheet, makeSheet } from '../support/sheets';

const MIN = 60_000;

/** Last week: the lamp opened strong (10 in 5 min), the buds sold 1 in 5, the mask 4 in 4. */
function pastShow() {
  const sheet = makeSheet((s) => {
    s.id = 'last-week';
    s.segments = [
      { id: 'open', kind: 'opening', durationSec: 120 },
      { id: 's-lamp', kind: 'product', productId: 'lamp', durationSec: 300 },
      { id: 's-buds', kind: 'product', productId: 'buds', durationSec: 300 },
      { id: 's-mask', kind: 'product', productId: 'mask', durationSec: 240 },
      { id: 'close', kind: 'closing', durationSec: 180 },
    ];
  });
  const d = drive(sheet);
  d.ok({ type: 'show.start' });
  d.ok({ type: 'show.next' });
  d.ok({ type: 'sale', quantity: 10 });
  d.advance(5 * MIN);
  d.ok({ type: 'show.next' });
  d.ok({ type: 'sale' });
  d.advance(5 * MIN);
  d.ok({ type: 'show.next' });
  d.ok({ type: 'sale', quantity: 4 });
  d.ok({ type: 'viewers', unique: 200 });
  d.advance(4 * MIN);
  d.ok({ type: 'show.end' });
  const shift = 7 * 24 * 60 * MIN;
  const events = d.log.map((event, i) => ({
    seq: i + 1,
    commandId: null,
    event: { ...event, at: event.at - shift },
  }));
  return {
    format: 'flashcue.show',
    version: 1,
    exportedAt: new Date(T0).toISOString(),
    show: {
      id: 'past-1',
      runSheetId: sheet.id,
      status: 'ended',
      createdAt: T0 - shift - MIN,
      startedAt: T0 - shift,
      endedAt: events.at(-1)!.event.at,
      changes: '',
      term: 1,
    },
    sheet,
    events,
  };
}

const segmentIds = (page: Page) =>
  page
    .getByTestId('segment-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id')));

test('a product with history shows its figures; the suggested order applies in one click and undoes', async ({
  page,
}) => {
  await page.goto('/controller/#/report');
  await page.getByTestId('import-show-input').setInputFiles({
    name: 'last-week.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(pastShow())),
  });
  await expect(page).toHaveURL(/#\/report\/past-1/);

  // This week's plan presents the buds first, then the mask.
  await page.goto('/controller/#/plan');
  await page.getByTestId('import-input').setInputFiles({
    name: 'this-week.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(baseSheet())),
  });
  await page.getByTestId('import-report').getByRole('link', { name: 'Open in editor' }).click();
  const past = page.getByTestId('product-past');
  // All three products sold last week (the lamp is on this sheet with no slot yet).
  await expect(past).toHaveCount(3);
  await expect(past.first()).toContainText('0.2 units a minute on air');
  await expect(past.first()).toContainText('0.5% conversion');
  await expect(past.first()).toContainText('sold best as product 2');
  await expect(past.nth(1)).toContainText('1 units a minute on air');
  await expect(past.nth(2)).toContainText('sold best as product 1');

  const before = ['open', 's-buds', 'f-buds', 's-mask', 'poll', 'close'];
  await expect.poll(() => segmentIds(page)).toEqual(before);
  // Past shows peaked at the first product: the better seller (the mask) goes there.
  await page.getByTestId('apply-order').click();
  await expect
    .poll(() => segmentIds(page))
    .toEqual(['open', 's-mask', 'f-buds', 's-buds', 'poll', 'close']);
  await expect(page.getByTestId('order-applied')).toBeVisible();
  await expect(page.getByTestId('apply-order')).toHaveCount(0);
  await page.getByTestId('undo-order').click();
  await expect.poll(() => segmentIds(page)).toEqual(before);
});
