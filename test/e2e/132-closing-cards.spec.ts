/**
 * The closing cards (issue 19). A sell-out on air shows the SOLD OUT card on the cards page and
 * in the composite ("Sold out in 38 s", from the slot's start), which leaves after its hold;
 * the closing segment brings the recap (top sellers, the offers still open). Driven through the
 * real controller on fake time shared by every page. Then the recap's words and the next
 * live's date in the overlay's language and the show's zone, from handcrafted views.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { locales } from '../../shared/i18n/locale';
import { openOverlay } from './fixtures/overlay/harness';
import { lastCallView, soldOutView } from './fixtures/overlay/cardViews';
import { command, openTool } from './support/tool';
import { baseSheet } from '../support/sheets';

const T = Date.UTC(2026, 2, 15, 18, 0, 0);

test('a sell-out on air shows the card, which goes; the last call shows the recap', async ({
  context,
  page,
}) => {
  // Nine commands through a real controller and three pages: more than the default budget on
  // a loaded machine, with nothing waited on but the conditions below.
  test.slow();
  await context.clock.install({ time: T });
  await page.goto('/controller/');
  const tool = await openTool(context);
  const ok = async (name: string, args: Record<string, unknown> = {}) =>
    expect(await command(tool, name, args)).toMatchObject({ ok: true });
  await ok('runsheet.load', { runSheet: baseSheet() });
  const cards = await context.newPage();
  await cards.goto('/overlay/cards.html');
  const all = await context.newPage();
  await all.goto('/overlay/all.html');

  await ok('show.start');
  await ok('show.goto', { index: 1 });
  await ok('sale', { productId: 'buds', quantity: 2, buyer: 'anna' });
  const slot = await command(tool, 'show.goto', { index: 3 });
  const slotAt = (slot.result as { event: { at: number } }).event.at;
  // The clock stops 38 s into the mask's slot: the sale that sells it out is stamped then.
  await context.clock.pauseAt(slotAt + 38_000);
  await ok('sale', { productId: 'mask', quantity: 5 });

  for (const overlay of [cards, all]) {
    const card = overlay.locator('[data-overlay="sold-out"]');
    await expect(card).toHaveAttribute('data-state', 'in');
    await expect(card.locator('.fc-sold-headline')).toHaveText('SOLD OUT', { useInnerText: true });
    await expect(card.locator('.fc-sold-product')).toHaveText('Hydrating Face Mask');
    await expect(card.locator('.fc-sold-after')).toHaveText('Sold out in 38 s');
  }
  // In the composite the card takes the ticker's place: the buyer lines step aside meanwhile.
  await expect(all.locator('[data-overlay="ticker"]')).toHaveAttribute('data-state', 'out');

  await context.clock.runFor(6_500);
  await context.clock.resume();
  for (const overlay of [cards, all])
    await expect(overlay.locator('[data-overlay="sold-out"]')).toHaveAttribute('data-state', 'out');

  await ok('show.goto', { index: 5 });
  for (const overlay of [cards, all]) {
    const recap = overlay.locator('[data-overlay="recap"]');
    await expect(recap).toHaveAttribute('data-state', 'in');
    await expect(recap.locator('.fc-recap-title')).toHaveText('LAST CALL', { useInnerText: true });
    await expect(recap.locator('[data-list="top"] li')).toHaveText([
      /Hydrating Face Mask\s*5 sold/,
      /Wireless Earbuds\s*2 sold/,
    ]);
    // The earbuds were on air (live price revealed) and are in stock; the mask is sold out.
    await expect(recap.locator('[data-list="open"] li')).toHaveText([
      /Wireless Earbuds\s*CN¥299\.00\s*CN¥199\.00\s*98 left/,
    ]);
    // This run sheet is in no series: no next-live line.
    await expect(recap.locator('.fc-recap-next')).toHaveCount(0);
  }
  await ok('show.end');
  await expect(cards.locator('[data-overlay="recap"]')).toHaveAttribute('data-state', 'out');
});

test('names are text; the next live in the overlay language and the show’s zone', async ({
  context,
  page,
}) => {
  const { publisher, errors } = await openOverlay(context, page, 'cards', '?soldHold=60');
  await publisher.send(
    soldOutView({ name: '<img src=x onerror=alert(1)>Mask', next: 'x', buyer: 'a' }),
  );
  const card = page.locator('[data-overlay="sold-out"]');
  await expect(card.locator('.fc-sold-product')).toHaveText('<img src=x onerror=alert(1)>Mask');
  await expect(page.locator('img')).toHaveCount(0);

  await publisher.send(lastCallView());
  const next = page.locator('.fc-recap-next');
  await expect(next).toHaveText('Next live: Tue, Apr 14, 7:00 PM GMT+8');
  await expect(page.locator('[data-list="open"] li').first()).toHaveAttribute('data-deal', '');

  await page.goto('/overlay/cards.html?lang=zh-CN');
  await publisher.send(lastCallView());
  await expect(next).toHaveText(/^下一场直播：4月14日周二 GMT\+8 19:00$/);
  expect(errors).toEqual([]);
});

test('speaks every shipped language', async ({ context, page }) => {
  const { publisher, errors } = await openOverlay(context, page, 'cards', '?soldHold=60');
  for (const lang of locales) {
    const words = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<
      string,
      string
    >;
    await page.goto(`/overlay/cards.html?soldHold=60&lang=${lang}`);
    await publisher.send(soldOutView());
    await expect(page.locator('.fc-sold-after')).toHaveText(
      words.ov_sold_out_in_s!.replace('{seconds}', '38'),
    );
    await publisher.send(lastCallView());
    const recap = page.locator('[data-overlay="recap"]');
    await expect(recap.locator('.fc-recap-title')).toHaveText(words.ov_last_call!);
    await expect(recap.locator('.fc-recap-head').first()).toHaveText(words.ov_top_sellers!);
    await expect(recap.locator('.fc-recap-next')).toContainText(
      words.ov_next_live!.replace('{date}', '').trim(),
    );
  }
  expect(errors).toEqual([]);
});
