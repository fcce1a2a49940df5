/**
 * The producer's poll and giveaway commands (the Live screen's buttons and the command API's
 * `poll.*` / `giveaway.*`), decided against the current state: the events to log, or a refusal
 * with a code the controller says in the producer's language. Arguments from any transport are
 * checked with zod here, with the place that is wrong named.
 */
import { z } from 'zod';
import { refusal, type Refusal } from '../show/refusal.js';
import { cleanText } from '../room/text.js';
import {
  KEYWORD_CAP,
  LABEL_CAP,
  MAX_KEYWORDS,
  MAX_OPTIONS,
  QUESTION_CAP,
  type PollEvent,
} from './events.js';
import { drawEntrant } from './draw.js';
import { pollResults } from './results.js';
import { currentGiveaway, currentPoll, type PollRoom } from './state.js';

export const POLL_COMMANDS = [
  'poll.open',
  'poll.close',
  'poll.confirm',
  'poll.clear',
  'giveaway.open',
  'giveaway.draw',
  'giveaway.clear',
] as const;
export type PollCommandName = (typeof POLL_COMMANDS)[number];
export const isPollCommand = (command: string): command is PollCommandName =>
  (POLL_COMMANDS as readonly string[]).includes(command);

const Words = (cap: number) =>
  z
    .string()
    .max(cap * 4)
    // cleanText adds an ellipsis after what it keeps: at most `cap` graphemes in all.
    .transform((s) => cleanText(s, cap - 1))
    .pipe(z.string().min(1, 'is empty'));

const OptionArg = z.union([
  Words(LABEL_CAP).transform((label) => ({ label, keywords: [] as string[] })),
  z.object({
    label: Words(LABEL_CAP),
    keywords: z.array(Words(KEYWORD_CAP)).max(MAX_KEYWORDS).optional(),
  }),
]);

const ARGS = {
  'poll.open': z.object({
    question: Words(QUESTION_CAP),
    options: z
      .array(OptionArg)
      .min(2, 'needs 2 to 4 options')
      .max(MAX_OPTIONS, 'needs 2 to 4 options'),
  }),
  'poll.close': z.object({}),
  'poll.confirm': z.object({ option: z.number().int().min(1).max(MAX_OPTIONS).optional() }),
  'poll.clear': z.object({}),
  'giveaway.open': z.object({
    keyword: Words(KEYWORD_CAP),
    seconds: z.number().int().min(5).max(3600),
  }),
  'giveaway.draw': z.object({ seed: z.number().int().min(0).max(0xffffffff).optional() }),
  'giveaway.clear': z.object({}),
} satisfies Record<PollCommandName, z.ZodType>;

export type Decision = { ok: true; events: PollEvent[] } | Refusal;

const ok = (...events: PollEvent[]): Decision => ({ ok: true, events });

function invalid(command: string, error: z.ZodError): Refusal {
  const issue = error.issues[0];
  const detail = issue ? `${issue.path.join('.') || 'args'} ${issue.message}` : 'wrong shape';
  return refusal(`${command} was refused: ${detail}.`, 'poll_invalid', { command, detail });
}

/**
 * Decides one command at `now`. `seed` is the draw's seed when the caller gives none (the
 * controller passes a fresh cryptographic one; tests pass their own).
 */
export function decidePoll(
  room: PollRoom,
  command: PollCommandName,
  rawArgs: unknown,
  now: number,
  seed: () => number,
): Decision {
  const parsed = ARGS[command].safeParse(rawArgs ?? {});
  if (!parsed.success) return invalid(command, parsed.error);
  const poll = currentPoll(room);
  const giveaway = currentGiveaway(room);
  switch (command) {
    case 'poll.open': {
      const args = parsed.data as z.output<(typeof ARGS)['poll.open']>;
      if (poll && poll.closedAt === null)
        return refusal('A poll is open: close it before opening the next.', 'poll_open_already');
      return ok({
        type: 'poll.open',
        pollId: `p${room.polls.length + 1}`,
        question: args.question,
        options: args.options.map((o) => ({ label: o.label, keywords: o.keywords ?? [] })),
        at: now,
      });
    }
    case 'poll.close':
      if (!poll || poll.closedAt !== null) return refusal('No poll is open.', 'poll_none_open');
      return ok({ type: 'poll.close', pollId: poll.id, at: now });
    case 'poll.confirm': {
      const { option } = parsed.data as { option?: number };
      if (!poll || poll.closedAt === null)
        return refusal('Close the poll before confirming its winner.', 'poll_not_closed');
      const { leaders } = pollResults(poll);
      if (leaders.length === 0)
        return refusal('Nobody voted: clear the poll instead.', 'poll_no_votes');
      if (option !== undefined && !leaders.includes(option - 1))
        return refusal(
          `Option ${option} is not among the leaders (${leaders.map((i) => i + 1).join(', ')}).`,
          'poll_not_leader',
          { option, leaders: leaders.map((i) => i + 1).join(', ') },
        );
      const winners = option === undefined ? leaders : [option - 1];
      return ok({ type: 'poll.confirm', pollId: poll.id, winners, at: now });
    }
    case 'poll.clear':
      if (!poll) return refusal('No poll is on air.', 'poll_none');
      return ok({ type: 'poll.clear', pollId: poll.id, at: now });
    case 'giveaway.open': {
      const args = parsed.data as z.output<(typeof ARGS)['giveaway.open']>;
      if (giveaway && now < giveaway.endsAt)
        return refusal(
          'A giveaway is taking entries: wait for its window to end.',
          'giveaway_open_already',
        );
      return ok({
        type: 'giveaway.open',
        giveawayId: `g${room.giveaways.length + 1}`,
        keyword: args.keyword,
        seconds: args.seconds,
        at: now,
      });
    }
    case 'giveaway.draw': {
      if (!giveaway) return refusal('No giveaway is on air.', 'giveaway_none');
      if (now < giveaway.endsAt) {
        const seconds = Math.ceil((giveaway.endsAt - now) / 1000);
        return refusal(
          `The giveaway takes entries for ${seconds} s more: draw when the window ends.`,
          'giveaway_window_open',
          { seconds },
        );
      }
      const s = (parsed.data as { seed?: number }).seed ?? seed();
      const drawn = new Set(giveaway.draws.map((d) => d.winner.id));
      const winner = drawEntrant(giveaway.entrants, s, drawn);
      if (!winner)
        return refusal(
          giveaway.entrants.length === 0
            ? 'Nobody entered the giveaway.'
            : 'Every entrant has been drawn already.',
          giveaway.entrants.length === 0 ? 'giveaway_no_entrants' : 'giveaway_all_drawn',
        );
      return ok({ type: 'giveaway.draw', giveawayId: giveaway.id, seed: s, winner, at: now });
    }
    case 'giveaway.clear':
      if (!giveaway) return refusal('No giveaway is on air.', 'giveaway_none');
      return ok({ type: 'giveaway.clear', giveawayId: giveaway.id, at: now });
  }
}
