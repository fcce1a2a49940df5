import { expect, test, type Page } from '@playwright/test';
import { openOverlay } from './fixtures/overlay/harness';
import { dealView, liveView } from './fixtures/overlay/views';

/** Page time under the test's control: frozen until runFor moves it. */
async function freezeClock(page: Page): Promise<void> {
  await page.clock.pauseAt(Date.now() + 5_000);
}

test.describe('countdown overlay', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install();
  });

  test('counts the running deal down, flipping exactly on each second', async ({
    context,
    page,
  }) => {
    const { publisher, errors } = await openOverlay(context, page, 'countdown');
    await freezeClock(page);
    const card = page.locator('[data-overlay="countdown"]');
    const digits = card.locator('.fc-countdown');

    await publisher.send(dealView(12_400));
    await expect(card).toHaveAttribute('data-state', 'in');
    await expect(card.locator('.fc-countdown-label')).toHaveText('Flash deal ends in');
    await expect(digits).toHaveText('0:13');
    await page.clock.runFor(399);
    await expect(digits).toHaveText('0:13');
    await page.clock.runFor(1);
    await expect(digits).toHaveText('0:12');
    await page.clock.runFor(1_000);
    await expect(digits).toHaveText('0:11');
    await expect(card).not.toHaveAttribute('data-urgent');
    expect(errors).toEqual([]);
  });

  test('turns urgent for the last 10 seconds, with a single pulse on each flip', async ({
    context,
    page,
  }) => {
    const { publisher } = await openOverlay(context, page, 'countdown');
    await freezeClock(page);
    const card = page.locator('[data-overlay="countdown"]');
    await publisher.send(dealView(11_000));
    await expect(card.locator('.fc-countdown')).toHaveText('0:11');
    await expect(card).not.toHaveAttribute('data-urgent');
    const calm = await card.locator('.fc-countdown').evaluate((el) => getComputedStyle(el).color);

    await page.clock.runFor(1_000);
    await expect(card.locator('.fc-countdown')).toHaveText('0:10');
    await expect(card).toHaveAttribute('data-urgent', '');
    const urgent = card.locator('.fc-countdown');
    expect(await urgent.evaluate((el) => getComputedStyle(el).color)).not.toBe(calm);
    expect(await urgent.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 59, 71)');
    const pulses = await urgent.evaluate((el) =>
      el.getAnimations().map((a) => a.effect?.getComputedTiming().iterations),
    );
    expect(pulses).toEqual([1]);

    await page.clock.runFor(9_000);
    await expect(card.locator('.fc-countdown')).toHaveText('0:01');
    await page.clock.runFor(1_000);
    await expect(card.locator('.fc-countdown')).toHaveText('0:00');
    await expect(card).not.toHaveAttribute('data-urgent');
  });

  test('a heartbeat re-sent mid-second keeps the same display', async ({ context, page }) => {
    const { publisher } = await openOverlay(context, page, 'countdown');
    await freezeClock(page);
    await publisher.send(dealView(30_000));
    await page.clock.runFor(500);
    await publisher.send(dealView(29_500));
    await expect(page.locator('.fc-countdown')).toHaveText('0:30');
    await page.clock.runFor(500);
    await expect(page.locator('.fc-countdown')).toHaveText('0:29');
  });

  test('is hidden when no deal runs', async ({ context, page }) => {
    const { publisher } = await openOverlay(context, page, 'countdown');
    const card = page.locator('[data-overlay="countdown"]');
    await publisher.send(dealView(30_000));
    await expect(card).toBeVisible();
    await publisher.send(liveView());
    await expect(card).toHaveAttribute('data-state', 'out');
    await expect(card).toBeHidden();
  });

  test('a deal frozen by a pause shows PAUSED and stands still', async ({ context, page }) => {
    const { publisher } = await openOverlay(context, page, 'countdown');
    await freezeClock(page);
    const card = page.locator('[data-overlay="countdown"]');
    await publisher.send(dealView(30_000, { frozen: true }));
    await expect(card).toHaveAttribute('data-paused', '');
    await expect(card.locator('.fc-countdown')).toHaveText('PAUSED', { useInnerText: true });
    await page.clock.runFor(5_000);
    await expect(card.locator('.fc-countdown')).toHaveText('PAUSED', { useInnerText: true });
    await publisher.send(dealView(30_000));
    await expect(card.locator('.fc-countdown')).toHaveText('0:30');
  });

  test('mode=slot counts the segment and shows overtime as +m:ss', async ({ context, page }) => {
    const { publisher } = await openOverlay(context, page, 'countdown', '?mode=slot');
    await freezeClock(page);
    const card = page.locator('[data-overlay="countdown"]');
    await publisher.send(liveView({ segment: { ...liveView().segment!, remainingMs: 1_500 } }));
    await expect(card.locator('.fc-countdown-label')).toHaveText('Wireless Earbuds Pro');
    await expect(card.locator('.fc-countdown')).toHaveText('0:02');
    await page.clock.runFor(1_500);
    await expect(card.locator('.fc-countdown')).toHaveText('0:00');
    await page.clock.runFor(1);
    await expect(card.locator('.fc-countdown')).toHaveText('+0:01');
    await expect(card).toHaveAttribute('data-overtime', '');
    await expect(card.locator('.fc-countdown-label')).toHaveText('Overtime');
    await page.clock.runFor(61_000);
    await expect(card.locator('.fc-countdown')).toHaveText('+1:02');
  });

  test('mode=show counts the show down and a paused show says PAUSED', async ({
    context,
    page,
  }) => {
    const { publisher } = await openOverlay(
      context,
      page,
      'countdown',
      '?mode=show&label=Live%20for',
    );
    await freezeClock(page);
    const card = page.locator('[data-overlay="countdown"]');
    await publisher.send(liveView());
    await expect(card.locator('.fc-countdown')).toHaveText('50:00');
    await expect(card.locator('.fc-countdown-label')).toHaveText('Live for');
    await page.clock.runFor(1_000);
    await expect(card.locator('.fc-countdown')).toHaveText('49:59');
    await publisher.send(liveView({ phase: 'paused' }));
    await expect(card.locator('.fc-countdown')).toHaveText('PAUSED', { useInnerText: true });
  });
});
