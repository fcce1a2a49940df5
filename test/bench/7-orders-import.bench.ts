/**
 * Figure 7 — importing the platform's orders: a 20,000-line TikTok Shop export (generated
 * here, every order inside the show's window) picked on the Report screen of a finished
 * show. Measured from the file being set to the preview (read in 1 MB chunks + parsed), and
 * from "Import" to the platform's totals on screen (stored in IndexedDB + reconciled).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { skuShowArchive } from '../support/orderShow';
import { record, round, test } from './support/bench';
import { installProbe } from './support/probe';

const LINES = 20_000;

function bigExport(): { csv: string; gmv: number } {
  const text = readFileSync('test/fixtures/orders/tiktok-us.csv', 'utf8');
  const [head, , first] = text.split('\r\n');
  const out = [head!];
  // Every order inside the 13-minute show: 03:00:00–03:13:19 local, one per 40 ms.
  for (let i = 0; i < LINES; i++) {
    const sec = Math.floor((i * 799) / LINES);
    const time = `3/16/2026 3:${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')} AM`;
    out.push(
      first!
        .replace('576000000000000001', String(576200000000000000n + BigInt(i)))
        .replaceAll('3/16/2026 3:01:02 AM', time),
    );
  }
  return { csv: out.join('\r\n'), gmv: LINES * 29900 };
}

test('7 · orders import', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const { csv } = bigExport();
  await installProbe(page, { longtasks: true });
  await page.goto('/controller/#/report');
  await page.getByTestId('import-show-input').setInputFiles({
    name: 'show.json',
    mimeType: 'application/json',
    buffer: Buffer.from(skuShowArchive('bench-orders')),
  });
  await expect(page).toHaveURL(/#\/report\/bench-orders$/);
  const path = testInfo.outputPath('tiktok-20000.csv');
  writeFileSync(path, csv);
  const since = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  // Picked from disk as a person would: a buffer handed to setInputFiles is decoded inside the
  // page by Playwright itself, one task of seconds that is not the app's.
  await page.getByTestId('orders-file').setInputFiles(path);
  await expect(page.getByTestId('orders-preview')).toContainText(
    `${LINES.toLocaleString('en')} lines`,
    {
      timeout: 120_000,
    },
  );
  const parsedMs = Date.now() - t0;
  const t1 = Date.now();
  await page.getByTestId('orders-import').click();
  await expect(page.getByTestId('platform-units').getByTestId('platform-value')).toHaveText(
    LINES.toLocaleString('en'),
    { timeout: 120_000 },
  );
  const storedMs = Date.now() - t1;
  const total = parsedMs + storedMs;
  // The Report screen must stay responsive through both steps: no task over 200 ms.
  const tasks = (await page.evaluate(() => window.__bench.longtasks)).filter(
    (t) => t.start >= since,
  );
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const over = tasks.filter((t) => t.duration > 200);
  await record(testInfo, {
    id: '7',
    figure: 'orders import, 20,000-line TikTok export',
    measured: `${(total / 1000).toFixed(2)} s (read + parse ${(parsedMs / 1000).toFixed(2)} s, store + reconcile ${(storedMs / 1000).toFixed(2)} s; ${(csv.length / 1024 / 1024).toFixed(1)} MB)`,
    floor: null,
    goal: '≤ 10 s',
    pass: total <= 10_000,
    method:
      'Report screen of a finished show: file set → preview shown (CSV read in 1 MB chunks, parsed, in-window figures), then Import → platform totals shown (IndexedDB write, reconciliation)',
    values: { lines: LINES, parsedMs: round(parsedMs), storedMs: round(storedMs), totalMs: total },
  });
  await record(testInfo, {
    id: '7r',
    figure: 'Report screen during the 20,000-line import: longest task',
    measured: `${longest.toFixed(0)} ms (${over.length} tasks over 200 ms, ${tasks.length} over 50 ms)`,
    floor: null,
    goal: 'no task > 200 ms',
    pass: over.length === 0,
    method:
      "PerformanceObserver('longtask') in the controller page (Chromium reports tasks over 50 ms), from the file being set to the platform's totals on screen: reading, parsing, storing and reconciling.",
    values: {
      longtasks: tasks.map((t) => ({ start: round(t.start), duration: round(t.duration) })),
    },
  });
});
