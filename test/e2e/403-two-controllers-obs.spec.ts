/**
 * Primary and backup controllers linked only through real OBS (custom events; the relay is
 * blocked in both browsers): the backup copies the log through OBS, does not take over while OBS is
 * down for everyone (its own link is down too), catches up when OBS returns, and takes over
 * by itself when the primary's computer then dies.
 */
import { expect, test, type Browser } from '@playwright/test';
import { obsAvailable, startObs, type ObsInstance } from '../obs/obsHarness';
import { backUp, goLive, openDevice, unitsSold } from './support/devices';
import { command } from './support/tool';

let obs: ObsInstance | undefined;

async function controllerOverObs(browser: Browser) {
  const device = await openDevice(browser, {
    path: `/controller/#obs=${encodeURIComponent(obs!.url)}&password=${encodeURIComponent(obs!.password)}`,
    // No relay: the two devices can reach each other only through OBS.
    prepare: (context) => context.routeWebSocket(/\/relay$/, (ws) => ws.close()),
  });
  await expect(device.page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
  return device;
}

const units = unitsSold;

test.describe('two controllers over real OBS', () => {
  test.skip(!obsAvailable() && !process.env.CI, 'OBS Studio and Xvfb are not installed here');
  test.beforeAll(async () => {
    obs = await startObs({ password: 'flashcue-two' });
  });
  test.afterAll(async () => {
    await obs?.stop();
  });

  test('the backup copies the log through OBS, holds still while OBS is down, catches up, then takes over by itself', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const a = await controllerOverObs(browser);
    const b = await controllerOverObs(browser);
    try {
      await goLive(a.tool);
      expect(await command(a.tool, 'sale', { quantity: 3 })).toMatchObject({ ok: true });
      await backUp(b, a);
      await expect(b.page.getByTestId('backup-seq')).toHaveText('log #3 of 3');
      // A command on the backup travels to the primary through OBS.
      expect(await command(b.tool, 'sale', { buyer: 'via-obs' }, 'via-obs-1')).toMatchObject({
        ok: true,
      });
      expect(await units(a.tool)).toBe(4);
      await b.page.getByTestId('auto-takeover').check();
      await b.page.getByLabel('Seconds of silence before taking over').fill('8');
      await b.page.getByLabel('Seconds of silence before taking over').blur();

      // OBS dies for everyone. The primary keeps selling; the backup hears nothing but knows
      // its own link is down, so it does not take over.
      obs!.kill();
      await expect(b.page.getByTestId('obs-pill')).toHaveAttribute(
        'data-state',
        /retrying|connecting/,
      );
      for (let i = 0; i < 2; i++) expect(await command(a.tool, 'sale')).toMatchObject({ ok: true });
      await expect(b.page.getByTestId('primary-silent')).toBeVisible({ timeout: 10_000 });
      // Longer than the 8 s the backup waits for a primary it cannot hear over a working link.
      await b.page.waitForTimeout(9_000);
      await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'backup');

      // OBS returns: the primary is heard again before the backup's 8 s of connected silence,
      // and the backup catches up on what it missed.
      await obs!.restart();
      await expect(b.page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected', {
        timeout: 15_000,
      });
      await expect(b.page.getByTestId('backup-seq')).toHaveText('log #6 of 6', { timeout: 10_000 });
      expect(await units(b.tool)).toBe(6);

      // Now the primary's computer dies; the backup, connected, takes over by itself.
      await a.context.close();
      await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'primary', {
        timeout: 15_000,
      });
      expect(await command(b.tool, 'sale')).toMatchObject({ ok: true });
      expect(await units(b.tool)).toBe(7);
    } finally {
      await b.context.close();
      await a.context.close().catch(() => undefined);
    }
  });
});
