/**
 * Polls and giveaways from the live room (issue 19), as a producer runs them: the TikFinity
 * stand-in sends the comments, the Live screen opens, closes and confirms, and the poll page
 * (`/overlay/poll.html`) shows it on air in 16:9 and 9:16, clear of TikTok's bands. Time is
 * Playwright's fake clock, shared by the controller and the overlay (the giveaway's window).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { drawEntrant } from '../../shared/poll/draw';
import { baseSheet } from '../support/sheets';
import { startFakeTikFinity, type FakeTikFinity } from '../support/fakeTikFinity';
import { VIEWPORTS } from './fixtures/overlay/harness';
import { command, openTool } from './support/tool';

const SHOTS = 'test-results/screenshots';
/** TikTok's bands on a vertical stream (overlay/lib/safeZone.ts), in 1080×1920 pixels. */
const BANDS = [
  { x: 0, y: 0, w: 1080, h: 0.12 * 1920 },
  { x: 0.85 * 1080, y: 0.35 * 1920, w: 0.15 * 1080, h: 0.5 * 1920 },
  { x: 0, y: 0.72 * 1920, w: 1080, h: 0.28 * 1920 },
];

let fake: FakeTikFinity;
test.beforeEach(async () => {
  fake = await startFakeTikFinity();
});
test.afterEach(() => fake.close());

async function liveShow(context: BrowserContext, page: Page) {
  await context.clock.install();
  await page.goto(`/controller/#tikfinity=${encodeURIComponent(fake.url)}`);
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.getByRole('button', { name: /Start show/ }).click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
  await expect.poll(() => fake.clients()).toBe(1);
  // The room's status is refreshed on its sampling beat: comments count once it reads live.
  await context.clock.runFor(5_000);
  await expect(page.getByTestId('room-status')).toContainText('TikFinity: live');
  const overlay = await context.newPage();
  await overlay.setViewportSize(VIEWPORTS.landscape);
  await overlay.goto('/overlay/poll.html');
  return { tool, overlay };
}

const chat = (uniqueId: string, comment: string, nickname = uniqueId) =>
  fake.send('chat', { uniqueId, nickname, comment });

/** Both layouts: a screenshot each, the card on the canvas, and in 9:16 out of every band. */
async function bothLayouts(overlay: Page, card: string, name: string) {
  for (const layout of ['landscape', 'portrait'] as const) {
    await overlay.setViewportSize(VIEWPORTS[layout]);
    await overlay.goto(`/overlay/poll.html?layout=${layout}`);
    await expect(overlay.locator(card)).toHaveAttribute('data-state', 'in');
    const box = await overlay.locator(card).boundingBox();
    expect(box, `${name} ${layout}`).not.toBeNull();
    const { width, height } = VIEWPORTS[layout];
    expect(box!.x >= 0 && box!.y >= 0).toBe(true);
    expect(box!.x + box!.width <= width && box!.y + box!.height <= height).toBe(true);
    if (layout === 'portrait')
      for (const b of BANDS)
        expect(
          box!.x < b.x + b.w &&
            b.x < box!.x + box!.width &&
            box!.y < b.y + b.h &&
            b.y < box!.y + box!.height,
          `${name} overlaps a TikTok band`,
        ).toBe(false);
    await overlay.screenshot({ path: `${SHOTS}/${name}-${layout}.png` });
  }
}

test('chat votes move the bar; close, confirm, and the winner is on air', async ({
  context,
  page,
}) => {
  const { overlay } = await liveShow(context, page);
  const panel = page.getByTestId('poll-panel');
  await panel.getByTestId('poll-question-input').fill('Which shade next?');
  const options = panel.getByTestId('poll-option-input');
  await options.nth(0).fill('Red');
  await panel.getByRole('textbox', { name: 'Keywords of option 1' }).fill('红色, rojo');
  await options.nth(1).fill('Blue');
  await panel.getByTestId('poll-open').click();

  const card = overlay.locator('[data-overlay="poll"]');
  await expect(card).toHaveAttribute('data-poll', 'open');
  await expect(card.locator('.fc-poll-question')).toHaveText('Which shade next?');
  await expect(card.locator('.fc-poll-state')).toHaveText('Comment 1 / 2 to vote');

  chat('ann', '1');
  chat('bo', 'blue please');
  chat('cy', '我要红色');
  chat('dee', 'ＢＬＵＥ');
  chat('ann', '2'); // changes her mind: the last vote counts
  chat('eve', 'hello'); // not a vote
  chat('fay', 'red or blue?'); // two options named: no vote
  const bars = card.locator('.fc-poll-option');
  await expect(bars.nth(0)).toHaveAttribute('data-votes', '1');
  await expect(bars.nth(1)).toHaveAttribute('data-votes', '3');
  await expect(bars.nth(1).locator('.fc-poll-percent')).toHaveText('75%');
  await expect(card.locator('.fc-poll-total')).toHaveText('4 votes');
  await expect(panel.getByTestId('poll-bar').nth(1)).toHaveAttribute('data-votes', '3');

  await panel.getByTestId('poll-close').click();
  await expect(panel.getByTestId('poll-result')).toHaveText('Winner: Blue (3 votes)');
  chat('gus', '1'); // after the close: not counted
  await expect(card.locator('.fc-poll-state')).toHaveText('Voting closed');
  // The producer confirms before anything is called a winner on air.
  await expect(card.locator('[data-winner]')).toHaveCount(0);
  await panel.getByTestId('poll-confirm').click();
  await expect(card).toHaveAttribute('data-poll', 'confirmed');
  await expect(card.locator('[data-winner]')).toHaveAttribute('data-option', '2');
  await expect(card.locator('.fc-poll-state')).toHaveText('Winner');
  await expect(bars.nth(0)).toHaveAttribute('data-votes', '1');
  await bothLayouts(overlay, '[data-overlay="poll"]', 'poll-confirmed');
});

