/**
 * Room events: what the live room says, normalised from TikFinity's WebSocket messages
 * (`{event, data}`, data shaped like TikTok-Live-Connector's events — its README, "Events":
 * `roomUser {viewerCount}`, `chat {uniqueId, nickname, comment}`, `gift {giftName, giftType,
 * repeatCount, repeatEnd, diamondCount}`, `like {likeCount, totalLikeCount}`, `member`,
 * `follow`, `share`, `streamEnd`; connector 2.x nests the viewer under `data.user`, both are
 * read) and from Flashcue's own generic input (`POST /api/audience`, see generic.ts).
 * Every message is checked with zod; anything else is ignored and counted, never thrown.
 */
import { z } from 'zod';
import { cleanText, COMMENT_CAP, NAME_CAP, RAW_COMMENT_LIMIT, RAW_NAME_LIMIT } from './text.js';
import { faultDetail, fieldFault, type RoomFault } from './fault.js';

export interface RoomUser {
  /** The stable handle (TikTok's uniqueId), capped; '' when the source gave none. */
  id: string;
  /** What to show: the nickname, else the handle; text only, capped. */
  name: string;
}

export type RoomEvent =
  | { kind: 'viewers'; count: number }
  | { kind: 'chat'; user: RoomUser; text: string }
  | { kind: 'gift'; user: RoomUser; gift: string; count: number; diamonds: number }
  | { kind: 'like'; user: RoomUser | null; count: number }
  | { kind: 'member' | 'follow' | 'share'; user: RoomUser }
  | { kind: 'streamEnd' };

/**
 * Why a message was not taken: `ignored` — a kind Flashcue does not use (battles, emotes, …)
 * or a gift streak still running (counted once, when it ends); `refused` — a known kind whose
 * shape is wrong or whose text is over the limits.
 */
export type Normalised =
  | { ok: true; event: RoomEvent }
  | { ok: false; why: 'ignored'; detail: string }
  /** `detail`: the fault's English words (fault.ts), for logs and tests. */
  | { ok: false; why: 'refused'; detail: string; fault: RoomFault };

const RawName = z.string().max(RAW_NAME_LIMIT, `is over ${RAW_NAME_LIMIT} characters`);
const Count = z.number().int().nonnegative().max(1e9);

/** The viewer fields of a connector event, flat (1.x) or under `user` (2.x). */
const FlatUser = z.object({
  uniqueId: RawName.optional(),
  nickname: RawName.optional(),
});
const UserFields = FlatUser.extend({ user: FlatUser.optional() });

function userOf(data: z.output<typeof UserFields>): RoomUser | null {
  const id = data.uniqueId ?? data.user?.uniqueId ?? '';
  const nick = data.nickname ?? data.user?.nickname ?? '';
  const name = cleanText(nick, NAME_CAP) || cleanText(id, NAME_CAP);
  if (!name) return null;
  return { id: cleanText(id, 64), name };
}

export const TikFinityMessage = z.object({
  event: z.string().max(64),
  data: z.unknown().optional(),
});

const ViewersData = z.object({ viewerCount: Count });
const ChatData = UserFields.extend({
  comment: z.string().max(RAW_COMMENT_LIMIT, `is over ${RAW_COMMENT_LIMIT} characters`),
});
const GiftData = UserFields.extend({
  giftName: z.string().max(RAW_NAME_LIMIT).optional(),
  giftType: z.number().optional(),
  repeatCount: Count.optional(),
  repeatEnd: z.union([z.boolean(), z.number()]).optional(),
  diamondCount: Count.optional(),
});
const LikeData = UserFields.extend({ likeCount: Count.optional() });

const refused = (fault: RoomFault): Normalised => ({
  ok: false,
  why: 'refused',
  detail: faultDetail(fault),
  fault,
});
const ignored = (detail: string): Normalised => ({ ok: false, why: 'ignored', detail });

function withUser<T extends z.output<typeof UserFields>>(
  schema: z.ZodType<T>,
  data: unknown,
  make: (d: T, user: RoomUser) => RoomEvent,
): Normalised {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return refused(fieldFault(parsed.error));
  const user = userOf(parsed.data);
  if (!user) return refused({ code: 'no_name' });
  return { ok: true, event: make(parsed.data, user) };
}

/** One TikFinity message (already JSON-parsed) to a room event, or why not. */
export function fromTikFinity(message: unknown): Normalised {
  const outer = TikFinityMessage.safeParse(message);
  if (!outer.success) return refused({ code: 'not_message', shape: '{event, data}' });
  const { event, data } = outer.data;
  switch (event) {
    case 'roomUser': {
      const parsed = ViewersData.safeParse(data);
      return parsed.success
        ? { ok: true, event: { kind: 'viewers', count: parsed.data.viewerCount } }
        : refused(fieldFault(parsed.error));
    }
    case 'chat':
      return withUser(ChatData, data, (d, user) => ({
        kind: 'chat',
        user,
        text: cleanText(d.comment, COMMENT_CAP),
      }));
    case 'gift': {
      const parsed = GiftData.safeParse(data);
      // A streakable gift (type 1) repeats while the streak runs: count it once, at its end.
      if (parsed.success && parsed.data.giftType === 1 && !parsed.data.repeatEnd)
        return ignored('gift streak still running');
      return withUser(GiftData, data, (d, user) => {
        const count = Math.max(1, d.repeatCount ?? 1);
        return {
          kind: 'gift',
          user,
          gift: cleanText(d.giftName ?? 'gift', NAME_CAP) || 'gift',
          count,
          diamonds: (d.diamondCount ?? 0) * count,
        };
      });
    }
    case 'like': {
      const parsed = LikeData.safeParse(data);
      if (!parsed.success) return refused(fieldFault(parsed.error));
      return {
        ok: true,
        event: { kind: 'like', user: userOf(parsed.data), count: parsed.data.likeCount ?? 1 },
      };
    }
    case 'member':
    case 'follow':
    case 'share':
      return withUser(UserFields, data, (_d, user) => ({ kind: event, user }));
    case 'streamEnd':
      return { ok: true, event: { kind: 'streamEnd' } };
    default:
      return ignored(`"${event.slice(0, 32)}" is not an event Flashcue uses`);
  }
}
