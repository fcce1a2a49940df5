import { expect, test } from '@playwright/test';
import { openOverlay, watchErrors } from './fixtures/overlay/harness';
import { openPublisher } from './fixtures/overlay/publisher';
import { dealView, liveView, product, SHOW_ID, viewMessage } from './fixtures/overlay/views';

const PAGES = ['lower-third', 'countdown', 'stock', 'ticker', 'next-up', 'all'];

test.describe('overlay robustness', () => {
  for (const name of PAGES) {
    test(`${name}: a bad option shows a located error instead of a blank overlay`, async ({
      page,
    }) => {
      await page.goto(`/overlay/${name}.html?accent=zzz&scale=9`);
      const box = page.locator('.fc-error');
      await expect(box).toBeVisible();
      await expect(box).toHaveAttribute('data-overlay', name);
      await expect(box.locator('li')).toHaveText([
        'accent: "zzz" is not a colour (use a hex like ff5a1f)',
        'scale: "9" is not a number from 0.5 to 3',
      ]);
      await expect(page.locator('.fc-stage')).toHaveCount(0);
    });
  }

  test('a misspelt option is named, with the likely intended one', async ({ page }) => {
    await page.goto('/overlay/stock.html?lyout=portrait');
    await expect(page.locator('.fc-error li')).toHaveText(
      'lyout: unknown option (did you mean layout?)',
    );
  });

  test('a reloaded overlay is current within a second of its hello being answered', async ({
    context,
    page,
  }) => {
    const { publisher } = await openOverlay(context, page, 'lower-third');
    await expect.poll(() => publisher.hellos()).toBe(1);
    await publisher.send(liveView());
    await expect(page.locator('.fc-price-now')).toHaveText('$199.00');

    await page.reload();
    // The fresh receiver says hello; the publisher answers with the current view.
    await expect.poll(() => publisher.hellos()).toBe(2);
    await expect(page.locator('[data-overlay="lower-third"]')).toHaveAttribute('data-state', 'in', {
      timeout: 1_000,
    });
    await expect(page.locator('.fc-price-now')).toHaveText('$199.00', { timeout: 1_000 });
  });

  test('ignores foreign, invalid and stale messages, keeping the last good view', async ({
    context,
    page,
  }) => {
    const { publisher, errors } = await openOverlay(context, page, 'lower-third');
    await publisher.send(liveView());
    await expect(page.locator('.fc-price-now')).toHaveText('$199.00');
    const deal = dealView(30_000);
    const envelope = {
      app: 'flashcue',
      v: 1,
      kind: 'view',
      showId: SHOW_ID,
      session: 'e2e',
      logSeq: 10,
      n: 1e6,
    };
    for (const junk of [
      { ...envelope, app: 'streamerbot', view: deal }, // another app on the same channel
      { ...envelope, view: { ...deal, phase: 'party' } }, // fails validation
      { ...envelope, view: { ...deal, product: { ...deal.product, price: -1 } } },
      { ...envelope, v: 2, view: deal }, // a protocol this page does not speak
      { ...envelope, logSeq: 1, view: deal }, // older than what is shown
      'hello',
      null,
      42,
      { app: 'flashcue' },
    ]) {
      await publisher.sendRaw(junk);
    }
    await page.waitForTimeout(300);
    await expect(page.locator('.fc-price-now')).toHaveText('$199.00');
    await expect(page.locator('.fc-badge')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('inside an OBS browser source, views also arrive as obs-browser emit_event window events', async ({
    page,
  }) => {
    // What obs-browser provides: window.obsstudio, and emit_event dispatched on window.
    await page.addInitScript(() => {
      (window as unknown as { obsstudio: object }).obsstudio = { pluginVersion: '2.24.0' };
    });
    const errors = watchErrors(page);
    await page.goto('/overlay/stock.html');
    const emit = (data: unknown) =>
      page.evaluate(
        (detail) => window.dispatchEvent(new CustomEvent('flashcue', { detail })),
        data,
      );
    await emit(viewMessage(liveView()));
    await expect(page.locator('.fc-stock-text')).toHaveText('42 left');
    await emit({ app: 'flashcue', v: 1, kind: 'view', view: 'junk' });
    await emit(viewMessage(liveView({ product: product({ stock: 3 }) })));
    await expect(page.locator('.fc-stock-text')).toHaveText('Only 3 left');
    // transport=broadcast listens on BroadcastChannel only.
    await page.goto('/overlay/stock.html?transport=broadcast');
    await emit(viewMessage(liveView()));
    await page.waitForTimeout(300);
    await expect(page.locator('[data-overlay="stock"]')).toHaveAttribute('data-state', 'out');
    expect(errors).toEqual([]);
  });

  test('transport=obs without a connection in the fragment says what is missing, and still hears BroadcastChannel', async ({
    context,
    page,
  }) => {
    const { publisher } = await openOverlay(context, page, 'stock', '?transport=obs');
    await expect(page.locator('.fc-note')).toContainText(
      'transport=obs needs #obs=ws://host:4455&password=',
    );
    await publisher.send(liveView());
    await expect(page.locator('.fc-stock-text')).toHaveText('42 left');
  });

  test('nothing runs per frame, and timers only while a clock is on screen', async ({
    context,
    page,
  }) => {
    await page.addInitScript(() => {
      const counts = { raf: 0, timeout: 0, interval: 0 };
      (window as unknown as { __counts: typeof counts }).__counts = counts;
      const raf = window.requestAnimationFrame.bind(window);
      const timeout = window.setTimeout.bind(window);
      const interval = window.setInterval.bind(window);
      window.requestAnimationFrame = (cb) => (counts.raf++, raf(cb));
      window.setTimeout = ((cb: TimerHandler, ms?: number, ...rest: unknown[]) => (
        counts.timeout++,
        timeout(cb, ms, ...rest)
      )) as typeof setTimeout;
      window.setInterval = ((cb: TimerHandler, ms?: number, ...rest: unknown[]) => (
        counts.interval++,
        interval(cb, ms, ...rest)
      )) as typeof setInterval;
    });
    const errors = watchErrors(page);
    const publisher = await openPublisher(context);
    await page.goto('/overlay/all.html');
    type Counts = { raf: number; timeout: number; interval: number };
    const counts = () => page.evaluate(() => (window as unknown as { __counts: Counts }).__counts);

    // Live, no deal, no next segment, no buyers: nothing on screen changes by itself.
    await publisher.send(liveView({ next: null }));
    await expect(page.locator('[data-overlay="lower-third"]')).toHaveAttribute('data-state', 'in');
    const idleStart = await counts();
    await page.waitForTimeout(2_500);
    const idleEnd = await counts();
    expect(idleEnd).toEqual(idleStart);

    // One deal countdown: one timer per second, still no frame loop.
    await publisher.send({ ...dealView(30_000), next: null });
    await expect(page.locator('.fc-countdown')).toHaveText(/^0:(30|29)$/);
    const runStart = await counts();
    await page.waitForTimeout(3_000);
    const runEnd = await counts();
    expect(runEnd.raf - runStart.raf).toBe(0);
    expect(runEnd.interval - runStart.interval).toBe(0);
    expect(runEnd.timeout - runStart.timeout).toBeGreaterThanOrEqual(2);
    expect(runEnd.timeout - runStart.timeout).toBeLessThanOrEqual(4);
    // And no infinite CSS animation anywhere.
    const infinite = await page.evaluate(
      () =>
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations === Infinity).length,
    );
    expect(infinite).toBe(0);
    expect(errors).toEqual([]);
  });
});
