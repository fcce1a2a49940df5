/**
 * The event log in real Chromium IndexedDB: a show driven through the real show runner
 * survives a page reload, and a runner re-created on the reloaded page resumes it exactly.
 *
 * Independent of the controller UI (being rebuilt elsewhere): a test-only harness page
 * (test/e2e/harness) is built with its own Vite config and served from node:http on a random
 * loopback port — IndexedDB needs an http(s) origin, and loopback counts as a secure one.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { makeSheet } from '../support/sheets';
import type { FlashcueHarness } from './harness/db-harness';
import { HARNESS_OUT_DIR as outDir } from './harness/vite.config';

const harnessConfig = fileURLToPath(new URL('./harness/vite.config.ts', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.map': 'application/json',
};

/** Serves outDir read-only; anything outside it or missing is a 404. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(
      join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// One build and one server for the file: its tests share them, so they run in one worker.
test.describe.configure({ mode: 'serial' });

let server: Server;
let origin = '';

test.beforeAll(async () => {
  await build({ configFile: harnessConfig, logLevel: 'warn' });
  server = await serve(outDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

declare global {
  interface Window {
    __flashcue?: FlashcueHarness;
  }
}

const T0 = Date.UTC(2026, 2, 15, 19, 0, 0);

test('a show logged to IndexedDB survives a reload and a new runner resumes it exactly', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/db-harness.html`);
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);

  const before = await page.evaluate(
    async ({ sheet, t0 }) => {
      const f = window.__flashcue!;
      const db = new f.FlashcueDb('flashcue-e2e');
      const show = await f.createShow(db, sheet, { now: t0 });
      // A clock the page controls, so the reloaded runner can be resumed at the same moment.
      let now = t0;
      const runner = await f.createShowRunner({ db, showId: show.id, clock: () => now });
      const script: Array<[number, unknown, string | undefined]> = [
        [0, { type: 'show.start' }, 'c1'],
        [1_000, { type: 'show.next' }, 'c2'],
        [2_000, { type: 'deal.start', seconds: 60 }, 'c3'],
        [3_000, { type: 'sale', quantity: 2 }, 'c4'],
        [1_000, { type: 'sale', buyer: 'anna' }, undefined],
        [500, { type: 'cue', text: 'Push the deal' }, undefined],
      ];
      const results = [];
      for (const [ms, command, commandId] of script) {
        now += ms;
        results.push(await runner.dispatch(command, commandId ? { commandId } : {}));
      }
      const snapshot = runner.getSnapshot();
      runner.stop();
      return { showId: show.id, now, results, value: snapshot.value, context: snapshot.context };
    },
    { sheet: makeSheet(), t0: T0 },
  );
  expect(before.results.map((r) => r.ok && r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(before.context.deal).toMatchObject({ productId: 'buds', endsAt: T0 + 63_000, sold: 3 });

  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toHaveCount(1);

  const after = await page.evaluate(
    async ({ showId, now }) => {
      const f = window.__flashcue!;
      const db = new f.FlashcueDb('flashcue-e2e');
      const rows = await f.loadEvents(db, showId);
      const show = await f.getShow(db, showId);
      const runner = await f.createShowRunner({ db, showId, clock: () => now });
      const snapshot = runner.getSnapshot();
      // The same command id re-sent after the reload is answered again, not applied again.
      const resent = await runner.dispatch({ type: 'sale', quantity: 2 }, { commandId: 'c4' });
      const stockAfterResend = runner.getSnapshot().context.stock;
      runner.stop();
      return {
        rows,
        show,
        value: snapshot.value,
        context: snapshot.context,
        resent,
        stockAfterResend,
      };
    },
    { showId: before.showId, now: before.now },
  );

  expect(after.rows.map((r) => [r.seq, r.event.type, r.commandId])).toEqual([
    [1, 'show.start', 'c1'],
    [2, 'show.next', 'c2'],
    [3, 'deal.start', 'c3'],
    [4, 'sale', 'c4'],
    [5, 'sale', null],
    [6, 'cue', null],
  ]);
  expect(after.show).toMatchObject({
    status: 'live',
    startedAt: T0,
    endedAt: null,
    runSheetId: 'sheet-test',
  });
  expect(after.value).toEqual(before.value);
  expect(after.context).toEqual(before.context);
  expect(after.resent).toEqual(before.results[3]);
  expect(after.stockAfterResend).toEqual(before.context.stock);
  expect(errors).toEqual([]);
});
