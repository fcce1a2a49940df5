/**
 * Hostile files through the Plan screen in real Chromium (its FileReader decodes them): a 5 MB
 * JSON cut short, JSON nested 100,000 deep, a 100,000-row CSV, UTF-16 and Latin-1 CSVs; and
 * the CSVs Flashcue writes, opened as a spreadsheet would, for formula injection.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';
import { privateRelay, watch, type Watch } from '../fixtures/hostile/browser';
import {
  ACCENTED_CSV,
  ACCENTED_NAMES,
  bigCsv,
  deepDocuments,
  latin1,
  truncatedJson,
  utf16,
} from '../fixtures/hostile/imports';

test.beforeEach(async ({ context }) => {
  await privateRelay(context);
});

const report = (page: Page) => page.getByTestId('import-report');

async function importFile(
  page: Page,
  name: string,
  buffer: Buffer,
  mimeType: string,
  currency?: string,
) {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType, buffer });
  if (currency) {
    const question = page.getByTestId('csv-question');
    await question.getByLabel('Prices are in').selectOption(currency);
    await question.getByLabel(/Show length in minutes/).fill('600');
    await question.getByRole('button', { name: 'Import' }).click();
  }
  await expect(report(page).getByTestId('import-entry')).toBeVisible({ timeout: 30_000 });
}

async function closeReport(page: Page) {
  await report(page).getByRole('button', { name: 'Close' }).click();
  await expect(report(page)).toHaveCount(0);
}

/** The page still answers: the library's own button works. */
async function responsive(page: Page, seen: Watch) {
  await expect(page.getByRole('button', { name: 'Load the demo show' }).first()).toBeEnabled();
  expect(seen.errors).toEqual([]);
}

test('a 5 MB JSON cut short: refused at its last line, nothing saved', async ({ page }) => {
  test.setTimeout(60_000);
  const seen = watch(page);
  await page.goto('/controller/#/plan');
  const text = truncatedJson();
  const lines = text.split('\n').length;
  await importFile(page, 'cut-short.json', Buffer.from(text), 'application/json');
  await expect(report(page).getByTestId('import-entry')).toHaveAttribute('data-outcome', 'refused');
  await expect(report(page).getByTestId('error-list')).toContainText(`line ${lines}, column`);
  await expect(report(page)).toContainText('5.0 MB');
  await closeReport(page);
  await expect(page.getByTestId('sheet-row')).toHaveCount(0);
  await responsive(page, seen);
});

test('JSON nested 100,000 levels deep, wherever it is nested: an outcome, never a stack overflow', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const seen = watch(page);
  await page.goto('/controller/#/plan');
  const docs = deepDocuments();
  for (const [where, text] of Object.entries(docs)) {
    await importFile(
      page,
      `deep-${where.replace(/\W+/g, '-')}.json`,
      Buffer.from(text),
      'application/json',
    );
    const entry = report(page).getByTestId('import-entry');
    const outcome = await entry.getAttribute('data-outcome');
    if (outcome === 'refused')
      await expect(
        report(page).getByTestId('error-list').locator('li').first(),
        where,
      ).toBeVisible();
    await closeReport(page);
  }
  // The one that used to throw RangeError (format stringified for its message):
  await importFile(page, 'deep-format.json', Buffer.from(docs.format!), 'application/json');
  await expect(report(page).getByTestId('error-list')).toHaveText(
    'format is a list: not a Flashcue run sheet ("flashcue.runsheet")',
  );
  await closeReport(page);
  await responsive(page, seen);
  test.info().annotations.push({
    type: 'imports',
    description: `${Object.keys(docs).length + 1} documents nested 100,000 deep`,
  });
});

test('a CSV of 100,000 rows finishes and says how many products it holds', async ({ page }) => {
  test.setTimeout(90_000);
  const seen = watch(page);
  await page.goto('/controller/#/plan');
  const started = Date.now();
  await importFile(page, 'everything.csv', Buffer.from(bigCsv(100_000)), 'text/csv', 'USD');
  await expect(report(page).getByTestId('error-list')).toHaveText(
    '(file) has 100000 products: a run sheet holds at most 500. Split the list across shows',
  );
  const ms = Date.now() - started;
  expect(ms).toBeLessThan(30_000);
  await closeReport(page);
  await responsive(page, seen);
  test.info().annotations.push({
    type: 'imports',
    description: `100,000-row CSV (3.7 MB) checked in ${ms} ms`,
  });
});

