// A poll and a giveaway driven as the controller drives them: commands decided, chat read,
// every event applied — then the log replayed from scratch gives the same state.
import { describe, expect, it } from 'vitest';
import { createChatReader } from '../../../../shared/poll/chat';
import { decidePoll, type PollCommandName } from '../../../../shared/poll/decide';
import { drawEntrant } from '../../../../shared/poll/draw';
import { PollEventSchema, type PollEvent } from '../../../../shared/poll/events';
import { pollLines } from '../../../../shared/poll/report';
import { pollResults, percentages } from '../../../../shared/poll/results';
import { pollScreens } from '../../../../shared/poll/screen';
import {
  applyPollEvent,
  currentPoll,
  emptyPollRoom,
  replayPolls,
  type PollRoom,
} from '../../../../shared/poll/state';

function harness() {
  let room: PollRoom = emptyPollRoom();
  const log: PollEvent[] = [];
  const read = createChatReader();
  const take = (events: PollEvent[]) => {
    for (const e of events) {
      expect(PollEventSchema.parse(e)).toEqual(e);
      log.push(e);
      room = applyPollEvent(room, e);
    }
  };
  return {
    get room() {
      return room;
    },
    log,
    run(command: PollCommandName, args: unknown, at: number, seed = 1) {
      const d = decidePoll(room, command, args, at, () => seed);
      if (d.ok) take(d.events);
      return d;
    },
    chat(id: string, text: string, at: number) {
      take(read(room, { id, name: id.toUpperCase() }, text, at));
    },
  };
}

describe('poll', () => {
  it('counts one vote per viewer (the last one), closes, states a tie, confirms', () => {
    const h = harness();
    expect(
      h.run(
        'poll.open',
        { question: 'Next product?', options: ['Serum', { label: 'Mask', keywords: ['面膜'] }] },
        1000,
      ),
    ).toMatchObject({ ok: true });
    h.chat('ann', '1', 1100);
    h.chat('bo', 'mask!', 1200);
    h.chat('cy', '面膜', 1300);
    h.chat('ann', '2', 1400); // changes her mind: the last vote counts
    h.chat('ann', '2', 1500); // a repeat logs nothing
    h.chat('dee', 'hello', 1600);
    expect(currentPoll(h.room)?.counts).toEqual([0, 3]);
    h.chat('ed', '1', 1700);
    h.chat('fay', 'serum', 1800);
    h.chat('gus', 'serum', 1900);
    expect(pollResults(currentPoll(h.room)!)).toMatchObject({
      counts: [3, 3],
      tie: true,
      leaders: [0, 1],
    });
    expect(h.run('poll.confirm', {}, 2000)).toMatchObject({ ok: false, code: 'poll_not_closed' });
    expect(h.run('poll.close', {}, 2000)).toMatchObject({ ok: true });
    h.chat('late', '1', 2100); // after the close: not counted
    expect(currentPoll(h.room)?.counts).toEqual([3, 3]);
    expect(h.run('poll.confirm', { option: 3 }, 2200)).toMatchObject({
      ok: false,
      code: 'poll_not_leader',
    });
    expect(h.run('poll.confirm', { option: 2 }, 2200)).toMatchObject({ ok: true });
    expect(pollScreens(h.room, 2300).poll).toMatchObject({
      state: 'confirmed',
      winners: [1],
      total: 6,
    });
    expect(h.log.filter((e) => e.type === 'poll.vote')).toHaveLength(7);
    // Replaying the log gives the same state (the reload path).
    expect(replayPolls(h.log)).toEqual(h.room);
  });

  it('refuses what does not make sense, with codes', () => {
    const h = harness();
    expect(h.run('poll.close', {}, 1)).toMatchObject({ ok: false, code: 'poll_none_open' });
    expect(h.run('poll.open', { question: 'Q', options: ['only one'] }, 1)).toMatchObject({
      ok: false,
      code: 'poll_invalid',
      error: 'poll.open was refused: options needs 2 to 4 options.',
    });
    expect(h.run('poll.open', { question: ' ', options: ['a', 'b'] }, 1)).toMatchObject({
      ok: false,
      error: 'poll.open was refused: question is empty.',
    });
    h.run('poll.open', { question: 'Q', options: ['a', 'b'] }, 1);
    expect(h.run('poll.open', { question: 'Q2', options: ['a', 'b'] }, 2)).toMatchObject({
      ok: false,
      code: 'poll_open_already',
    });
    h.run('poll.close', {}, 3);
    expect(h.run('poll.confirm', {}, 4)).toMatchObject({ ok: false, code: 'poll_no_votes' });
    expect(h.run('poll.clear', {}, 5)).toMatchObject({ ok: true });
    expect(pollScreens(h.room, 6).poll).toBeNull();
    expect(h.run('poll.clear', {}, 7)).toMatchObject({ ok: false, code: 'poll_none' });
  });

  it('keeps names and markup out: labels are cleaned text, capped', () => {
    const h = harness();
    h.run('poll.open', { question: 'Pick\u202e one', options: ['<b>A</b>', 'B'.repeat(100)] }, 1);
    const poll = currentPoll(h.room)!;
    expect(poll.question).toBe('Pick one');
    expect(poll.options[0]!.label).toBe('<b>A</b>');
    expect([...poll.options[1]!.label]).toHaveLength(40);
    expect(poll.options[1]!.label.endsWith('…')).toBe(true);
  });

  it('splits percentages to add up to 100', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([0, 0])).toEqual([0, 0]);
    expect(percentages([2, 1])).toEqual([67, 33]);
  });
});

