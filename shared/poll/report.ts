/**
 * The report's lines for polls and giveaways (one per poll, one per giveaway), from the replayed
 * log: what was asked, each option's votes and share, what the producer confirmed; the
 * giveaway's keyword, how many entered, each draw's winner and seed (the audit trail).
 */
import type { PollRoom } from './state.js';
import { pollResults } from './results.js';

export interface PollLine {
  question: string;
  options: Array<{ label: string; votes: number; percent: number }>;
  total: number;
  /** Labels confirmed on air; empty when the poll was never confirmed. */
  winners: string[];
}

export interface GiveawayLine {
  keyword: string;
  entrants: number;
  draws: Array<{ name: string; seed: number }>;
}

export function pollLines(room: PollRoom): { polls: PollLine[]; giveaways: GiveawayLine[] } {
  return {
    polls: room.polls.map((poll) => {
      const r = pollResults(poll);
      return {
        question: poll.question,
        options: poll.options.map((o, i) => ({
          label: o.label,
          votes: r.counts[i]!,
          percent: r.percents[i]!,
        })),
        total: r.total,
        winners: (poll.confirmed ?? []).map((i) => poll.options[i]!.label),
      };
    }),
    giveaways: room.giveaways.map((g) => ({
      keyword: g.keyword,
      entrants: g.entrants.length,
      draws: g.draws.map((d) => ({ name: d.winner.name, seed: d.seed })),
    })),
  };
}
