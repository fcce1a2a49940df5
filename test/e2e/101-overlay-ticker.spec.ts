import { expect, test } from '@playwright/test';
import { openOverlay } from './fixtures/overlay/harness';
import { liveView } from './fixtures/overlay/views';
import type { OverlayView } from '../../shared/view/overlayView';

type Sale = OverlayView['ticker']['recent'][number];
const sale = (id: number, agoMs: number, buyer: string | null = 'anna', quantity = 1): Sale => ({
  id,
  buyer,
  productName: 'Wireless Earbuds Pro',
  quantity,
  agoMs,
});
const withSales = (recent: Sale[], unitsLastMinute = 0) =>
  liveView({ ticker: { recent, unitsLastMinute, unitsTotal: unitsLastMinute } });

test.describe('ticker overlay', () => {
  test('shows "@anna just bought …" and "Someone just bought 3 × …"', async ({ context, page }) => {
    const { publisher, errors } = await openOverlay(context, page, 'ticker');
    const ticker = page.locator('[data-overlay="ticker"]');
    await expect(ticker).toHaveAttribute('data-state', 'out');
    await publisher.send(withSales([sale(2, 200, null, 3), sale(1, 1_000, 'anna')]));
    await expect(ticker).toHaveAttribute('data-state', 'in');
    await expect(ticker.locator('.fc-ticker-text')).toHaveText([
      'Someone just bought 3 × Wireless Earbuds Pro',
      '@anna just bought Wireless Earbuds Pro',
    ]);
    await expect(ticker.locator('.fc-avatar')).toHaveText(['★', 'A']);
    expect(errors).toEqual([]);
  });

  test('shows at most max lines, newest first', async ({ context, page }) => {
    const { publisher } = await openOverlay(context, page, 'ticker', '?max=2');
    await publisher.send(
      withSales([sale(5, 100, 'eve'), sale(4, 200, 'dan'), sale(3, 300, 'cat'), sale(2, 400)]),
    );
    await expect(page.locator('.fc-buyer')).toHaveText(['@eve', '@dan']);
  });

  test('"N sold in the last minute" from minBurst units', async ({ context, page }) => {
    const { publisher } = await openOverlay(context, page, 'ticker');
    await publisher.send(withSales([sale(1, 100)], 4));
    await expect(page.locator('.fc-ticker-entry')).toHaveCount(1);
    await expect(page.locator('.fc-burst')).toHaveCount(0);
    await publisher.send(withSales([sale(1, 100)], 23));
    await expect(page.locator('.fc-burst')).toHaveText('23 sold in the last minute');
  });

  test('each line fades after hold seconds, timed from the sale, and heartbeats do not repeat it', async ({
    context,
    page,
  }) => {
    await page.clock.install();
    const { publisher } = await openOverlay(context, page, 'ticker', '?hold=8');
    await page.clock.pauseAt(Date.now() + 5_000);
    const entries = page.locator('.fc-ticker-entry');
    await publisher.send(withSales([sale(2, 0, 'bob'), sale(1, 3_000, 'anna')]));
    await expect(entries).toHaveCount(2);
    // A heartbeat a second later: same sales, older. Still two lines, not four.
    await page.clock.runFor(1_000);
    await publisher.send(withSales([sale(2, 1_000, 'bob'), sale(1, 4_000, 'anna')]));
    await expect(entries).toHaveCount(2);
    // anna's sale was 3 s old at first sight: with hold=8 it starts fading 5 s after that.
    await page.clock.runFor(3_999);
    await expect(page.locator('.fc-ticker-entry[data-leaving]')).toHaveCount(0);
    await page.clock.runFor(1);
    await expect(page.locator('.fc-ticker-entry[data-leaving]')).toHaveText(/@anna/);
    await page.clock.runFor(400);
    await expect(page.locator('.fc-buyer')).toHaveText(['@bob']);
    await page.clock.runFor(3_000);
    await expect(entries).toHaveCount(0);
    await expect(page.locator('[data-overlay="ticker"]')).toHaveAttribute('data-state', 'out');
  });
});
