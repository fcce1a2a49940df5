import { expect, test } from './fixtures/overlay/stage';
import { dealView, liveView, product, viewMessage } from './fixtures/overlay/views';

test.describe('stock overlay', () => {
  test('"Only 4 left" with low styling and a bar at 4/50', async ({ stage: { page, open } }) => {
    const { publisher, errors } = await open('stock');
    const card = page.locator('[data-overlay="stock"]');
    await publisher.send(liveView({ product: product({ stock: 4 }) }));
    await expect(card).toHaveAttribute('data-state', 'in');
    await expect(card.locator('.fc-stock-text')).toHaveText('Only 4 left');
    await expect(card).toHaveAttribute('data-low', '');
    await expect(card.locator('.fc-stock-text')).toHaveCSS('color', 'rgb(255, 176, 32)');
    await expect(card.locator('.fc-stock-product')).toHaveText('Wireless Earbuds Pro');
    await expect(card.locator('.fc-stock-count')).toHaveText('4/50');
    await expect
      .poll(() =>
        card
          .locator('.fc-stock-bar')
          .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a),
      )
      .toBeCloseTo(0.08, 2);
    expect(errors).toEqual([]);
  });

  for (const still of [false, true]) {
    test(`a burst of five sales: ${still ? 'still=1 (the Live preview) draws the newest once it settles' : 'a moving page draws each'}`, async ({
      stage: { page, open },
    }) => {
      const { publisher } = await open('stock', still ? '?still=1' : '');
      const count = page.locator('[data-overlay="stock"] .fc-stock-count');
      await publisher.send(liveView({ product: product({ stock: 40 }) }));
      await expect(count).toHaveText('40/50');
      // Every text the count shows from now on, as the DOM changes.
      await count.evaluate((el) => {
        const seen: string[] = [];
        (window as { __seen?: string[] }).__seen = seen;
        new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
          subtree: true,
          childList: true,
          characterData: true,
        });
      });
      // Five views posted in one task, as a burst of orders sends them.
      const burst = [39, 38, 37, 36, 35].map((stock) =>
        viewMessage(liveView({ product: product({ stock }) })),
      );
      await publisher.page.evaluate((list) => {
        for (const m of list) window.__fcPublisher!.channel.postMessage(m);
      }, burst);
      await expect(count).toHaveText('35/50');
      const seen = await page.evaluate(() => (window as { __seen?: string[] }).__seen!);
      if (still) {
        // Held while the burst arrived (50 ms), then the newest: not every step of it.
        expect(seen.at(-1)).toBe('35/50');
        expect(seen.length).toBeLessThan(5);
      } else {
        expect([...new Set(seen)]).toEqual(['39/50', '38/50', '37/50', '36/50', '35/50']);
      }
    });
  }

  test('plenty left is not low', async ({ stage: { page, open } }) => {
    const { publisher } = await open('stock');
    const card = page.locator('[data-overlay="stock"]');
    await publisher.send(liveView());
    await expect(card.locator('.fc-stock-text')).toHaveText('42 left');
    await expect(card).not.toHaveAttribute('data-low');
  });

  test('SOLD OUT at zero', async ({ stage: { page, open } }) => {
    const { publisher } = await open('stock');
    const card = page.locator('[data-overlay="stock"]');
    await publisher.send(liveView({ product: product({ stock: 0 }) }));
    await expect(card).toHaveAttribute('data-soldout', '');
    await expect(card).not.toHaveAttribute('data-low');
    await expect(card.locator('.fc-stock-text')).toHaveText('SOLD OUT', { useInnerText: true });
    await expect(card.locator('.fc-stock-count')).toHaveCount(0);
  });

  test('low=20% measures against the starting stock', async ({ stage: { page, open } }) => {
    const { publisher } = await open('stock', '?low=20%25');
    const card = page.locator('[data-overlay="stock"]');
    await publisher.send(liveView({ product: product({ stock: 10 }) }));
    await expect(card.locator('.fc-stock-text')).toHaveText('Only 10 left');
    await publisher.send(liveView({ product: product({ stock: 11 }) }));
    await expect(card.locator('.fc-stock-text')).toHaveText('11 left');
  });

  test('a capped deal counts what is left at the deal price', async ({ stage: { page, open } }) => {
    const { publisher } = await open('stock');
    await publisher.send(dealView(30_000, { cap: 20, sold: 16 }));
    await expect(page.locator('.fc-stock-text')).toHaveText('Only 4 left at this price');
    await expect(page.locator('.fc-stock-count')).toHaveText('4/20');
  });

  test('hidden without a product on air', async ({ stage: { page, open } }) => {
    const { publisher } = await open('stock');
    const card = page.locator('[data-overlay="stock"]');
    await publisher.send(liveView());
    await expect(card).toBeVisible();
    await publisher.send(liveView({ product: null }));
    await expect(card).toBeHidden();
  });
});
