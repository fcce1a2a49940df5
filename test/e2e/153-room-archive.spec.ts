// The live room goes with the show file (issue 17, show file version 2): a show that heard a
// room is exported, imported in another browser, and its report's room table reads the same.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

const roomRows = (page: Page) => page.getByTestId('room-report-row').allInnerTexts();

/** The kept room's answered count, read straight from IndexedDB (written at most a second late). */
const keptAnswered = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('flashcue');
        open.onsuccess = () => {
          const all = open.result.transaction('rooms').objectStore('rooms').getAll();
          all.onsuccess = () => {
            const rows = all.result as Array<{
              room: { tally: Record<string, { answered: number }> };
            }>;
            open.result.close();
            resolve(
              rows.reduce(
                (n, r) => n + Object.values(r.room.tally).reduce((s, c) => s + c.answered, 0),
                0,
              ),
            );
          };
        };
      }),
  );

test('a show that heard a room: exported, imported elsewhere, the same room table', async ({
  page,
  context,
  browser,
}) => {
  test.slow(); // two browsers' worth of controller, a show, an export and an import
  await page.goto('/controller/');
  const tool = await openTool(context);
  const loaded = await command(tool, 'runsheet.load', { runSheet: baseSheet() });
  const showId = (loaded.result as { showId: string }).showId;
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  const user = (name: string) => ({ id: name.toLowerCase(), name });
  // The generic input's events (POST /api/audience forwards the same as `room.events`).
  expect(
    await command(tool, 'room.events', {
      events: [
        { type: 'viewers', count: 120 },
        { type: 'chat', user: user('Ann'), text: 'price?' },
        { type: 'chat', user: user('Bo'), text: 'love it' },
        { type: 'chat', user: user('Cy'), text: 'does it ship to Perth?' },
        { type: 'like', count: 40 },
        { type: 'follow', user: user('Bo') },
      ],
    }),
  ).toMatchObject({ ok: true, result: { taken: 6 } });
  const question = page.getByTestId('room-question').filter({ hasText: 'price?' });
  await question.getByRole('button', { name: 'Answered' }).click();
  await expect(question).toHaveCount(0);

  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  expect(
    await command(tool, 'room.events', {
      events: [
        { type: 'gift', user: user('Ann'), gift: 'Rose', count: 5, diamonds: 5 },
        { type: 'share', user: user('Cy') },
        { type: 'chat', user: user('Di'), text: 'size?' },
      ],
    }),
  ).toMatchObject({ ok: true });
  expect(await command(tool, 'viewers', { concurrent: 150 })).toMatchObject({ ok: true });
  await expect(page.getByTestId('room-question')).toHaveCount(2);
  expect(await command(tool, 'show.end')).toMatchObject({ ok: true });
  await expect.poll(() => keptAnswered(page)).toBe(1);

  await page.goto(`/controller/#/report/${showId}`);
  const rows = page.getByTestId('room-report-row');
  await expect(rows.first()).toContainText('2 (1)'); // the opening: two questions, one answered
  await expect(rows.nth(1)).toContainText('1 (0)');
  const before = await roomRows(page);
  expect(before.join('\n')).toContain('120');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(file)).toMatchObject({ version: 2, room: { questions: { nextId: 4 } } });

  // Another browser: nothing stored, the file brings the show and its room.
  const elsewhere = await browser.newContext();
  try {
    const there = await elsewhere.newPage();
    await there.goto('/controller/#/report');
    await there.getByTestId('import-show-input').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await expect(there).toHaveURL(new RegExp(`#/report/${showId}$`));
    await expect(there.getByTestId('room-report-row')).toHaveCount(before.length);
    expect(await roomRows(there)).toEqual(before);
  } finally {
    await elsewhere.close();
  }
});
