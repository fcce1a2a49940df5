/**
 * Polls and giveaways as the log makes them: a pure reducer over PollEvents (events.ts). The
 * last poll and the last giveaway are the ones on air until cleared; earlier ones stay for the
 * report. One vote per viewer, and the LAST one counts: a viewer who changes their mind as the
 * host talks is heard (as a keyword order takes a viewer's newer quantity), and a viewer who
 * repeats "1" a hundred times still counts once.
 */
import type { Entrant, PollEvent, PollOption } from './events.js';

export interface PollState {
  id: string;
  question: string;
  options: PollOption[];
  openedAt: number;
  closedAt: number | null;
  /** Voter handle → option index (the latest vote). */
  votes: Map<string, number>;
  counts: number[];
  /** The result the producer confirmed (one option, or the tied ones). */
  confirmed: number[] | null;
  cleared: boolean;
}

export interface Draw {
  seed: number;
  winner: Entrant;
  at: number;
}

export interface GiveawayState {
  id: string;
  keyword: string;
  seconds: number;
  openedAt: number;
  /** Entries count until this moment (derived from the opening, never counted down). */
  endsAt: number;
  /** In order of entry; one per viewer handle. */
  entrants: Entrant[];
  entered: Set<string>;
  draws: Draw[];
  cleared: boolean;
}

export interface PollRoom {
  polls: PollState[];
  giveaways: GiveawayState[];
  /** Events applied (for ids and for "is the kept log read yet"). */
  applied: number;
}

export const emptyPollRoom = (): PollRoom => ({ polls: [], giveaways: [], applied: 0 });

const last = <T>(list: readonly T[]): T | null => list[list.length - 1] ?? null;

/** The poll open, closed or confirmed and not yet cleared: the one the overlay shows. */
export const currentPoll = (room: PollRoom): PollState | null => {
  const poll = last(room.polls);
  return poll && !poll.cleared ? poll : null;
};

export const currentGiveaway = (room: PollRoom): GiveawayState | null => {
  const giveaway = last(room.giveaways);
  return giveaway && !giveaway.cleared ? giveaway : null;
};

function replaceLast<T>(list: readonly T[], next: T): T[] {
  return [...list.slice(0, -1), next];
}

function vote(poll: PollState, voter: string, option: number): PollState {
  if (poll.closedAt !== null || option >= poll.options.length) return poll;
  const before = poll.votes.get(voter);
  if (before === option) return poll;
  const votes = new Map(poll.votes).set(voter, option);
  const counts = [...poll.counts];
  if (before !== undefined) counts[before]! -= 1;
  counts[option]! += 1;
  return { ...poll, votes, counts };
}

function enter(giveaway: GiveawayState, entrant: Entrant, at: number): GiveawayState {
  if (at >= giveaway.endsAt || giveaway.entered.has(entrant.id)) return giveaway;
  return {
    ...giveaway,
    entrants: [...giveaway.entrants, entrant],
    entered: new Set(giveaway.entered).add(entrant.id),
  };
}

/**
 * Applies one logged event. An event for a poll or giveaway that is not the latest one is
 * ignored (the log never holds one, but a hand-edited or partly read log must not throw).
 */
export function applyPollEvent(room: PollRoom, event: PollEvent): PollRoom {
  const next = { ...room, applied: room.applied + 1 };
  const poll = last(room.polls);
  const giveaway = last(room.giveaways);
  switch (event.type) {
    case 'poll.open':
      return {
        ...next,
        polls: [
          ...room.polls,
          {
            id: event.pollId,
            question: event.question,
            options: event.options,
            openedAt: event.at,
            closedAt: null,
            votes: new Map(),
            counts: event.options.map(() => 0),
            confirmed: null,
            cleared: false,
          },
        ],
      };
    case 'giveaway.open':
      return {
        ...next,
        giveaways: [
          ...room.giveaways,
          {
            id: event.giveawayId,
            keyword: event.keyword,
            seconds: event.seconds,
            openedAt: event.at,
            endsAt: event.at + event.seconds * 1000,
            entrants: [],
            entered: new Set(),
            draws: [],
            cleared: false,
          },
        ],
      };
  }
  if (event.type.startsWith('poll.')) {
    if (!poll || !('pollId' in event) || event.pollId !== poll.id) return next;
    const changed =
      event.type === 'poll.vote'
        ? vote(poll, event.voter, event.option)
        : event.type === 'poll.close'
          ? { ...poll, closedAt: poll.closedAt ?? event.at }
          : event.type === 'poll.confirm'
            ? { ...poll, confirmed: event.winners.filter((i) => i < poll.options.length) }
            : { ...poll, cleared: true };
    return { ...next, polls: replaceLast(room.polls, changed) };
  }
  if (!giveaway || !('giveawayId' in event) || event.giveawayId !== giveaway.id) return next;
  const changed =
    event.type === 'giveaway.enter'
      ? enter(giveaway, event.entrant, event.at)
      : event.type === 'giveaway.draw'
        ? {
            ...giveaway,
            draws: [...giveaway.draws, { seed: event.seed, winner: event.winner, at: event.at }],
          }
        : { ...giveaway, cleared: true };
  return { ...next, giveaways: replaceLast(room.giveaways, changed) };
}

export const replayPolls = (events: readonly PollEvent[]): PollRoom =>
  events.reduce(applyPollEvent, emptyPollRoom());
