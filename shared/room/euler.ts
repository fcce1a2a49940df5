/**
 * Euler Stream's live WebSocket (`wss://ws.eulerstream.com?uniqueId=…&apiKey=…`, Euler's
 * "WebSocket Server" docs page) to room events. Euler forwards TikTok's webcast messages
 * decoded from protobuf, as JSON: with `bundleEvents` (its default) one frame is
 * `{timestamp, messages: [{type, data}]}`, else a single `{type, data}`; `type` is the webcast
 * message name (`WebcastChatMessage`, …) and `data` that message's fields as typed in
 * EulerStream/Euler-WebSocket-SDK (`src/webcast/schemas/tiktok-schema-v2.ts`, from
 * tiktok-live-proto): `user {uniqueId, nickname}`, `comment`, `viewerCount`,
 * `giftDetails {giftName, giftType, diamondCount}`, `repeatCount`, `repeatEnd`, `likeCount`,
 * `common.displayText.displayType` (a follow or a share) and `WebcastControlMessage.action`
 * (3 = stream ended). Every message is checked with zod; anything else is ignored or refused
 * and counted, never thrown — as for TikFinity (events.ts).
 */
import { z } from 'zod';
import type { Normalised, RoomEvent, RoomUser } from './events.js';
import { cleanText, COMMENT_CAP, NAME_CAP, RAW_COMMENT_LIMIT, RAW_NAME_LIMIT } from './text.js';
import { faultDetail, fieldFault, firstIssue, type RoomFault } from './fault.js';

/** A frame with more messages than this is refused whole (a real bundle holds tens). */
export const MAX_BUNDLE = 1000;

const RawName = z.string().max(RAW_NAME_LIMIT, `is over ${RAW_NAME_LIMIT} characters`);
const Count = z.number().int().nonnegative().max(1e9);
const User = z.object({ uniqueId: RawName.optional(), nickname: RawName.optional() });
const WithUser = z.object({ user: User.optional() });

const Chat = WithUser.extend({
  comment: z.string().max(RAW_COMMENT_LIMIT, `is over ${RAW_COMMENT_LIMIT} characters`),
});
const Gift = WithUser.extend({
  giftDetails: z
    .object({
      giftName: RawName.optional(),
      giftType: z.number().optional(),
      diamondCount: Count.optional(),
    })
    .optional(),
  repeatCount: Count.optional(),
  repeatEnd: z.union([z.number(), z.boolean()]).optional(),
});
const Like = WithUser.extend({ likeCount: Count.optional() });
const Social = WithUser.extend({
  common: z
    .object({
      displayText: z.object({ displayType: z.string().max(200).optional() }).optional(),
    })
    .optional(),
});
const Viewers = z.object({ viewerCount: Count });
const Control = z.object({ action: z.union([z.number(), z.string().max(64)]).optional() });

const Message = z.object({ type: z.string().max(128), data: z.unknown().optional() });
const Frame = z.union([
  z.object({
    messages: z.array(z.unknown()).max(MAX_BUNDLE, `holds over ${MAX_BUNDLE} messages`),
  }),
  Message,
]);

const refused = (fault: RoomFault): Normalised => ({
  ok: false,
  why: 'refused',
  detail: faultDetail(fault),
  fault,
});
const ignored = (detail: string): Normalised => ({ ok: false, why: 'ignored', detail });

function userOf(user: z.output<typeof User> | undefined): RoomUser | null {
  const id = user?.uniqueId ?? '';
  const name = cleanText(user?.nickname ?? '', NAME_CAP) || cleanText(id, NAME_CAP);
  return name ? { id: cleanText(id, 64), name } : null;
}

function withUser<T extends z.output<typeof WithUser>>(
  schema: z.ZodType<T>,
  data: unknown,
  make: (d: T, user: RoomUser) => RoomEvent | null,
): Normalised {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return refused(fieldFault(parsed.error));
  const user = userOf(parsed.data.user);
  if (!user) return refused({ code: 'no_name' });
  const event = make(parsed.data, user);
  return event ? { ok: true, event } : ignored('not a follow or a share');
}

