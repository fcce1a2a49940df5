/**
 * The poll overlay's message (issue 19): the poll on air with its counts and percentages, and
 * the giveaway with its keyword, window and drawn winner. Never a voter's name; the winner's
 * name is the room's cleaned, capped text, rendered as text. Sent on change (at a calm rate)
 * and on a heartbeat, like the room's message (pollPublisher.ts).
 */
import * as z from 'zod/mini';
import { APP, PROTOCOL_VERSION } from './envelope.js';
import { nonneg, nullable, text } from './fields';

export const PollMessage = z.object({
  app: z.literal(APP),
  v: z.literal(PROTOCOL_VERSION),
  kind: z.literal('poll'),
  session: text(64),
  n: nonneg(),
  poll: nullable(
    z.object({
      id: text(16),
      question: text(960),
      options: z
        .array(z.object({ label: text(320), votes: nonneg(), percent: nonneg() }))
        .check(z.maxLength(4)),
      total: nonneg(),
      state: z.enum(['open', 'closed', 'confirmed']),
      winners: z.array(nonneg()).check(z.maxLength(4)),
    }),
  ),
  giveaway: nullable(
    z.object({
      id: text(16),
      keyword: text(320),
      remainingMs: nonneg(),
      entrants: nonneg(),
      winner: nullable(text(256)),
      draw: nonneg(),
    }),
  ),
});
export type PollMessage = z.infer<typeof PollMessage>;
export type PollScreens = Pick<PollMessage, 'poll' | 'giveaway'>;
