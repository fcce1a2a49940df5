/**
 * The show's polls and giveaways as the command API's `report.get` answers them: plain JSON in
 * the report's conventions (rates as fractions, times as epoch ms). Per poll the question, each
 * option's votes and share, and what the producer confirmed; per giveaway the keyword, its
 * window, how many entered, and every draw with its seed and winner — what an audit needs to
 * replay a draw (shared/poll/draw.ts). Entrants and voters are counted, never listed: an answer
 * rides every obs-websocket client's event stream.
 */
import { pollResults } from './results.js';
import type { PollRoom } from './state.js';

export interface ApiPoll {
  id: string;
  question: string;
  state: 'open' | 'closed' | 'confirmed';
  openedAt: number;
  closedAt: number | null;
  total: number;
  options: Array<{ label: string; votes: number; share: number }>;
  /** Labels confirmed on air (two or more: a tie confirmed as a tie); empty until confirmed. */
  winners: string[];
  onAir: boolean;
}

export interface ApiGiveaway {
  id: string;
  keyword: string;
  seconds: number;
  openedAt: number;
  endsAt: number;
  entrants: number;
  draws: Array<{ seed: number; winner: { id: string; name: string }; at: number }>;
  /** The latest draw's winner, or null before the first draw. */
  winner: { id: string; name: string } | null;
  onAir: boolean;
}

export function apiPolls(room: PollRoom): { polls: ApiPoll[]; giveaways: ApiGiveaway[] } {
  return {
    polls: room.polls.map((poll) => {
      const r = pollResults(poll);
      return {
        id: poll.id,
        question: poll.question,
        state: poll.confirmed ? 'confirmed' : poll.closedAt !== null ? 'closed' : 'open',
        openedAt: poll.openedAt,
        closedAt: poll.closedAt,
        total: r.total,
        options: poll.options.map((o, i) => ({
          label: o.label,
          votes: r.counts[i]!,
          share: r.total === 0 ? 0 : r.counts[i]! / r.total,
        })),
        winners: (poll.confirmed ?? []).map((i) => poll.options[i]!.label),
        onAir: !poll.cleared,
      };
    }),
    giveaways: room.giveaways.map((g) => {
      const draws = g.draws.map((d) => ({
        seed: d.seed,
        winner: { id: d.winner.id, name: d.winner.name },
        at: d.at,
      }));
      return {
        id: g.id,
        keyword: g.keyword,
        seconds: g.seconds,
        openedAt: g.openedAt,
        endsAt: g.endsAt,
        entrants: g.entrants.length,
        draws,
        winner: draws.at(-1)?.winner ?? null,
        onAir: !g.cleared,
      };
    }),
  };
}
