/**
 * The room's one message to the screens (issue 17): the question the producer pinned for the
 * host view, and the latest thanks for the ticker — only what the producer switched on. Sent
 * like the words (on change and on a heartbeat), so a host view or overlay that starts late is
 * right within one beat. Names and texts are the room's cleaned, capped text: shown as text.
 */
import * as z from 'zod/mini';
import { APP, PROTOCOL_VERSION } from './envelope.js';
import { nonneg, nullable, text } from './fields.js';

export const RoomMessage = z.object({
  app: z.literal(APP),
  v: z.literal(PROTOCOL_VERSION),
  kind: z.literal('room'),
  /** One controller run; `n` counts its sends, so a late heartbeat never wins over a newer one. */
  session: text(64),
  n: nonneg(),
  question: nullable(z.object({ id: text(16), name: text(64), text: text(400) })),
  thanks: nullable(
    z.object({
      /** Counts up per thanks: a heartbeat re-sends the same one, a ticker shows it once. */
      id: nonneg(),
      kind: z.enum(['gift', 'follow', 'share']),
      name: text(64),
      gift: z.optional(text(64)),
      count: z.optional(nonneg()),
      /** How long ago it was thanked: a page that hears it late does not show a stale one. */
      agoMs: nonneg(),
    }),
  ),
});
export type RoomMessage = z.infer<typeof RoomMessage>;
export type RoomScreens = Pick<RoomMessage, 'question' | 'thanks'>;
