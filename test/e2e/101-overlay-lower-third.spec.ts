import { expect, test } from './fixtures/overlay/stage';
import { settle } from './fixtures/overlay/harness';
import { dealView, earbuds, liveView, product } from './fixtures/overlay/views';

test.describe('lower-third overlay', () => {
  test('slides in with the name, the struck retail price, the live price and the call to action', async ({
    stage: { page, open },
  }) => {
    const { publisher, errors } = await open('lower-third');
    const card = page.locator('[data-overlay="lower-third"]');
    await expect(card).toHaveAttribute('data-state', 'out');
    await expect(card).toBeHidden();

    await publisher.send(liveView());
    await expect(card).toHaveAttribute('data-state', 'in');
    await expect(card).toBeVisible();
    await expect(card.locator('.fc-name')).toHaveText('Wireless Earbuds Pro');
    await expect(card.locator('s.fc-price-retail')).toHaveText('$299.00');
    await expect(card.locator('.fc-price-now')).toHaveText('$199.00');
    await expect(card.locator('.fc-save')).toHaveText('−33%');
    await expect(card.locator('.fc-cta')).toHaveText('Tap the orange bag');
    await expect(card.locator('.fc-badge')).toHaveCount(0);
    await expect(card).toHaveAttribute('data-deal', 'off');
    await expect(card.locator('.fc-monogram')).toHaveText('WE');
    // Once the reveal has played the strike is drawn full length across the retail price.
    await settle(page);
    const strike = await card.locator('.fc-price-retail').evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      return { width: parseFloat(after.width), matrix: new DOMMatrix(after.transform) };
    });
    expect(strike.width).toBeGreaterThan(100);
    expect(strike.matrix.a).toBeCloseTo(Math.cos((6 * Math.PI) / 180), 3);
    expect(errors).toEqual([]);
  });

  test('shows FLASH DEAL and the deal price while a deal runs on this product, then goes back', async ({
    stage: { page, open },
  }) => {
    const { publisher } = await open('lower-third');
    const card = page.locator('[data-overlay="lower-third"]');
    await publisher.send(liveView());
    await expect(card.locator('.fc-price-now')).toHaveText('$199.00');

    await publisher.send(dealView(60_000));
    await expect(card).toHaveAttribute('data-deal', 'on');
    await expect(card.locator('.fc-badge')).toHaveText('Flash deal');
    await expect(card.locator('.fc-badge')).toHaveCSS('text-transform', 'uppercase');
    await expect(card.locator('.fc-price-now')).toHaveText('$149.00');
    await expect(card.locator('s.fc-price-retail')).toHaveText('$299.00');
    await expect(card.locator('.fc-save')).toHaveText('−50%');

    await publisher.send(liveView());
    await expect(card).toHaveAttribute('data-deal', 'off');
    await expect(card.locator('.fc-badge')).toHaveCount(0);
    await expect(card.locator('.fc-price-now')).toHaveText('$199.00');
  });

  test('a deal on another product gives no badge on this card', async ({
    stage: { page, open },
  }) => {
    const { publisher } = await open('lower-third');
    const view = dealView(30_000, { productId: 'p-other' });
    view.product = earbuds;
    await publisher.send(view);
    await expect(page.locator('.fc-price-now')).toHaveText('$199.00');
    await expect(page.locator('.fc-badge')).toHaveCount(0);
  });

  test('replays the price reveal when the price changes', async ({ stage: { page, open } }) => {
    const { publisher } = await open('lower-third');
    await publisher.send(liveView());
    await settle(page);
    const before = await page.locator('.fc-price-now').elementHandle();
    await publisher.send(dealView(60_000));
    await expect(page.locator('.fc-price-now')).toHaveText('$149.00');
    // A new element: its entrance animation runs again.
    expect(await before.evaluate((el) => el.isConnected)).toBe(false);
    expect(await page.locator('.fc-price-now').evaluate((el) => el.getAnimations().length)).toBe(1);
  });

  test('SOLD OUT replaces the call to action', async ({ stage: { page, open } }) => {
    const { publisher } = await open('lower-third');
    await publisher.send(liveView({ product: product({ stock: 0 }) }));
    const card = page.locator('[data-overlay="lower-third"]');
    await expect(card).toHaveAttribute('data-soldout', '');
    await expect(card.locator('.fc-soldout-strip')).toHaveText('Sold out');
    await expect(card.locator('.fc-cta')).toHaveCount(0);
  });

  test('goes out when the lower third is hidden, the show is not live, or there is no product', async ({
    stage: { page, open },
  }) => {
    const { publisher } = await open('lower-third');
    const card = page.locator('[data-overlay="lower-third"]');
    for (const view of [
      liveView({ lowerThird: false }),
      liveView({ phase: 'ended' }),
      liveView({ phase: 'ready', product: null }),
      liveView({ product: null }),
    ]) {
      await publisher.send(liveView());
      await expect(card).toHaveAttribute('data-state', 'in');
      await publisher.send(view);
      await expect(card).toHaveAttribute('data-state', 'out');
      await expect(card).toBeHidden();
    }
    // Paused is still on air.
    await publisher.send(liveView({ phase: 'paused' }));
    await expect(card).toBeVisible();
  });

  test('cta= overrides the call to action; an empty cta hides it', async ({
    stage: { page, open },
  }) => {
    const { publisher } = await open('lower-third', '?cta=Link%20in%20bio');
    await publisher.send(liveView());
    await expect(page.locator('.fc-cta')).toHaveText('Link in bio');
    await page.goto('/overlay/lower-third.html?cta=');
    await publisher.send(liveView());
    await expect(page.locator('.fc-price-now')).toHaveText('$199.00');
    await expect(page.locator('.fc-cta')).toHaveCount(0);
  });

  test('shows the product photo when there is one, and renders names as text', async ({
    stage: { page, open },
  }) => {
    const { publisher, errors } = await open('lower-third');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="teal"/></svg>`;
    const image = `data:image/svg+xml,${encodeURIComponent(svg)}`;
    const name = '<img src=x onerror="window.__pwned=1"> Earbuds';
    await publisher.send(liveView({ product: product({ image, name }) }));
    await expect(page.locator('img.fc-image')).toHaveAttribute('src', image);
    await expect(page.locator('.fc-name')).toHaveText(name);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('runs no animation once the card has settled', async ({ stage: { page, open } }) => {
    const { publisher } = await open('lower-third');
    await publisher.send(dealView(60_000));
    await settle(page);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  });
});
