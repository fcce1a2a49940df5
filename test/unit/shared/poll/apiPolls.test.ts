// report.get's polls and giveaways: the figures a tool reads, in the report's conventions, and
// a draw an auditor can replay from the answer alone (its seed and the entrant count).
import { describe, expect, it } from 'vitest';
import { apiPolls } from '../../../../shared/poll/apiPolls';
import { createChatReader } from '../../../../shared/poll/chat';
import { decidePoll, type PollCommandName } from '../../../../shared/poll/decide';
import { applyPollEvent, emptyPollRoom, type PollRoom } from '../../../../shared/poll/state';

function drive() {
  let room: PollRoom = emptyPollRoom();
  const read = createChatReader();
  const run = (command: PollCommandName, args: unknown, at: number, seed = 7) => {
    const d = decidePoll(room, command, args, at, () => seed);
    if (!d.ok) throw new Error(d.error);
    for (const e of d.events) room = applyPollEvent(room, e);
  };
  const chat = (id: string, text: string, at: number) => {
    for (const e of read(room, { id, name: `@${id}` }, text, at)) room = applyPollEvent(room, e);
  };
  return { run, chat, room: () => room };
}

describe('apiPolls', () => {
  it('is empty for a show without polls or giveaways', () => {
    expect(apiPolls(emptyPollRoom())).toEqual({ polls: [], giveaways: [] });
  });

  it('gives each poll its votes and shares (fractions) and what was confirmed', () => {
    const d = drive();
    d.run('poll.open', { question: 'Which shade?', options: ['Red', 'Blue', 'Gold'] }, 1_000);
    d.chat('ann', '1', 1_100);
    d.chat('bo', '1', 1_200);
    d.chat('cy', 'blue', 1_300);
    d.chat('dee', '1', 1_400);
    expect(apiPolls(d.room()).polls[0]).toMatchObject({ state: 'open', total: 4, winners: [] });
    d.run('poll.close', {}, 2_000);
    d.run('poll.confirm', {}, 2_100);
    const [poll] = apiPolls(d.room()).polls;
    expect(poll).toEqual({
      id: expect.any(String) as string,
      question: 'Which shade?',
      state: 'confirmed',
      openedAt: 1_000,
      closedAt: 2_000,
      total: 4,
      options: [
        { label: 'Red', votes: 3, share: 0.75 },
        { label: 'Blue', votes: 1, share: 0.25 },
        { label: 'Gold', votes: 0, share: 0 },
      ],
      winners: ['Red'],
      onAir: true,
    });
    d.run('poll.clear', {}, 2_200);
    expect(apiPolls(d.room()).polls[0]).toMatchObject({ onAir: false, winners: ['Red'] });
  });

  it('gives each giveaway its entrant count, window, and every draw with its seed', () => {
    const d = drive();
    d.run('giveaway.open', { keyword: 'WIN', seconds: 60 }, 10_000);
    for (const [i, id] of ['zed', 'amy', 'kim'].entries()) d.chat(id, 'win', 11_000 + i);
    d.chat('amy', 'WIN', 12_000); // entered once
    d.chat('late', 'win', 70_000); // after the window
    expect(apiPolls(d.room()).giveaways[0]).toMatchObject({ entrants: 3, winner: null });
    d.run('giveaway.draw', { seed: 42 }, 71_000);
    d.run('giveaway.draw', { seed: 43 }, 72_000);
    const [g] = apiPolls(d.room()).giveaways;
    expect(g).toMatchObject({
      keyword: 'WIN',
      seconds: 60,
      openedAt: 10_000,
      endsAt: 70_000,
      entrants: 3,
      onAir: true,
    });
    expect(g!.draws.map((x) => x.seed)).toEqual([42, 43]);
    expect(new Set(g!.draws.map((x) => x.winner.id)).size).toBe(2);
    expect(g!.winner).toEqual(g!.draws[1]!.winner);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });
});
