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
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('flashcue');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('rooms')) return resolve(null);
          const all = db.transaction('rooms').objectStore('rooms').getAll();
          all.onsuccess = () => {
            const rows = all.result as Array<{ room: { questions: { pinnedId: string | null } } }>;
            resolve(rows[0]?.room.questions.pinnedId ?? null);
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
  await expect.poll(() => keptPin(page)).toBe('q1');
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
});
