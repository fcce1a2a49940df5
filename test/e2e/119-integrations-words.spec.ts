/**
 * Issue 16: the TikTok Shop poller's problem on the Integrations screen in the controller's
 * language. The `npm start` server polls a TikTok Shop stand-in (test/support/tiktokContract.ts,
 * which checks each request's signature as TikTok Shop documents it) that answers HTTP 429;
 * the server reports a code + values and the page words it, in Chinese, then in English.
 */
import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { startTikTokContract, type Contract } from '../support/tiktokContract';
import { englishWords } from './support/englishWords';
import { startOwnServer, type OwnServer } from './support/ownServer';
import { command } from './support/tool';

const creds = {
  appKey: '68xu9ks5p4i8',
  appSecret: 'e59af819cc',
  shopCipher: 'ROW_xkMbgAAAeVAQra0eZWebFQq5aIK',
  accessToken: 'access-0',
  refreshToken: 'refresh-0',
};

let contract: Contract;
let server: OwnServer;
test.beforeEach(async () => {
  contract = await startTikTokContract(creds);
  contract.tooMany = 1_000;
  server = await startOwnServer({
    FLASHCUE_TIKTOK_API_BASE: contract.url,
    FLASHCUE_TIKTOK_AUTH_BASE: contract.url,
  });
});
test.afterEach(async () => {
  server?.stop();
  await contract?.close();
});

test('TikTok Shop answering 429: the poller’s problem in Chinese, then in English', async ({
  page,
  context,
}) => {
  await page.goto(`${server.base}/controller/?lang=zh-CN#/integrations`);
  const panel = page.getByTestId('tiktok-panel');
  for (const [key, value] of Object.entries(creds))
    await panel.getByTestId(`tiktok-${key}`).fill(value);
  await panel.locator('button[type="submit"]').click();
  await expect(panel.getByTestId('tiktok-appKey')).toHaveValue('');

  // The poller looks only while a show is live on this server's primary.
  const tool = await context.newPage();
  await tool.goto(`${server.base}/overlay/ticker.html?transport=broadcast`);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  // As on a launch: the controller opens the loaded show and runs it as the primary.
  await page.goto(`${server.base}/controller/?lang=zh-CN#/live`);
  await page.getByRole('button', { name: /开始节目/ }).click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
  await page.getByRole('navigation').getByRole('link', { name: '集成' }).click();

  const error = panel.getByTestId('tiktok-error');
  await expect(error).toContainText(/TikTok Shop 表示请求过多（HTTP 429）：\d+ 秒后再查看。/, {
    timeout: 20_000,
  });
  expect(contract.log).toContain('429');
  expect(
    await englishWords(panel.getByTestId('tiktok-status'), ['TikTok', 'Shop', 'HTTP']),
  ).toEqual([]);

  await page.getByTestId('controller-language').selectOption('en');
  await expect(error).toContainText(
    /TikTok Shop said too many requests \(HTTP 429\): next look in \d+ s\./,
  );
});
