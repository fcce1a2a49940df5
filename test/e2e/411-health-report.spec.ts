/**
 * The stream-health record end to end (issue 19): a show runs against a stand-in of OBS's stats
 * answer (the fake obs-websocket of the unit tests) on a paused page clock moved by hand in
 * two-second steps — three simulated minutes in a few real seconds. The stand-in drops 12 of
 * every 100 frames through the show's second minute, the controller is reloaded in the middle of
 * it, the viewers fall from 500 to 300 at 2:00, the show ends; the Report screen draws the
 * minutes under the viewer curve with the second one in trouble and ties the fall to it, in
 * English and in Chinese.
 */
import { expect, test, type Page } from '@playwright/test';
import { startFakeObs } from '../support/fakeObs';
import { baseSheet } from '../support/sheets';
import { statsStandIn } from './support/obsStats';
import { command, openTool } from './support/tool';

const T0 = Date.UTC(2026, 2, 15, 19, 0, 0);
const STEP = 2_000;

/** Two seconds on, and wait until the controller has read OBS once more (the pill changed). */
async function step(page: Page, times = 1) {
  const pill = page.getByTestId('stream-health').getByRole('status');
  for (let i = 0; i < times; i++) {
    const before = await pill.textContent();
    await page.clock.fastForward(STEP);
    await expect(pill).not.toHaveText(before ?? '');
  }
}

/** The id of the show on air, as stored. */
function liveShowId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('flashcue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('shows').objectStore('shows').getAll();
          all.onsuccess = () => {
            open.result.close();
            const rows = all.result as Array<{ id: string; status: string }>;
            resolve(rows.find((r) => r.status === 'live')!.id);
          };
        };
      }),
  );
}

/** A minute of the health record as stored in IndexedDB (the recorder's own table). */
function storedFrames(page: Page, showId: string, minute: number): Promise<number> {
  return page.evaluate(
    ({ showId, minute }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('flashcue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result
            .transaction('healthMinutes')
            .objectStore('healthMinutes')
            .get([showId, minute]);
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { frames?: number } | undefined)?.frames ?? 0);
          };
        };
      }),
    { showId, minute },
  );
}

test('frames dropped in a minute: the strip shows it under the viewer curve and ties the fall to it, in English and Chinese; a reload keeps what was recorded', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const fake = await startFakeObs();
  // OBS's running totals: 100 frames a read, `dropping` of them lost; bytes grow so the pill's
  // kbps rises with every read (its text changing is how the test knows a read arrived).
  const obs = statsStandIn(fake, { frames: 100, bytes: (reads) => 125_000 * reads ** 2 });
  try {
    await page.clock.install({ time: T0 - 1_000 });
    await page.clock.pauseAt(T0);
    const url = `/controller/#obs=${encodeURIComponent(fake.url)}`;
    await page.goto(url);
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
    const tool = await openTool(context);
    const ok = async (name: string, args: Record<string, unknown> = {}) =>
      expect(await command(tool, name, args), name).toMatchObject({ ok: true });
    await ok('runsheet.load', { runSheet: baseSheet() });
    await expect(page.getByTestId('stream-health')).toHaveAttribute('data-level', 'good');
    await ok('show.start');
    await ok('viewers', { concurrent: 500 });
    const showId = await liveShowId(page);

    await step(page, 29); // 0:58, a calm first minute
    obs.dropping = 12; // 12 of every 100 frames from the read at 1:00
    await step(page, 15); // 1:28
    await expect(page.getByTestId('stream-health')).toHaveAttribute('data-level', 'bad');
    await expect.poll(() => storedFrames(page, showId, T0 + 60_000)).toBeGreaterThan(0);
    const beforeReload = await storedFrames(page, showId, T0 + 60_000);

    await page.reload(); // the clock stays where it was, paused
    await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
    await expect(page.getByTestId('stream-health')).toBeVisible();
    await step(page, 15); // 1:58, the last read dropping frames
    obs.dropping = 0;
    await step(page); // 2:00
    await ok('viewers', { concurrent: 300 });
    await step(page, 5); // 2:10
    await ok('show.end');
    await step(page); // the next read after the end writes what the recorder held
    // Nothing recorded before the reload was lost: the reloaded controller counted at least 14
    // reads of 100 frames (1:32–1:58; the first read of a new link counts nothing) on top of it.
    await expect
      .poll(() => storedFrames(page, showId, T0 + 60_000))
      .toBeGreaterThanOrEqual(beforeReload + 1_400);
    await expect.poll(() => storedFrames(page, showId, T0 + 120_000)).toBeGreaterThan(0);
    await page.clock.resume();
    const report = `#/report/${showId}`;

    for (const [lang, sentence] of [
      ['en', 'Viewers fell at 2:00 — 12% frames dropped.'],
      ['zh-CN', '观众在 2:00 下降 —— 丢帧 12%。'],
    ] as const) {
      await page.goto(`/controller/?lang=${lang}${report}`);
      const chart = page.getByTestId('chart-viewers');
      await expect(chart.locator('[data-rendered="true"] svg').first()).toBeVisible();
      const cells = chart.getByTestId('health-minute');
      await expect(cells).toHaveCount(3);
      expect(
        await cells.evaluateAll((list) => list.map((c) => c.getAttribute('data-level'))),
      ).toEqual(['good', 'bad', 'good']);
      await expect(cells.nth(1)).toHaveAttribute('data-from', '60000');
      await expect(chart.getByTestId('health-note')).toHaveText(sentence);
      await chart.screenshot({ path: `test-results/screenshots/411-health-strip-${lang}.png` });
      // The trouble cell sits under the curve's second minute: from the chart's own axis tick
      // at 1 to its tick at 2 (the strip and the curve share one x scale).
      const tickX = async (label: RegExp) => {
        const box = await chart
          .locator('g[aria-label="x-axis tick label"] text')
          .filter({ hasText: label })
          .first()
          .boundingBox();
        return box!.x + box!.width / 2;
      };
      const [one, two] = [await tickX(/^1(\.0)?$/), await tickX(/^2(\.0)?$/)];
      const cell = (await cells.nth(1).boundingBox())!;
      expect(Math.abs(cell.x - one), 'left edge at 1:00').toBeLessThan(2);
      expect(Math.abs(cell.x + cell.width - two), 'right edge at 2:00').toBeLessThan(2);
    }
  } finally {
    await fake.stop();
  }
});
