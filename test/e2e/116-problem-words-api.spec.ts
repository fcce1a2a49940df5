/**
 * Issue 16: the last sentences shared/ and the controller built in English reach a zh-CN
 * producer in Chinese — a live-room message TikFinity sent that is refused (its field as
 * TikFinity spells it), and the command API's orders.import and query refusals — and a
 * language switch rewords what is on screen.
 */
import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { startFakeTikFinity, type FakeTikFinity } from '../support/fakeTikFinity';
import { englishWords } from './support/englishWords';
import { command, openTool } from './support/tool';

let fake: FakeTikFinity;
test.beforeEach(async () => {
  fake = await startFakeTikFinity();
});
test.afterEach(() => fake.close());

/** Latin words of an answer that are not the API's own names (commands, arguments). */
const latin = (text: string, names: string[]) =>
  [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !names.includes(w));

test('a refused room message and the command API’s refusals in Chinese, reworded on a switch', async ({
  page,
  context,
}) => {
  await page.clock.install();
  await page.goto(`/controller/?lang=zh-CN#tikfinity=${encodeURIComponent(fake.url)}`);
  const tool = await openTool(context);
  // Before any show: a query refused in Chinese.
  const none = await command(tool, 'report.get');
  expect(none).toMatchObject({ ok: false, error: '尚未加载节目：请先加载节目单。' });
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  await expect.poll(() => fake.clients()).toBe(1);

  // A viewer count that is not a number: refused, located on TikFinity's own field.
  fake.send('roomUser', { viewerCount: 'many' });
  await page.clock.runFor(5_000);
  await page.getByRole('navigation').getByRole('link', { name: '集成' }).click();
  const status = page.getByTestId('room-source-status');
  await expect(status).toContainText('有一条消息被拒收：viewerCount：应为数字，而不是文本。');
  expect(await englishWords(status, ['TikFinity', 'viewerCount'])).toEqual([]);

  // orders.import through the command API: argument names stay as the API spells them.
  const base64 = await command(tool, 'orders.import', { base64: '*not base64*' });
  expect(base64).toEqual(
    expect.objectContaining({
      ok: false,
      error: 'orders.import 被拒绝：base64 不是有效的 base64 编码。',
    }),
  );
  const args = await command(tool, 'orders.import', { text: 7, timeZone: 'Mars/Base' });
  expect(args.ok).toBe(false);
  expect(args.error).toContain('text：必须是文本形式的 CSV');
  expect(args.error).toContain('timeZone：必须是 IANA 时区');
  expect(
    latin(args.error!, ['orders', 'import', 'text', 'timeZone', 'CSV', 'IANA', 'Asia', 'Shanghai']),
  ).toEqual([]);

  // The same problem on screen, worded again in English at once.
  await page.getByTestId('controller-language').selectOption('en');
  await expect(status).toContainText(
    'A message was refused: viewerCount: Invalid input: expected number, received string.',
  );
});
