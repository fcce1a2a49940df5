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

  test('connects, answers the command API over OBS, and survives an OBS restart mid-deal', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const { url, password } = obs!;
    await page.goto(
      `/controller/#obs=${encodeURIComponent(url)}&password=${encodeURIComponent(password)}`,
    );
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
    // The password is read once and removed from the address bar.
    expect(page.url()).not.toContain(password);

    const tool = await connectTool(url, password);
    try {
      expect(await tool.command('runsheet.load', { runSheet: baseSheet() })).toMatchObject({
        ok: true,
      });
      expect(await tool.command('show.start')).toMatchObject({ ok: true });
      expect(await tool.command('show.next')).toMatchObject({ ok: true });
      expect(await tool.command('deal.start', { seconds: 300, price: 139.5 })).toMatchObject({
        ok: true,
      });
      const refused = await tool.command('deal.start', { seconds: 60 });
      expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/already running/) });
      // The same id again is answered, not applied twice.
      expect(await tool.command('sale', { quantity: 2, buyer: 'mei' }, 'dup-1')).toMatchObject({
        ok: true,
      });
      expect(await tool.command('sale', { quantity: 2, buyer: 'mei' }, 'dup-1')).toMatchObject({
        ok: true,
      });
      const state = await tool.command('state.get');
      expect(state.result).toMatchObject({
        phase: 'live',
        deal: { price: 13950, sold: 2 },
        ticker: { unitsTotal: 2 },
      });
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
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected', {
      timeout: 10_000,
    });
    const again = await connectTool(obs!.url, password);
    try {
      const report = await again.command('report.get');
      expect(report.result).toMatchObject({
        currency: 'CNY',
        totals: { units: 3, orders: 2, gmv: 418.5 },
      });
    } finally {
      await again.close();
    }
  });

  test('an overlay in another browser follows the show through OBS custom events, and recovers after OBS restarts', async ({
    page,
    browser,
  }) => {
    test.setTimeout(60_000);
    const { url, password } = obs!;
    await page.goto(
      `/controller/#obs=${encodeURIComponent(url)}&password=${encodeURIComponent(password)}`,
    );
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
    // A separate browser context: BroadcastChannel cannot reach it, only OBS can.
    const other = await browser.newContext();
    try {
      const overlay = await other.newPage();
      await overlay.goto(
        `/overlay/lower-third.html?transport=obs#obs=${encodeURIComponent(url)}&password=${encodeURIComponent(password)}`,
      );
      const tool = await connectTool(url, password);
      try {
        expect(await tool.command('runsheet.load', { runSheet: baseSheet() })).toMatchObject({
          ok: true,
        });
        expect(await tool.command('show.start')).toMatchObject({ ok: true });
        expect(await tool.command('show.next')).toMatchObject({ ok: true });
      } finally {
        await tool.close();
      }
      const card = overlay.locator('.fc-card[data-overlay="lower-third"]');
      await expect(card).toHaveAttribute('data-state', 'in');
      await expect(overlay.locator('.fc-name')).toHaveText('Wireless Earbuds');

      obs!.kill();
      await page.getByRole('button', { name: '⚡ 60 s' }).click();
      await expect(page.getByTestId('deal-panel')).toHaveAttribute('data-running', 'true');
      await obs!.restart();
      // Both ends reconnect by themselves; the overlay says hello again and is repainted.
      await expect(card).toHaveAttribute('data-deal', 'on', { timeout: 15_000 });
    } finally {
      await other.close();
    }
  });

  test('OBS follows the show: each segment kind goes to its mapped scene', async ({ page }) => {
    const { url, password } = obs!;
    const tool = await connectTool(url, password);
    try {
      for (const sceneName of ['Opening', 'Products']) {
        await tool.obs.call('CreateScene', { sceneName }).catch(() => undefined); // exists after a retry
      }
      // Cut, so the program scene changes at once (a fade delays the change event).
      await tool.obs.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
      await page.goto(
        `/controller/#obs=${encodeURIComponent(url)}&password=${encodeURIComponent(password)}`,
      );
      await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
      await page.goto('/controller/#/setup');
      await expect(
        page.getByTestId('mapping-opening').locator('option', { hasText: 'Opening' }),
      ).toHaveCount(1);
      await page.getByTestId('mapping-opening').selectOption('Opening');
      await page.getByTestId('mapping-product').selectOption('Products');
      await page.getByTestId('mapping-enabled').check();

      expect(await tool.command('runsheet.load', { runSheet: baseSheet() })).toMatchObject({
        ok: true,
      });
      const program = async () =>
        (await tool.obs.call('GetCurrentProgramScene')).currentProgramSceneName;
      expect(await tool.command('show.start')).toMatchObject({ ok: true });
      await expect.poll(program).toBe('Opening');
      expect(await tool.command('show.next')).toMatchObject({ ok: true });
      await expect.poll(program).toBe('Products');
      // A scene chosen by hand in OBS is left alone until the segment kind changes again.
      await tool.obs.call('SetCurrentProgramScene', { sceneName: 'Opening' });
      expect(await tool.command('sale')).toMatchObject({ ok: true });
      await page.waitForTimeout(300);
      expect(await program()).toBe('Opening');
    } finally {
      await tool.close();
    }
  });

  test('a wrong password is said plainly and not retried', async ({ page }) => {
    await page.goto(`/controller/#obs=${encodeURIComponent(obs!.url)}&password=wrong`);
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'failed');
    await page.getByTestId('obs-pill').click();
    await expect(page.getByTestId('obs-status')).toContainText('OBS refused the password');
  });
});
