/**
 * The Plan screen in Simplified Chinese: the library, the import report, the editor and an
 * import error located in Chinese show no English word of ours (the seller's names excepted).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { englishWords } from './support/englishWords';

const demo = JSON.parse(
  readFileSync(new URL('../../public/demo/demo-show.json', import.meta.url), 'utf8'),
) as ReturnType<typeof baseSheet>;
const words = (sheet: ReturnType<typeof baseSheet>) => [
  sheet.id,
  sheet.show.title,
  sheet.show.currency,
  sheet.show.format ?? '',
  sheet.show.timeZone ?? '',
  ...sheet.products.flatMap((p) => [p.id, p.name, p.sku ?? '', ...(p.talkingPoints ?? [])]),
  ...sheet.segments.map((s) => `${s.id} ${s.title ?? ''} ${'label' in s ? s.label : ''}`),
];

test('?lang=zh-CN: library, import report, editor and a located import error in Chinese', async ({
  page,
}) => {
  await page.goto('/controller/?lang=zh-CN#/plan');
  const library = page.locator('section.library');
  await expect(library.getByRole('heading', { level: 1 })).toHaveText('节目单');
  expect(await englishWords(library, [])).toEqual([]);

  await library.getByRole('button', { name: '载入示例节目' }).first().click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved');
  expect(await englishWords(report, [...words(demo), 'demo-show'])).toEqual([]);
  await report.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('sheet-row')).toContainText('件商品');
  expect(await englishWords(library, words(demo))).toEqual([]);

  await page.getByTestId('sheet-row').getByRole('link', { name: '编辑' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('planned')).toContainText('已安排');
  // Playbook notes' sentences come from shared/playbook in English for now: left out here.
  const editor = page.locator('main');
  await editor
    .getByTestId('playbook-note')
    .evaluateAll((notes) => notes.forEach((n) => n.setAttribute('data-scan', 'skip')));
  expect(await englishWords(editor, words(demo))).toEqual([]);

  // A sheet whose live price is above its retail price: refused, located in Chinese.
  await page.goto('/controller/?lang=zh-CN#/plan');
  const bad = baseSheet();
  bad.products[0]!.livePrice = bad.products[0]!.retailPrice + 100;
  await page.getByTestId('import-input').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'refused');
  await expect(report.getByTestId('error-list')).toContainText(
    '商品 1 › 直播价 高于零售价：直播价应是主播揭晓的优惠价',
  );
  expect(await englishWords(report, [...words(bad), 'bad'])).toEqual([]);
});
