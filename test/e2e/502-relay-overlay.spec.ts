/**
 * Streamlabs Desktop has no obs-websocket: its browser sources hear the controller through
 * the relay `npm start` serves. A separate browser context stands in for Streamlabs.
 */
import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

test('an overlay on transport=relay in another browser follows the show', async ({
  page,
  context,
  browser,
}) => {
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  const streamlabs = await browser.newContext();
  try {
    const overlay = await streamlabs.newPage();
    await overlay.goto('/overlay/lower-third.html?transport=relay');
    expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
    expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
    await expect(overlay.locator('.fc-card[data-overlay="lower-third"]')).toHaveAttribute(
      'data-state',
      'in',
    );
    await expect(overlay.locator('.fc-name')).toHaveText('Wireless Earbuds');
    expect(await command(tool, 'deal.start', { seconds: 60 })).toMatchObject({ ok: true });
    await expect(overlay.locator('.fc-card[data-overlay="lower-third"]')).toHaveAttribute(
      'data-deal',
      'on',
    );
    // Reloaded (Streamlabs refreshes sources on scene change): right again at once.
    await overlay.reload();
    await expect(overlay.locator('.fc-name')).toHaveText('Wireless Earbuds');
  } finally {
    await streamlabs.close();
  }
});
