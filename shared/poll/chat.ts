/**
 * The live room's comments read for the poll and the giveaway on air: a comment becomes a vote
 * (when it names an option of the open poll and changes that viewer's vote) and an entry (when
 * it holds the giveaway's keyword inside its window, once per viewer). Anything else does
 * nothing: the room's other uses (questions, keyword orders) are untouched. The matchers are
 * built once per poll and giveaway, not per comment (a busy room sends many a second).
 */
import type { RoomUser } from '../room/events.js';
import type { PollEvent } from './events.js';
import { keywordMatcher, voteMatcher } from './match.js';
import { currentGiveaway, currentPoll, type PollRoom } from './state.js';

/** A viewer's key: the stable handle, or the shown name when the source gave no handle. */
export const viewerKey = (user: RoomUser): string => (user.id || `name:${user.name}`).slice(0, 64);

export function createChatReader() {
  let pollMatch: { id: string; match: (text: string) => number | null } | null = null;
  let giveawayMatch: { id: string; match: (text: string) => boolean } | null = null;

  return (room: PollRoom, user: RoomUser, text: string, at: number): PollEvent[] => {
    const events: PollEvent[] = [];
    const poll = currentPoll(room);
    if (poll && poll.closedAt === null) {
      if (pollMatch?.id !== poll.id) pollMatch = { id: poll.id, match: voteMatcher(poll.options) };
      const option = pollMatch.match(text);
      const voter = viewerKey(user);
      if (option !== null && poll.votes.get(voter) !== option)
        events.push({ type: 'poll.vote', pollId: poll.id, voter, option, at });
    }
    const giveaway = currentGiveaway(room);
    if (giveaway && at >= giveaway.openedAt && at < giveaway.endsAt) {
      if (giveawayMatch?.id !== giveaway.id)
        giveawayMatch = { id: giveaway.id, match: keywordMatcher(giveaway.keyword) };
      const id = viewerKey(user);
      if (!giveaway.entered.has(id) && giveawayMatch.match(text))
        events.push({
          type: 'giveaway.enter',
          giveawayId: giveaway.id,
          entrant: { id, name: user.name },
          at,
        });
    }
    return events;
  };
}
