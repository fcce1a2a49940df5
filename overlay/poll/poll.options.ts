/** URL options of the poll page (polls and giveaways from the live room). */
import { oneOf, parseOptions, type CommonOptions, type ParsedOptions } from '../lib/options';

export const POLL_SHOWS = ['both', 'poll', 'giveaway'] as const;

export interface PollOptions extends CommonOptions {
  /** Which card(s) this source shows: two sources can place the poll and the giveaway apart. */
  show: (typeof POLL_SHOWS)[number];
}

export function parsePollOptions(search: string | URLSearchParams): ParsedOptions<PollOptions> {
  return parseOptions(search, { position: 'center-left' }, (r) => ({
    show: r.get('show', 'both', oneOf(POLL_SHOWS)),
  }));
}