/** One Euler message (`{type, data}`) to a room event, or why not. */
export function fromEulerMessage(message: unknown): Normalised {
  const outer = Message.safeParse(message);
  if (!outer.success) return refused({ code: 'not_message', shape: '{type, data}' });
  const { type, data } = outer.data;
  switch (type) {
    case 'WebcastRoomUserSeqMessage': {
      const parsed = Viewers.safeParse(data);
      return parsed.success
        ? { ok: true, event: { kind: 'viewers', count: parsed.data.viewerCount } }
        : refused(fieldFault(parsed.error));
    }
    case 'WebcastChatMessage':
      return withUser(Chat, data, (d, user) => ({
        kind: 'chat',
        user,
        text: cleanText(d.comment, COMMENT_CAP),
      }));
    case 'WebcastGiftMessage': {
      const parsed = Gift.safeParse(data);
      // A streakable gift (type 1) repeats while the streak runs: counted once, at its end.
      if (parsed.success && parsed.data.giftDetails?.giftType === 1 && !parsed.data.repeatEnd)
        return ignored('gift streak still running');
      return withUser(Gift, data, (d, user) => {
        const count = Math.max(1, d.repeatCount ?? 1);
        const name = cleanText(d.giftDetails?.giftName ?? 'gift', NAME_CAP) || 'gift';
        const diamonds = (d.giftDetails?.diamondCount ?? 0) * count;
        return { kind: 'gift', user, gift: name, count, diamonds };
      });
    }
    case 'WebcastLikeMessage': {
      const parsed = Like.safeParse(data);
      if (!parsed.success) return refused(fieldFault(parsed.error));
      const count = parsed.data.likeCount ?? 1;
      return { ok: true, event: { kind: 'like', user: userOf(parsed.data.user), count } };
    }
    case 'WebcastMemberMessage':
      return withUser(WithUser, data, (_d, user) => ({ kind: 'member', user }));
    case 'WebcastSocialMessage':
      return withUser(Social, data, (d, user) => {
        const display = d.common?.displayText?.displayType ?? '';
        if (display.includes('follow')) return { kind: 'follow', user };
        if (display.includes('share')) return { kind: 'share', user };
        return null;
      });
    case 'WebcastControlMessage': {
      const parsed = Control.safeParse(data);
      if (!parsed.success) return refused(fieldFault(parsed.error));
      const ended = [3, 'CONTROL_ACTION_STREAM_ENDED'].includes(parsed.data.action ?? 0);
      return ended ? { ok: true, event: { kind: 'streamEnd' } } : ignored('a control message');
    }
    default:
      return ignored(`"${type.slice(0, 40)}" is not a message Flashcue uses`);
  }
}

export interface EulerFrame {
  events: RoomEvent[];
  ignored: number;
  refused: number;
  /** The first refusal's words, for the status line. */
  problem: string | null;
  /** The same refusal as data, worded by the page in the producer's language. */
  fault: RoomFault | null;
}

/** One WebSocket frame (already JSON-parsed): a bundle or a single message. */
export function fromEulerFrame(json: unknown): EulerFrame {
  const frame = Frame.safeParse(json);
  if (!frame.success) {
    const fault: RoomFault = { code: 'not_frame', ...firstIssue(frame.error) };
    return { events: [], ignored: 0, refused: 1, problem: faultDetail(fault), fault };
  }
  const messages = 'messages' in frame.data ? frame.data.messages : [frame.data];
  const out: EulerFrame = { events: [], ignored: 0, refused: 0, problem: null, fault: null };
  for (const message of messages) {
    const one = fromEulerMessage(message);
    if (one.ok) out.events.push(one.event);
    else if (one.why === 'ignored') out.ignored++;
    else {
      out.refused++;
      out.problem ??= one.detail;
      out.fault ??= one.fault;
    }
  }
  return out;
}
