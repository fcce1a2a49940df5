/**
 * Polls and giveaways reach the backup device (issue 19): the primary's poll log is copied
 * with its show log, so a backup that takes over mid-poll has every vote, every entrant and
 * the seeded draw log, the poll overlay on air keeps its bar, and counting goes on from there.
 * Two devices as in 902 (two browser contexts reaching each other only through the relay); the
 * room's comments arrive as `room.events` (what POST /api/audience forwards).
 */
import { expect, test, type Page } from '@playwright/test';
import { backUp, goLive, openDevice } from './support/devices';
import { command } from './support/tool';

const chats = (...list: Array<[id: string, text: string]>) => ({
  events: list.map(([id, text]) => ({ type: 'chat', user: { id, name: id }, text })),
});

interface Polls {
  polls: Array<{ total: number; options: Array<{ label: string; votes: number }> }>;
  giveaways: Array<{
    entrants: number;
    draws: Array<{ seed: number; winner: { id: string } }>;
  }>;
}

async function polls(tool: Page): Promise<Polls> {
  const ack = await command(tool, 'report.get');
  expect(ack, ack.error).toMatchObject({ ok: true });
  return ack.result as Polls;
}

async function run(tool: Page, name: string, args: Record<string, unknown> = {}) {
  const ack = await command(tool, name, args);
  expect(ack, `${name}: ${ack.error}`).toMatchObject({ ok: true });
  return ack;
}

test('a backup that takes over mid-poll has the votes, the entrants and the draw log; the overlay keeps its bar', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await openDevice(browser);
  const b = await openDevice(browser);
  const screen = await browser.newContext();
  try {
    // The poll page on a third machine, over the relay: it shows whichever controller leads.
    const overlay = await screen.newPage();
    await overlay.goto('/overlay/poll.html?transport=relay');
    await goLive(a.tool);
    await run(a.tool, 'poll.open', { question: 'Which shade next?', options: ['Red', 'Blue'] });
    await run(a.tool, 'giveaway.open', { keyword: 'WIN', seconds: 5 });
    await run(
      a.tool,
      'room.events',
      chats(
        ['ann', '1'],
        ['bo', '2'],
        ['cy', 'blue'],
        ['ann', 'win'],
        ['bo', 'WIN'],
        ['dee', 'win'],
      ),
    );
    const card = overlay.locator('[data-overlay="poll"]');
    const bars = card.locator('.fc-poll-option');
    await expect(bars.nth(0)).toHaveAttribute('data-votes', '1');
    await expect(bars.nth(1)).toHaveAttribute('data-votes', '2');

    await backUp(b, a);
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'backup');
    // The giveaway's 5 s window closes on its own; then the primary draws with a known seed.
    await expect
      .poll(async () => (await command(a.tool, 'giveaway.draw', { seed: 12345 }, 'draw-1')).ok, {
        timeout: 15_000,
      })
      .toBe(true);
    const drawn = (await polls(a.tool)).giveaways[0]!.draws[0]!;
    await run(a.tool, 'room.events', chats(['eve', 'red']));
    // The backup answers its own browser's tools from its copy: every vote, entrant and draw.
    await expect
      .poll(async () => {
        const copy = await polls(b.tool);
        return {
          votes: copy.polls[0]?.options.map((o) => o.votes),
          entrants: copy.giveaways[0]?.entrants,
          draws: copy.giveaways[0]?.draws,
        };
      })
      .toEqual({ votes: [2, 2], entrants: 3, draws: [drawn] });
    await expect(bars.nth(0)).toHaveAttribute('data-votes', '2');

    // The primary's device dies; the backup takes over.
    await a.page.close();
    await a.tool.close();
    await expect(b.page.getByTestId('primary-silent')).toBeVisible({ timeout: 10_000 });
    await b.page.getByTestId('take-over').click();
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'primary');

    // A reloaded overlay hears the new primary alone: the same bar, with the copied counts.
    await overlay.reload();
    await expect(card.locator('.fc-poll-question')).toHaveText('Which shade next?');
    await expect(bars.nth(0)).toHaveAttribute('data-votes', '2');
    await expect(bars.nth(1)).toHaveAttribute('data-votes', '2');
    // Counting goes on from the copy: a changed mind moves a vote, a new voter adds one.
    await run(b.tool, 'room.events', chats(['bo', 'red'], ['fay', 'blue']));
    await expect(bars.nth(0)).toHaveAttribute('data-votes', '3');
    await expect(bars.nth(1)).toHaveAttribute('data-votes', '2');
    await expect(card.locator('.fc-poll-total')).toHaveText('5 votes');
    // A redraw on the new primary leaves the first winner out: the draw log came along.
    await run(b.tool, 'giveaway.draw', { seed: 777 });
    const after = (await polls(b.tool)).giveaways[0]!;
    expect(after.draws).toHaveLength(2);
    expect(after.draws[0]).toEqual(drawn);
    expect(after.draws[1]!.winner.id).not.toBe(drawn.winner.id);
    await run(b.tool, 'poll.close');
    await run(b.tool, 'poll.confirm');
    await expect(card).toHaveAttribute('data-poll', 'confirmed');
    await expect(card.locator('[data-winner]')).toHaveAttribute('data-option', '1');
  } finally {
    await screen.close();
    await b.context.close();
    await a.context.close();
  }
});
