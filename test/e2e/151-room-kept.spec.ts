// The live room set up as a new user would (issue 17): TikFinity's address typed on the
// Integrations page, the producer's own question words, a question pinned to the host view —
// and all of it still there after a reload, answered off the host view at the end.
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { startFakeTikFinity, type FakeTikFinity } from '../support/fakeTikFinity';
import { command, openTool } from './support/tool';

let fake: FakeTikFinity;
test.beforeEach(async () => {
  fake = await startFakeTikFinity();
});
test.afterEach(() => fake.close());

/** The kept room row of the running show, read straight from IndexedDB (Dexie version 14). */
const keptPin = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ showId: string; pinnedId: string | null } | null>((resolve) => {
        const open = indexedDB.open('flashcue');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('rooms')) return resolve(null);
          const all = db.transaction('rooms').objectStore('rooms').getAll();
          all.onsuccess = () => {
            const rows = all.result as Array<{
              showId: string;
              room: { questions: { pinnedId: string | null } };
            }>;
            const row = rows[0];
            resolve(row ? { showId: row.showId, pinnedId: row.room.questions.pinnedId } : null);
            db.close();
          };
        };
      }),
  );

test('address and question words saved; the pin reaches the host view and survives a reload', async ({
  page,
  context,
}) => {
  test.slow(); // two pages, a build's worth of reload and a reconnect: one long user story
  await page.goto('/controller/#/integrations');
  const source = page.getByTestId('room-source');
  await source.getByTestId('room-tikfinity-url').fill('http://nope');
  await source.getByTestId('room-connect').click();
  await expect(source.getByRole('alert')).toContainText('starts with ws://');
  await source.getByTestId('room-tikfinity-url').fill(fake.url);
  await source.getByTestId('room-connect').click();
  await expect(page.getByTestId('room-source-status')).toContainText('Status: live');
  await expect.poll(() => fake.clients()).toBe(1);

  const rules = page.getByTestId('room-rules');
  await rules.getByTestId('room-question-words').fill('cuánto\nราคา');
  await rules.getByTestId('room-save-words').click();
  await expect(rules.getByTestId('room-words-message')).toHaveText('Saved.');

  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.goto('/controller/#/live');
  await page.getByRole('button', { name: /Start show/ }).click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');

  // The producer's words decide: "how much" is no longer one of them, "cuánto" is.
  fake.send('chat', { uniqueId: 'a', nickname: 'Ana', comment: 'cuánto cuesta' });
  fake.send('chat', { uniqueId: 'b', nickname: 'Bo', comment: 'how much' });
  fake.send('chat', { uniqueId: 'c', nickname: 'Chai', comment: 'ราคาเท่าไหร่' });
  const questions = page.getByTestId('room-question');
  await expect(questions).toHaveCount(2);
  const ana = questions.filter({ hasText: 'cuánto cuesta' });
  await ana.getByRole('button', { name: 'Pin to host' }).click();

  const host = await context.newPage();
  await host.goto('/controller/#/host');
  await expect(host.getByTestId('host-question')).toContainText('Ana asks: cuánto cuesta');

  // Kept before the reload (the condition, not a sleep): the row holds the pin.
  await expect.poll(async () => (await keptPin(page))?.pinnedId).toBe('q1');
  await page.reload();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
  await expect(questions).toHaveCount(2);
  await expect(ana.getByRole('button', { name: 'Unpin' })).toHaveAttribute('aria-pressed', 'true');
  // The saved address reconnects by itself; the host view still shows the pin.
  await expect.poll(() => fake.clients()).toBe(1);
  await expect(page.getByTestId('room-status')).toContainText('TikFinity: live');
  await expect(host.getByTestId('host-question')).toContainText('cuánto cuesta');

  await ana.getByRole('button', { name: 'Answered' }).click();
  await expect(host.getByTestId('host-question')).toHaveCount(0);
  await expect(questions).toHaveCount(1);

  // The report's room table: both questions asked in the opening, one answered.
  const kept = await keptPin(page);
  await page.goto(`/controller/#/report/${kept!.showId}`);
  await expect(page.getByTestId('room-report-row').first()).toContainText('2 (1)');
});

test('gifts are thanked on the ticker only once switched on, names as text', async ({
  page,
  context,
}) => {
  test.slow(); // the controller, the ticker page and the stand-in under one clock
  await page.goto('/controller/#/integrations');
  await page.getByTestId('room-tikfinity-url').fill(fake.url);
  await page.getByTestId('room-connect').click();
  await expect(page.getByTestId('room-source-status')).toContainText('Status: live');
  const ticker = await context.newPage();
  await ticker.goto('/overlay/ticker.html?transport=broadcast');
  const thanks = ticker.locator('[data-thanks]');

  // Off by default: Ann's gift is counted, never thanked (had it been, the 8 s gap would
  // keep Bo's below off the ticker).
  fake.send('gift', { uniqueId: 'ann', nickname: 'Ann', giftName: 'Rose', repeatCount: 2 });
  await page.getByTestId('room-thanks-gift').check();
  await expect(page.getByTestId('room-thanks-gift')).toBeChecked();
  fake.send('follow', { uniqueId: 'cy', nickname: 'Cy' }); // follows stay off
  fake.send('gift', {
    uniqueId: 'bo',
    nickname: '<img src=x onerror=alert(1)>',
    giftName: 'Rose',
    giftType: 1,
    repeatCount: 5,
    repeatEnd: true,
  });
  await expect(thanks).toHaveText('Thank you <img src=x onerror=alert(1)> for the Rose! ×5');
  await expect(ticker.locator('.fc-ticker img')).toHaveCount(0);
  // Kept for the next time the page opens.
  await page.reload();
  await expect(page.getByTestId('room-thanks-gift')).toBeChecked();
  await expect(page.getByTestId('room-thanks-follow')).not.toBeChecked();
});

test('a keyword order waits for the producer; one key records it as a sale', async ({
  page,
  context,
}) => {
  test.slow(); // the controller, a tool page and the stand-in under one clock
  await page.goto('/controller/#/integrations');
  await page.getByTestId('room-tikfinity-url').fill(fake.url);
  await page.getByTestId('room-connect').click();
  await page.getByTestId('room-keyword-orders').check();
  await expect(page.getByTestId('room-keyword-orders')).toBeChecked();
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.goto('/controller/#/live');
  await page.getByRole('button', { name: /Start show/ }).click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true }); // a product on air
  const stock = async () =>
    ((await command(tool, 'state.get')).result as { product: { stock: number } }).product.stock;
  const before = await stock();

  fake.send('chat', { uniqueId: 'ann', nickname: 'Ann', comment: '+2' });
  const proposal = page.getByTestId('room-proposal');
  await expect(proposal).toContainText('Ann ×2');
  expect(await stock()).toBe(before); // pending: nothing recorded yet

  await page.keyboard.press('y');
  await expect(proposal).toHaveCount(0);
  expect(await stock()).toBe(before - 2);
});
