/**
 * The Overlays screen lists the show's edges like every other overlay (issue 19): the closing
 * cards and the poll with their names, URLs and live previews, and the options only they read —
 * how long SOLD OUT stays, which closing card or poll card a source shows, and the countdown's
 * first-deal teaser in starting-soon mode. (Their one-click set-up: 602, on the OBS stand-in.)
 */
import { expect, test, type Page } from '@playwright/test';

const urlOf = (page: Page, name: string) => page.getByTestId(`url-${name}`);

test('closing cards, poll and the starting-soon teaser: their cards, options, URLs and previews', async ({
  page,
}) => {
  await page.goto('/controller/#/setup');
  await expect(page.getByTestId('theme-editor')).toBeVisible();
  const origin = new URL(page.url()).origin;
  await expect(page.getByTestId('overlay-cards').getByRole('heading')).toHaveText('Closing cards');
  await expect(page.getByTestId('overlay-cards')).toContainText('SOLD OUT');
  await expect(page.getByTestId('overlay-poll').getByRole('heading')).toHaveText(
    'Poll and giveaway',
  );
  for (const name of ['cards', 'poll']) {
    await expect(urlOf(page, name)).toHaveText(`${origin}/overlay/${name}.html`);
    await expect(page.getByTestId(`size-${name}`)).toContainText('1920 × 1080');
  }

  await page.getByTestId('opt-soldHold').fill('12');
  await page.getByTestId('opt-soldHold').blur();
  await page.getByTestId('opt-recap').uncheck();
  await page.getByTestId('opt-cards-position').selectOption('bottom-center');
  await expect(urlOf(page, 'cards')).toHaveText(
    `${origin}/overlay/cards.html?position=bottom-center&soldHold=12&recap=0`,
  );
  await page.getByTestId('opt-poll-show').getByRole('button', { name: 'Giveaway only' }).click();
  await expect(urlOf(page, 'poll')).toHaveText(`${origin}/overlay/poll.html?show=giveaway`);

  // The teaser belongs to starting-soon mode: offered only there.
  await expect(page.getByTestId('opt-teaser')).toHaveCount(0);
  await page.getByTestId('opt-mode').getByRole('button', { name: 'Starting soon' }).click();
  await page.getByTestId('opt-teaser').uncheck();
  await expect(urlOf(page, 'countdown')).toHaveText(
    `${origin}/overlay/countdown.html?mode=start&teaser=0`,
  );
  // The composite reads the countdown's and the closing cards' options too.
  await expect(urlOf(page, 'all')).toHaveText(
    `${origin}/overlay/all.html?mode=start&teaser=0&soldHold=12`,
  );
  // Out of the page's range: refused with its limits, the URL keeps the last good value.
  await page.getByTestId('opt-soldHold').fill('61');
  await page.getByTestId('opt-soldHold').blur();
  await expect(page.getByTestId('overlay-cards').getByRole('alert')).toHaveText(
    'use a whole number from 1 to 60',
  );
  await expect(urlOf(page, 'cards')).toContainText('soldHold=12');

  // Each preview loads exactly its URL, and the real page accepts every option.
  for (const name of ['cards', 'poll', 'countdown']) {
    const preview = page.getByTestId(`preview-${name}`);
    await preview.scrollIntoViewIfNeeded();
    await expect(preview).toHaveAttribute('src', (await urlOf(page, name).textContent())!);
    await expect(preview.contentFrame().locator('.fc-stage')).toHaveCount(1);
    await expect(preview.contentFrame().locator('.fc-error')).toHaveCount(0);
  }

  // Kept: the screen opens again with the same choices.
  await page.reload();
  await expect(urlOf(page, 'cards')).toHaveText(
    `${origin}/overlay/cards.html?position=bottom-center&soldHold=12&recap=0`,
  );
  await expect(page.getByTestId('opt-recap')).not.toBeChecked();
});
