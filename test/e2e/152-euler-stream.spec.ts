/**
 * Euler Stream as a new user meets it: the API key is entered on the Integrations page, the
 * `npm start` server keeps it and connects (here to the stand-in, test/support/fakeEuler.ts,
 * through the test-only FLASHCUE_EULER_URL), and the room's viewers and questions arrive on
 * the Live screen on their own. The key never reaches the page: not in any answer the page
 * receives, not in IndexedDB.
 */
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { startFakeEuler, user, type FakeEuler } from '../support/fakeEuler';
import { startOwnServer, type OwnServer } from './support/ownServer';
import { command } from './support/tool';

const KEY = 'euler_e2e_secret_7f3a91';
let fake: FakeEuler;
let server: OwnServer;
test.beforeEach(async () => {
  fake = await startFakeEuler({ apiKey: KEY, live: ['shop_ann'] });
  server = await startOwnServer({ FLASHCUE_EULER_URL: fake.url });
});
test.afterEach(async () => {
  server?.stop();
  await fake?.close();
});

/** Every IndexedDB database of the page, every store, as one JSON text. */
const indexedDbText = (page: Page) =>
  page.evaluate(async () => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const all = db.transaction(name).objectStore(name).getAll();
        out.push(await new Promise((resolve) => (all.onsuccess = () => resolve(all.result))));
      }
      db.close();
    }
    return JSON.stringify(out);
  });

test('key entered → viewers and a question arrive on the Live screen; the key never reaches the page', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/')) void response.text().then((t) => bodies.push(t));
  });

  await page.goto(`${server.base}/controller/#/integrations`);
  const panel = page.getByTestId('euler-panel');
  await expect(panel.getByTestId('euler-key')).toContainText('not set');
  await panel.getByTestId('euler-key-input').fill(KEY);
  await panel.getByTestId('euler-creator').fill('@shop_ann');
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(panel.getByTestId('euler-key')).toContainText('set (kept on this server)');
  await expect(panel.getByTestId('euler-key-input')).toHaveValue('');
  await expect(panel.getByTestId('euler-status')).toHaveAttribute('data-state', 'live');

  const tool = await context.newPage();
  await tool.goto(`${server.base}/overlay/ticker.html?transport=broadcast`);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.goto(`${server.base}/controller/#/live`);
  await page.getByRole('button', { name: /Start show/ }).click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');

  // The server hands the room on only while a show runs: send until the peak shows.
  const question = page.getByTestId('room-question');
  await expect(async () => {
    fake.send([
      { type: 'WebcastRoomUserSeqMessage', data: { viewerCount: 640 } },
      { type: 'WebcastChatMessage', data: { user: user('bo', '<b>Bo</b>'), comment: 'price?' } },
    ]);
    await expect(page.getByTestId('room-peak')).toHaveText('640', { timeout: 2500 });
  }).toPass({ timeout: 20_000 });
  await expect(question.first()).toContainText('<b>Bo</b>: price?');

  await page.goto(`${server.base}/controller/#/integrations`);
  await expect(page.getByTestId('euler-status')).toContainText(/[1-9]\d* events taken/);
  expect(bodies.length).toBeGreaterThan(2);
  for (const body of bodies) expect(body).not.toContain(KEY);
  expect(await indexedDbText(page)).not.toContain(KEY);
  expect(fake.queries.at(-1)).toMatchObject({ uniqueId: 'shop_ann', apiKey: KEY });
});
