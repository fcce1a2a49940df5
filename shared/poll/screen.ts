/**
 * What the poll overlay may show, built from the state: the question, the options with counts
 * and percentages (never who voted), the confirmed result; the giveaway's keyword, the time its
 * window has left at send time (the page maps it onto its own clock), how many entered, and
 * the drawn winner's name (text, capped). Nothing while nothing is on air.
 */
import type { PollScreens } from '../protocol/pollMessage.js';
import { pollResults } from './results.js';
import { currentGiveaway, currentPoll, type PollRoom } from './state.js';

export function pollScreens(room: PollRoom, now: number): PollScreens {
  const poll = currentPoll(room);
  const giveaway = currentGiveaway(room);
  const results = poll && pollResults(poll);
  const draw = giveaway?.draws[giveaway.draws.length - 1] ?? null;
  return {
    poll:
      poll && results
        ? {
            id: poll.id,
            question: poll.question,
            options: poll.options.map((o, i) => ({
              label: o.label,
              votes: results.counts[i]!,
              percent: results.percents[i]!,
            })),
            total: results.total,
            state: poll.confirmed ? 'confirmed' : poll.closedAt !== null ? 'closed' : 'open',
            winners: poll.confirmed ?? [],
          }
        : null,
    giveaway: giveaway
      ? {
          id: giveaway.id,
          keyword: giveaway.keyword,
          remainingMs: Math.max(0, giveaway.endsAt - now),
          entrants: giveaway.entrants.length,
          winner: draw ? draw.winner.name : null,
          draw: giveaway.draws.length,
        }
      : null,
  };
}
