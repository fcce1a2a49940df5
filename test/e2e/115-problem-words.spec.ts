/**
 * Issue 16: the problems shared/ used to word in English now reach a zh-CN producer in Chinese
 * — a refused custom word, the OBS link's reason, a PingHuman task's import warnings — and are
 * worded when shown, so a switch of language rewords what is already on screen.
 */
import { expect, test } from '@playwright/test';
import { englishWords } from './support/englishWords';

test('Overlays: a refused custom word and the OBS link’s reason in Chinese, reworded on a switch', async ({
  page,
}) => {
  // Nothing listens on port 1: the link's reason is "not reachable", retried.
  await page.goto('/controller/?lang=zh-CN#obs=ws://127.0.0.1:1');
  await page.getByRole('navigation').getByRole('link', { name: '叠加层' }).click();
  const status = page.getByTestId('obs-status');
  await expect(status).toContainText('无法连接 ws://127.0.0.1:1 上的 OBS');
  // OBS's own menu names are spelled as OBS spells them in Chinese: only the address is Latin.
  expect(await englishWords(status, ['ws', 'WebSocket'])).toEqual([]);

  const words = page.getByTestId('custom-words');
  await words.evaluate((el) => ((el as HTMLDetailsElement).open = true));
  await page.getByTestId('word-ov_stock_left').fill('还剩 {cout} 件');
  await page.getByTestId('word-ov_stock_left').press('Enter');
  const error = page.getByTestId('word-error-ov_stock_left');
  await expect(error).toContainText('{cout} 不是这个用语的占位符（它有 {count}）');
  expect(await englishWords(error, ['cout', 'count', 'English'])).toEqual([]);

  // The same problems, worded again in English at once.
  await page.getByTestId('controller-language').selectOption('en');
  await expect(error).toContainText('{cout} is not a placeholder of this phrase (it has {count})');
  await expect(status).toContainText('OBS is not reachable at ws://127.0.0.1:1');
});

test('Plan: a PingHuman task’s warnings and problems in Chinese', async ({ page }) => {
  await page.goto('/controller/?lang=zh-CN#/plan');
  const task = {
    live_session_details: {
      products: [
        { name: 'Lamp', retail_price: 20, launch_discount: 'lots' },
        { name: 'Mug', retail_price: 10 },
      ],
      products_count: 5,
    },
  };
  await page.getByTestId('import-input').setInputFiles({
    name: 'task.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(task)),
  });
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'refused');
  await expect(report).toContainText('必须是 0% 到 100% 之间的百分比');
  await expect(report).toContainText('以列表为准');
  // The task's own field names, the sample's names and the default title are the seller's.
  const theirs = [
    'task Lamp Mug live_session_details products launch_discount products_count',
    'stock_quantity live_discount_price duration_hours title Live shopping session currency',
  ];
  expect(await englishWords(report, theirs)).toEqual([]);
});