test('a giveaway accounts for every entrant, draws on air, and redraws repeatably', async ({
  context,
  page,
}) => {
  const { tool, overlay } = await liveShow(context, page);
  const panel = page.getByTestId('giveaway-panel');
  await panel.getByTestId('giveaway-keyword').fill('WIN');
  await panel.getByTestId('giveaway-seconds').fill('60');
  await panel.getByTestId('giveaway-open').click();
  const card = overlay.locator('[data-overlay="giveaway"]');
  await expect(card).toHaveAttribute('data-giveaway', 'open');
  await expect(card.locator('.fc-giveaway-line')).toHaveText('Comment WIN to enter');

  chat('ann', 'win', 'Ann');
  chat('bo', 'WIN!!', 'Bo');
  chat('ann', 'win win', 'Ann'); // the same viewer: once
  chat('xss', 'ｗｉｎ', '<img src=x onerror=alert(1)>');
  chat('long', 'win', 'L'.repeat(200));
  chat('bidi', 'win', '\u202Eevil');
  chat('cy', 'winner', 'Cy'); // not the keyword
  fake.send('chat', { uniqueId: 'huge', nickname: 'H'.repeat(10_240), comment: 'win' }); // refused
  const expected = ['Ann', 'Bo', '<img src=x onerror=alert(1)>', `${'L'.repeat(32)}…`, 'evil'];
  const entrants = panel.getByTestId('giveaway-entrant');
  await expect(entrants).toHaveCount(expected.length);
  await expect(card.locator('.fc-giveaway-count')).toHaveText('5 entered');

  // The window runs on the fake clock; a comment after it is not an entry.
  await expect(panel.getByTestId('giveaway-draw')).toBeDisabled();
  await context.clock.runFor(61_000);
  chat('late', 'win', 'Late');
  await expect(card).toHaveAttribute('data-giveaway', 'closed');
  await expect(card.locator('.fc-giveaway-line')).toHaveText('Entries closed');
  expect((await entrants.allTextContents()).sort()).toEqual([...expected].sort());

  await panel.getByTestId('giveaway-draw').click();
  const shown = card.locator('.fc-giveaway-winner');
  await expect(card).toHaveAttribute('data-giveaway', 'drawn');
  const first = (await shown.textContent()) ?? '';
  expect(expected).toContain(first);
  await expect(panel.getByTestId('giveaway-winner')).toContainText(first);
  await expect(shown.locator('*')).toHaveCount(0); // text, never markup
  await bothLayouts(overlay, '[data-overlay="giveaway"]', 'giveaway-winner');

  // A redraw from the command API: logged with its seed, never the same winner, and the draw
  // is repeatable from the entrants the producer sees and that seed.
  const ack = await command(tool, 'giveaway.draw', {}, 'redraw-1');
  expect(ack).toMatchObject({ ok: true });
  const drawn = (ack.result as { events: Array<{ seed: number; winner: { name: string } }> })
    .events[0]!;
  const seen = await entrants.evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-entrant')!, name: el.textContent })),
  );
  const exclude = new Set(seen.filter((e) => e.name === first).map((e) => e.id));
  expect(drawEntrant(seen, drawn.seed, exclude)?.name).toBe(drawn.winner.name);
  expect(drawn.winner.name).not.toBe(first);
  await expect(shown).toHaveText(drawn.winner.name);
  await expect(shown).toHaveAttribute('data-draw', '2');
  // The same command id again is answered again, not drawn again.
  expect(await command(tool, 'giveaway.draw', {}, 'redraw-1')).toEqual(ack);
  await expect(shown).toHaveAttribute('data-draw', '2');
});
