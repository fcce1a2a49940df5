import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

/**
 * Latin words a page shows that are not the seller's own data (product names, talking points,
 * segment titles, the show title) nor a unit or brand we keep in every language.
 */
async function englishWords(page: Page, testId: string, data: string[]): Promise<string[]> {
  const text = await page.getByTestId(testId).innerText();
  const allowed = new Set(
    [...data.join(' ').matchAll(/[A-Za-z]+/g)]
      .map((m) => m[0].toLowerCase())
      .concat(['flashcue', 'obs', 'sku', 'csv']),
  );
  return [...text.matchAll(/[A-Za-z]{2,}/g)]
    .map((m) => m[0])
    .filter((w) => !allowed.has(w.toLowerCase()));
}

const sheetWords = () => {
  const sheet = baseSheet();
  return [
    sheet.show.title,
    ...sheet.products.flatMap((p) => [p.name, ...(p.talkingPoints ?? [])]),
    ...sheet.segments.map((s) => s.title ?? ''),
  ];
};

test.describe('the controller in Simplified Chinese', () => {
  test('?lang=zh-CN speaks Chinese, refuses in Chinese, and is remembered', async ({
    page,
    context,
  }) => {
    await page.goto('/controller/?lang=zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const nav = page.getByRole('navigation');
    await expect(nav).toHaveText(/策划\s*直播\s*叠加层\s*集成\s*报告/);

    const tool = await openTool(context);
    expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
      ok: true,
    });
    // The ack keeps its fields; only the sentence follows the controller's language.
    const refused = await command(tool, 'show.pause');
    expect(refused).toMatchObject({ ok: false, error: '请先开始节目，再暂停。' });
    expect(await command(tool, 'show.goto', { index: 40 })).toMatchObject({
      ok: false,
      error: `没有第 41 个环节：节目单共有 ${baseSheet().segments.length} 个。`,
    });

    // Remembered without the URL's lang.
    await page.goto('/controller/');
    await expect(page.getByRole('navigation')).toContainText('直播');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    // Back to English from the picker: the page and the API answer in English at once.
    await page.getByTestId('controller-language').selectOption('en');
    await expect(page.getByRole('navigation')).toContainText('Live');
    expect(await command(tool, 'show.pause')).toMatchObject({
      ok: false,
      error: 'Start the show before you pause.',
    });
    await page.reload();
    await expect(page.getByRole('navigation')).toContainText('Integrations');
  });

  test('the host view shows no English word of ours', async ({ page, context }) => {
    await page.goto('/controller/?lang=zh-CN');
    const tool = await openTool(context);
    expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
      ok: true,
    });
    const host = await context.newPage();
    await host.goto('/controller/?lang=zh-CN#/host');
    await expect(host.getByTestId('host-view')).toHaveAttribute('data-phase', 'ready');
    await expect(host.getByTestId('host-view')).toContainText('未开始');
    expect(await englishWords(host, 'host-view', sheetWords())).toEqual([]);

    expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
    expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
    expect(await command(tool, 'deal.start', { seconds: 60 })).toMatchObject({ ok: true });
    await expect(host.getByTestId('host-stock')).toHaveText(/^剩 \d+ 件$/);
    await expect(host.getByTestId('host-view')).toContainText('限时秒杀');
    await expect(host.getByTestId('host-view')).toContainText('¥');
    expect(await englishWords(host, 'host-view', sheetWords())).toEqual([]);
  });
});
