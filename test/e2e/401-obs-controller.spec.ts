/**
 * The controller against real OBS (Debian's obs-studio under Xvfb): connect from the URL
 * fragment, the command API from a separate obs-websocket client, and OBS killed and
 * restarted mid-deal while the producer keeps selling.
 */
import { expect, test } from '@playwright/test';
import { obsAvailable, startObs, type ObsInstance } from '../obs/obsHarness';
import { baseSheet } from '../support/sheets';
import { connectTool } from './support/obsTool';

let obs: ObsInstance | undefined;

test.describe('controller with real OBS', () => {
  test.skip(!obsAvailable() && !process.env.CI, 'OBS Studio and Xvfb are not installed here');

  test.beforeAll(async () => {
    obs = await startObs({ password: 'flashcue-e2e' });
  });
  test.afterAll(async () => {
    await obs?.stop();
  });

  test('connects, answers the command API over OBS, and survives an OBS restart mid-deal', async ({ page }) => {
    test.setTimeout(60_000);
    const { url, password } = obs!;
    await page.goto(`/controller/#obs=${encodeURIComponent(url)}&password=${encodeURIComponent(password)}`);
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
    // The password is read once and removed from the address bar.
    expect(page.url()).not.toContain(password);

    const tool = await connectTool(url, password);
    try {
      expect(await tool.command('runsheet.load', { runSheet: baseSheet() })).toMatchObject({ ok: true });
      expect(await tool.command('show.start')).toMatchObject({ ok: true });
      expect(await tool.command('show.next')).toMatchObject({ ok: true });
      expect(await tool.command('deal.start', { seconds: 300, price: 139.5 })).toMatchObject({ ok: true });
      const refused = await tool.command('deal.start', { seconds: 60 });
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/already running/) });
      // The same id again is answered, not applied twice.
      expect(await tool.command('sale', { quantity: 2, buyer: 'mei' }, 'dup-1')).toMatchObject({ ok: true });
      expect(await tool.command('sale', { quantity: 2, buyer: 'mei' }, 'dup-1')).toMatchObject({ ok: true });
      const state = await tool.command('state.get');
      expect(state.result).toMatchObject({ phase: 'live', deal: { price: 13950, sold: 2 }, ticker: { unitsTotal: 2 } });
      await expect(page.getByTestId('units')).toHaveText('2');
    } finally {
      await tool.close();
    }

    obs!.kill();
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', /retrying|connecting/);
    // OBS is gone; the show is not: sales keep landing.
    await page.getByRole('button', { name: /\+1 sold/ }).click();
    await expect(page.getByTestId('units')).toHaveText('3');
    await expect(page.getByTestId('deal-sold')).toHaveText('3 sold');

    await obs!.restart();
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected', { timeout: 10_000 });
    const again = await connectTool(obs!.url, password);
    try {
      const report = await again.command('report.get');
      expect(report.result).toMatchObject({ units: 3, orders: 2, gmv: 418.5, currency: 'CNY' });
    } finally {
      await again.close();
    }
  });

  test('a wrong password is said plainly and not retried', async ({ page }) => {
    await page.goto(`/controller/#obs=${encodeURIComponent(obs!.url)}&password=wrong`);
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'failed');
    await page.getByTestId('obs-pill').click();
    await expect(page.getByTestId('obs-status')).toContainText('OBS refused the password');
  });
});
