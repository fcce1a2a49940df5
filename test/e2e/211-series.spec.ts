/**
 * Series (issue 18): the weekly-series PingHuman task imports as four linked run sheets, one
 * per date and titled by theme; after week 1 and week 4 have run (their show files imported),
 * the series report reads them week over week and evaluates the growth bonus.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { drive, T0 } from '../support/driver';
import { makeSheet } from '../support/sheets';

const WEEK = 7 * 24 * 3600_000;
const SERIES_ID = 'weekly-skincare-night-4-week-live-series';
const task = readFileSync(
  new URL('../fixtures/pinghuman/weekly-series.json', import.meta.url),
  'utf8',
);

/** An ended show of session `n`'s run sheet: `orders` sales and `viewers` unique viewers. */
function sessionShow(n: number, viewers: number, orders: number) {
  const sheet = makeSheet((s) => (s.id = `${SERIES_ID}-${n}`));
  const d = drive(sheet);
  d.ok({ type: 'show.start' });
  d.ok({ type: 'show.next' });
  for (let i = 0; i < orders; i++) d.ok({ type: 'sale' });
  d.ok({ type: 'viewers', unique: viewers });
  d.advance(60_000);
  d.ok({ type: 'show.end' });
  const shift = (n - 4) * WEEK;
  const events = d.log.map((event, i) => ({
    seq: i + 1,
    commandId: null,
    event: { ...event, at: event.at + shift },
  }));
  return {
    format: 'flashcue.show',
    version: 1,
    exportedAt: new Date(T0).toISOString(),
    show: {
      id: `week-${n}`,
      runSheetId: sheet.id,
      status: 'ended',
      createdAt: T0 + shift - 60_000,
      startedAt: T0 + shift,
      endedAt: events.at(-1)!.event.at,
      changes: '',
      term: 1,
    },
    sheet,
    events,
  };
}

async function importShow(page: Page, n: number, viewers: number, orders: number) {
  await page.goto('/controller/#/report');
  await page.getByTestId('import-show-input').setInputFiles({
    name: `week-${n}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(sessionShow(n, viewers, orders))),
  });
  await expect(page).toHaveURL(new RegExp(`#/report/week-${n}`));
}

test('the weekly-series task imports as four linked run sheets; the series report evaluates the growth bonus', async ({
  page,
}) => {
  await page.goto('/controller/#/plan');
  await page.getByTestId('import-input').setInputFiles({
    name: 'weekly-series.json',
    mimeType: 'application/json',
    buffer: Buffer.from(task),
  });
  const imported = page.getByTestId('series-imported');
  await expect(imported).toContainText('one run sheet per date (4 in all)');
  await expect(imported.getByTestId('series-session')).toHaveText([
    /Week 1: Hydration basics.*product slots: 5/,
    /Week 2: Sun care/,
    /Week 3: Night repair/,
    /Week 4: Best of the series/,
  ]);
  await page.getByTestId('import-report').getByRole('button', { name: 'Close' }).click();
  for (const n of [1, 2, 3, 4])
    await expect(
      page.locator(`[data-testid="sheet-row"][data-sheet-id="${SERIES_ID}-${n}"]`),
    ).toBeVisible();

  // Before any session ran, the bonus waits for its weeks.
  await page.goto('/controller/#/report');
  await page.getByTestId('tab-series').click();
  const bonus = page.getByTestId('series-bonus').first();
  await expect(bonus).toHaveAttribute('data-status', 'not-yet');
  await expect(bonus).toContainText('waiting for Week 1 to run');

  await importShow(page, 1, 1000, 30);
  await importShow(page, 4, 1400, 60);
  await page.getByRole('link', { name: '← All shows' }).click();
  await page.getByTestId('tab-series').click();
  const report = page.getByTestId('series-report');
  await expect(report.getByTestId('series-week')).toHaveCount(4);
  await expect(report.getByTestId('series-week').nth(0)).toContainText('1,000');
  await expect(report.getByTestId('series-week').nth(1)).toContainText('not run yet');
  await expect(report.getByTestId('series-week').nth(3)).toContainText('1,400');
  await expect(bonus).toHaveAttribute('data-status', 'met');
  await expect(bonus).toContainText('500 CNY if week 4 viewers > week 1 by 30%');
  await expect(bonus).toContainText('Week 4 viewers: 1,400, +40.0% on Week 1');
  // Week 2 never ran: its orders bonus is still open; the series GMV waits for every week.
  await expect(report.getByTestId('series-bonus').nth(2)).toHaveAttribute('data-status', 'not-yet');
  await expect(report.getByTestId('series-bonus-earned')).toContainText('500');
});
