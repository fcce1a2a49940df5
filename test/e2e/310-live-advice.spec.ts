/**
 * Advice when the show runs long: with two earlier shows in the history, a show that overruns
 * by 6 minutes (fake clock) is offered ranked fixes whose reasons come from those shows; one
 * click applies the first and the projected end is back on plan.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunSheetInput } from '../../shared/runsheet';
import { drive, T0 } from '../support/driver';
import { baseSheet, makeSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

const MIN = 60_000;
const WEEK = 7 * 24 * 60 * MIN;

/** 29 minutes: open 2, buds 5, flash 2, mask 6, lamp 8, break 2, poll 1, close 3. */
function adviceSheet(): RunSheetInput {
  const s = baseSheet();
  s.id = 'advice-show';
  s.show.title = 'Weekly glow';
  s.show.durationSec = 29 * 60;
  s.segments.find((x) => x.id === 's-mask')!.durationSec = 6 * 60;
  s.segments.splice(4, 0, { id: 's-lamp', kind: 'product', productId: 'lamp', durationSec: 480 });
  s.segments.splice(5, 0, { id: 'pause', kind: 'break', durationSec: 120 });
  return s;
}

/** An ended show `weeksAgo` weeks before this one: the lamp sells far better than the mask. */
function pastShow(weeksAgo: number) {
  const sheet = makeSheet((s) => Object.assign(s, adviceSheet()));
  const d = drive(sheet);
  d.ok({ type: 'show.start' });
  d.advance(2 * MIN);
  d.ok({ type: 'show.next' });
  d.ok({ type: 'sale', quantity: 2 });
  d.advance(7 * MIN);
  d.ok({ type: 'show.goto', index: 3 });
  d.ok({ type: 'sale', productId: 'mask', quantity: 1 });
  d.advance(6 * MIN);
  d.ok({ type: 'show.goto', index: 4 });
  d.ok({ type: 'sale', productId: 'lamp', quantity: 6 });
  d.advance(8 * MIN);
  d.ok({ type: 'show.end' });
  const shift = weeksAgo * WEEK;
  const events = d.log.map((event, i) => ({
    seq: i + 1,
    commandId: null,
    event: { ...event, at: event.at - shift },
  }));
  return {
    format: 'flashcue.show',
    version: 1,
    exportedAt: new Date(T0).toISOString(),
    show: {
      id: `past-${weeksAgo}`,
      runSheetId: 'advice-show',
      status: 'ended',
      createdAt: T0 - shift - MIN,
      startedAt: T0 - shift,
      endedAt: events.at(-1)!.event.at,
      changes: '',
      term: 1,
    },
    sheet,
    events,
  };
}

async function importShow(page: Page, archive: object, name: string) {
  await page.goto('/controller/#/report');
  await page.getByTestId('import-show-input').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(archive)),
  });
  await expect(page).toHaveURL(/#\/report\/past-/);
}

test('a show 6 min over is offered a ranked fix from two past shows; one click lands it on plan', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await importShow(page, pastShow(2), 'two-weeks-ago.json');
  await importShow(page, pastShow(1), 'last-week.json');

  await page.clock.install({ time: new Date(T0) }); // 03:00 in Shanghai, the sheet's zone
  await page.goto('/controller/');
  // The controller answers commands once it has started (under load that takes a while).
  await expect(page.getByTestId('no-show')).toBeVisible();
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: adviceSheet() })).toMatchObject({
    ok: true,
  });
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  // The opening runs 8 minutes instead of 2.
  await page.clock.fastForward(8 * MIN);
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  await expect(page.getByTestId('projected-end')).toContainText('03:35');

  const advice = page.getByTestId('advice');
  await expect(advice).toContainText('Running 6 min long');
  const proposals = advice.getByTestId('proposal');
  await expect(proposals.first()).toHaveAttribute('data-proposal', 'trim-weakest');
  await expect(proposals.first()).toContainText('in past shows');
  await expect(proposals.first()).toContainText('the last call is kept');
  // Planned end 03:29; the clock runs on a few seconds between commands and cuts round up
  // to 15 s, so the fix may land up to 15 s early: within a minute of plan either way.
  const onPlan = /03:2[89]/;
  await expect(proposals.first().getByTestId('proposal-end')).toHaveText(onPlan);

  // The same advice on the command API.
  const api = await command(tool, 'show.advice');
  expect(api.ok).toBe(true);
  const result = api.result as {
    proposals: Array<{ id: string; reasons: string[]; segments: Array<{ index: number }> }>;
  };
  expect(result.proposals.map((p) => p.id)).toEqual(['trim-weakest', 'trim-evenly']);

  await proposals.first().getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('projected-end')).toContainText(onPlan);
  await expect(advice).toHaveCount(0);

  // The report's plan-vs-actual marks what the click changed: when, which proposal, before → after.
  // A replanned segment goes on air, so its row in the timeline carries the mark.
  const replanned = result.proposals[0]!.segments[0]!.index;
  expect(await command(tool, 'show.goto', { index: replanned })).toMatchObject({ ok: true });
  await page.clock.fastForward(MIN);
  expect(await command(tool, 'show.end')).toMatchObject({ ok: true });
  await page.getByTestId('open-report').click();
  const replan = page.getByTestId('replan-row');
  await expect(replan).toHaveCount(1);
  await expect(replan).toContainText('At 8:');
  await expect(replan).toContainText('proposal “trim-weakest”');
  await expect(replan.getByTestId('replan-change').first()).toContainText(
    /planned \d+:\d\d → \d+:\d\d/,
  );
  await expect(page.getByTestId('replanned-mark').first()).toBeVisible();
});
