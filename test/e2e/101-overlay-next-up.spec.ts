import { expect, test } from '@playwright/test';
import { openOverlay } from './fixtures/overlay/harness';
import { liveView } from './fixtures/overlay/views';

test.describe('next-up overlay', () => {
  test('names the next product and counts down to it, then says "Up next"', async ({
    context,
    page,
  }) => {
    await page.clock.install();
    const { publisher, errors } = await openOverlay(context, page, 'next-up');
    await page.clock.pauseAt(Date.now() + 5_000);
    const card = page.locator('[data-overlay="next-up"]');
    await publisher.send(
      liveView({
        next: {
          kind: 'product',
          title: 'Serum',
          productName: 'Hydrating Face Serum',
          startsInMs: 12_000,
        },
      }),
    );
    await expect(card).toHaveAttribute('data-state', 'in');
    await expect(card.locator('.fc-next-label')).toHaveText('Coming up');
    await expect(card.locator('.fc-next-title')).toHaveText('Hydrating Face Serum');
    await expect(card.locator('.fc-next-when')).toHaveText('in 0:12');
    await page.clock.runFor(1_000);
    await expect(card.locator('.fc-next-when')).toHaveText('in 0:11');
    await page.clock.runFor(1_000);
    await expect(card.locator('.fc-next-when')).toHaveText('in 0:10');
    await page.clock.runFor(999);
    await expect(card.locator('.fc-next-when')).toHaveText('in 0:10');
    await page.clock.runFor(1);
    await expect(card.locator('.fc-next-when')).toHaveText('Up next');
    await expect(card).toHaveAttribute('data-soon', '');
    expect(errors).toEqual([]);
  });

  test('"in 2:30" for a later slot, "Up next" while paused', async ({ context, page }) => {
    const { publisher } = await openOverlay(context, page, 'next-up');
    const when = page.locator('.fc-next-when');
    await publisher.send(liveView());
    await expect(when).toHaveText(/^in 2:(30|29)$/);
    await publisher.send(liveView({ phase: 'paused' }));
    await expect(when).toHaveText('Up next');
  });

  test('uses the segment title when no product, and hides when nothing follows', async ({
    context,
    page,
  }) => {
    const { publisher } = await openOverlay(context, page, 'next-up');
    const card = page.locator('[data-overlay="next-up"]');
    await publisher.send(
      liveView({
        next: { kind: 'closing', title: 'Last call', productName: null, startsInMs: 60_000 },
      }),
    );
    await expect(card.locator('.fc-next-title')).toHaveText('Last call');
    await publisher.send(
      liveView({
        next: {
          kind: 'flash',
          title: 'Flash sale: Serum',
          productName: 'Serum',
          startsInMs: 60_000,
        },
      }),
    );
    await expect(card.locator('.fc-next-label')).toHaveText('Flash sale next');
    await publisher.send(liveView({ next: null }));
    await expect(card).toHaveAttribute('data-state', 'out');
    await expect(card).toBeHidden();
  });
});