describe('giveaway', () => {
  it('takes distinct keyword comments inside the window, draws with a logged seed, redraws', () => {
    const h = harness();
    expect(h.run('giveaway.open', { keyword: 'WIN', seconds: 60 }, 10_000)).toMatchObject({
      ok: true,
    });
    h.chat('ann', 'win', 11_000);
    h.chat('ann', 'WIN WIN', 12_000); // the same viewer once
    h.chat('bo', 'ｗｉｎ', 13_000);
    h.chat('cy', 'winner', 14_000); // not the keyword
    h.chat('dee', 'win', 69_999);
    h.chat('ed', 'win', 70_000); // the window has ended
    const g = h.room.giveaways[0]!;
    expect(g.entrants.map((e) => e.id)).toEqual(['ann', 'bo', 'dee']);
    expect(h.run('giveaway.draw', {}, 60_000)).toMatchObject({
      ok: false,
      code: 'giveaway_window_open',
      params: { seconds: 10 },
    });
    const first = h.run('giveaway.draw', {}, 70_000, 42);
    expect(first).toMatchObject({ ok: true });
    const drawn = h.log.at(-1)!;
    expect(drawn).toMatchObject({ type: 'giveaway.draw', seed: 42 });
    // The audit: the logged entrants and seed draw the logged winner again.
    const entrants = h.log.flatMap((e) => (e.type === 'giveaway.enter' ? [e.entrant] : []));
    expect(drawEntrant(entrants, 42)).toEqual(drawn.type === 'giveaway.draw' && drawn.winner);
    h.run('giveaway.draw', {}, 71_000, 7);
    h.run('giveaway.draw', {}, 72_000, 9);
    const winners = h.room.giveaways[0]!.draws.map((d) => d.winner.id);
    expect(new Set(winners).size).toBe(3);
    expect(h.run('giveaway.draw', {}, 73_000, 1)).toMatchObject({
      ok: false,
      code: 'giveaway_all_drawn',
    });
    expect(pollScreens(h.room, 73_000).giveaway).toMatchObject({
      entrants: 3,
      draw: 3,
      remainingMs: 0,
    });
    expect(replayPolls(h.log)).toEqual(h.room);
    expect(pollLines(h.room).giveaways).toEqual([
      {
        keyword: 'WIN',
        entrants: 3,
        draws: h.room.giveaways[0]!.draws.map((d) => ({ name: d.winner.name, seed: d.seed })),
      },
    ]);
  });

  it('refuses a second window while one runs, and a draw with no entrants', () => {
    const h = harness();
    expect(h.run('giveaway.draw', {}, 0)).toMatchObject({ ok: false, code: 'giveaway_none' });
    h.run('giveaway.open', { keyword: 'go', seconds: 5 }, 0);
    expect(h.run('giveaway.open', { keyword: 'go', seconds: 5 }, 4_999)).toMatchObject({
      ok: false,
      code: 'giveaway_open_already',
    });
    expect(h.run('giveaway.draw', {}, 5_000)).toMatchObject({
      ok: false,
      code: 'giveaway_no_entrants',
    });
    expect(h.run('giveaway.open', { keyword: 'go', seconds: 2 }, 5_000)).toMatchObject({
      ok: false,
      code: 'poll_invalid',
    });
  });
});
