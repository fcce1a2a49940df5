/**
 * The generic audience input (`POST /api/audience` on the `npm start` server): any bridge —
 * a separately installed TikTok-Live-Connector script, another platform's chat reader — sends
 *
 *   {"events": [{"type": "viewers", "count": 812},
 *               {"type": "chat", "user": {"id": "ann_88", "name": "Ann"}, "text": "price?"},
 *               {"type": "gift", "user": {…}, "gift": "Rose", "count": 5, "diamonds": 5},
 *               {"type": "like", "count": 15}, {"type": "follow", "user": {…}},
 *               {"type": "member" | "share", "user": {…}}, {"type": "streamEnd"}]}
 *
 * `diamonds` is the total for the whole count. Like the order door, a body with a wrong event is
 * refused whole (400, with where); an event `type` Flashcue does not use is ignored and counted.
 */
import { z } from 'zod';
import { describeErrors, parseWith } from '../validation.js';
import type { RoomEvent } from './events.js';
import { cleanText, COMMENT_CAP, NAME_CAP, RAW_COMMENT_LIMIT, RAW_NAME_LIMIT } from './text.js';

export const MAX_AUDIENCE_EVENTS = 1000;

const Name = z
  .string({ error: 'must be text' })
  .max(RAW_NAME_LIMIT, `must be at most ${RAW_NAME_LIMIT} characters`);
const User = z.strictObject({
  id: Name.optional(),
  name: Name.min(1, 'must not be empty'),
});
const Count = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(1e9, 'is implausibly large');

const GenericEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('viewers'), count: Count }),
  z.strictObject({
    type: z.literal('chat'),
    user: User,
    text: z
      .string({ error: 'must be text' })
      .max(RAW_COMMENT_LIMIT, `must be at most ${RAW_COMMENT_LIMIT} characters`),
  }),
  z.strictObject({
    type: z.literal('gift'),
    user: User,
    gift: Name.optional(),
    count: Count.min(1, 'must be at least 1').optional(),
    diamonds: Count.optional(),
  }),
  z.strictObject({ type: z.literal('like'), user: User.optional(), count: Count.optional() }),
  z.strictObject({ type: z.enum(['member', 'follow', 'share']), user: User }),
  z.strictObject({ type: z.literal('streamEnd') }),
]);
type GenericEvent = z.output<typeof GenericEvent>;
const KNOWN = new Set([
  'viewers',
  'chat',
  'gift',
  'like',
  'member',
  'follow',
  'share',
  'streamEnd',
]);

const Envelope = z.strictObject({
  events: z
    .array(z.looseObject({ type: z.string({ error: 'must name the event type' }).max(64) }), {
      error: 'must be a list of events',
    })
    .min(1, 'must hold at least one event')
    .max(MAX_AUDIENCE_EVENTS, `must hold at most ${MAX_AUDIENCE_EVENTS} events per request`),
});

export type AudienceParse =
  | { ok: true; events: RoomEvent[]; known: unknown[]; ignored: number }
  /** `problems`: each place (as the sender spelled it) and phrase, for the controller's words. */
  | { ok: false; error: string; problems: Array<{ path: string; phrase: string }> };

const user = (u: { id?: string; name: string }) => ({
  id: cleanText(u.id ?? '', 64),
  name: cleanText(u.name, NAME_CAP) || '?',
});

function toRoomEvent(e: GenericEvent): RoomEvent {
  switch (e.type) {
    case 'viewers':
      return { kind: 'viewers', count: e.count };
    case 'chat':
      return { kind: 'chat', user: user(e.user), text: cleanText(e.text, COMMENT_CAP) };
    case 'gift':
      return {
        kind: 'gift',
        user: user(e.user),
        gift: cleanText(e.gift ?? 'gift', NAME_CAP) || 'gift',
        count: e.count ?? 1,
        diamonds: e.diamonds ?? 0,
      };
    case 'like':
      return { kind: 'like', user: e.user ? user(e.user) : null, count: e.count ?? 1 };
    case 'streamEnd':
      return { kind: 'streamEnd' };
    default:
      return { kind: e.type, user: user(e.user) };
  }
}

/** The raw request text to room events, or one sentence saying where the body is wrong. */
export function parseAudienceBody(text: string): AudienceParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The body is not JSON: ${why}.`, problems: [] };
  }
  return parseAudienceJson(json);
}

/**
 * `{events}` to room events. Run twice: on the server for the HTTP answer, and again by the
 * controller on the `room.events` command's args (any obs-websocket client can send commands).
 * `known` is the events as sent, unknown types left out: what the server forwards.
 */
export function parseAudienceJson(json: unknown): AudienceParse {
  const envelope = parseWith(Envelope, json);
  if (!envelope.ok)
    return {
      ok: false,
      error: wrong(describeErrors(envelope.errors, 10)),
      problems: envelope.errors.slice(0, 10).map((e) => ({ path: e.path, phrase: e.message })),
    };
  const events: RoomEvent[] = [];
  const known: unknown[] = [];
  for (const [i, raw] of envelope.value.events.entries()) {
    if (!KNOWN.has(raw.type)) continue;
    const parsed = GenericEvent.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((issue) => ({
        path: `events[${i}]${issue.path.map((p) => `.${String(p)}`).join('')}`,
        phrase: issue.message,
      }));
      const where = problems.map((p) => `${p.path}: ${p.phrase}`).join('\n');
      return { ok: false, error: wrong(where), problems };
    }
    events.push(toRoomEvent(parsed.data));
    known.push(raw);
  }
  return { ok: true, events, known, ignored: envelope.value.events.length - known.length };
}

const wrong = (lines: string) => `The body is not a valid audience event list:\n${lines}`;