test('encodings: UTF-16 with a byte-order mark imports; Latin-1 and UTF-16 without one are refused, located', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const seen = watch(page);
  await page.goto('/controller/#/plan');
  // 'ok', or a pattern of the refusal's text.
  const cases: Array<[string, Buffer, string]> = [
    ['utf-8.csv', Buffer.from(ACCENTED_CSV), 'ok'],
    ['utf-16le-bom.csv', utf16(ACCENTED_CSV), 'ok'],
    ['utf-16be-bom.csv', utf16(ACCENTED_CSV, { bigEndian: true }), 'ok'],
    ['latin-1.csv', latin1(ACCENTED_CSV), 'line 2, column 3 has characters that are not UTF-8'],
    [
      'utf-16le-no-bom.csv',
      utf16(ACCENTED_CSV, { bom: false }),
      'line 1, column 2 has NUL characters: it looks like UTF-16 text without a byte-order mark',
    ],
  ];
  for (const [name, bytes, expected] of cases) {
    await importFile(page, name, bytes, 'text/csv', 'EUR');
    const entry = report(page).getByTestId('import-entry');
    if (expected === 'ok') {
      await expect(entry, name).toHaveAttribute('data-outcome', /saved|renamed|identical/);
      await report(page).getByRole('link', { name: 'Open in editor' }).click();
      // The editor renders after the click: wait for the product cards rather than read too early.
      const values = () =>
        page
          .locator('[data-testid="product-card"] input')
          .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      for (const accented of ACCENTED_NAMES)
        await expect.poll(values, { message: name }).toContain(accented);
      await page.goto('/controller/#/plan');
    } else {
      await expect(entry, name).toHaveAttribute('data-outcome', 'refused');
      await expect(report(page).getByTestId('error-list'), name).toContainText(expected);
      await closeReport(page);
    }
  }
  await responsive(page, seen);
});

test('the CSVs Flashcue writes defuse formulas in every column', async ({ page, context }) => {
  test.setTimeout(60_000);
  const formulas = [
    '=HYPERLINK("http://evil.example","x")',
    "+cmd|' /C calc'!A0",
    '@SUM(1)',
    '-2+3',
  ];
  const sheet = baseSheet();
  sheet.show.title = formulas[0]!;
  sheet.products.forEach((p, i) => {
    p.name = formulas[i % formulas.length]!;
    p.sku = formulas[(i + 1) % formulas.length]!;
    p.category = formulas[(i + 2) % formulas.length]!;
    p.talkingPoints = [formulas[(i + 3) % formulas.length]!];
  });
  sheet.segments.forEach((s, i) => (s.title = formulas[i % formulas.length]!));
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: sheet })).toMatchObject({ ok: true });
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  for (const buyer of formulas)
    expect(await command(tool, 'sale', { buyer })).toMatchObject({ ok: true });
  expect(await command(tool, 'show.end')).toMatchObject({ ok: true });

  const download = async (click: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return readFile(await file.path(), 'utf8');
  };
  const files: Record<string, string> = {};
  await page.goto('/controller/#/plan');
  files.products = await download(() =>
    page.getByTestId('sheet-row').first().getByRole('button', { name: 'Export CSV' }).click(),
  );
  await page.goto('/controller/#/report');
  await page.getByTestId('show-link').first().click();
  for (const kind of ['sales', 'products', 'segments'])
    files[kind] = await download(() => page.getByTestId(`export-${kind}`).click());

  for (const [name, csv] of Object.entries(files)) {
    const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data.flat();
    const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
    expect(dangerous, name).toEqual([]);
    expect(
      cells.filter((c) => c.startsWith("'")).length,
      `${name}: the formulas are there, defused`,
    ).toBeGreaterThan(0);
  }
});
