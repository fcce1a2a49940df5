/**
 * The receive side of the catalogue without zod, for pages that must stay small (overlays, and
 * the host view through the same receiver). messages.ts stays the source of truth and the
 * controller keeps parsing with zod: these checks mirror its schemas rule for rule, and
 * test/unit/shared/protocol/messageCheck.test.ts proves them equivalent (same verdict, same output,
 * unknown keys stripped) on generated and hostile input.
 *
 * A page reads only views, assets, custom words, the room's message (thanks for the ticker) and
 * the poll overlay's message. Every other kind — hellos, commands and acks meant for
 * the controller, controller-to-controller traffic — is `unknown`: ignored and counted apart,
 * never parsed, which keeps these checks (and the page) small.
 */
import type { OverlayView } from '../view/overlayView';
import { APP, PROTOCOL_VERSION, isFlashcueEnvelope } from './envelope';
import type { AssetMessage, FlashcueMessage, ViewMessage, WordsMessage } from './messages';
import type { RoomMessage } from './roomMessage';
import type { PollMessage } from './pollMessage';
import {
  NO,
  int,
  isObject,
  nonneg,
  text,
  oneOf,
  bool,
  nullable,
  optional,
  list,
  object,
  type Check,
  type Out,
} from './checks';

const segmentKind = oneOf('opening', 'product', 'flash', 'engagement', 'break', 'closing');

const view = object({
  phase: oneOf('ready', 'live', 'paused', 'ended'),
  title: text(200),
  currency: text(3, /^[A-Z]{3}$/),
  segment: nullable(
    object({
      index: nonneg,
      count: nonneg,
      kind: segmentKind,
      title: text(200),
      plannedMs: nonneg,
      elapsedMs: nonneg,
      remainingMs: int,
    }),
  ),
  product: nullable(
    object({
      id: text(64),
      name: text(200),
      category: nullable(text(64)),
      image: nullable(text(2048)),
      retailPrice: nonneg,
      livePrice: nonneg,
      price: nonneg,
      priceKind: oneOf('deal', 'live', 'retail'),
      stock: int,
      initialStock: nonneg,
      soldOut: bool,
      talkingPoints: list(text(200), 12),
    }),
  ),
  lowerThird: bool,
  deal: nullable(
    object({
      productId: text(64),
      price: nonneg,
      remainingMs: nonneg,
      totalMs: nonneg,
      cap: nullable(nonneg),
      sold: nonneg,
      frozen: bool,
    }),
  ),
  next: nullable(
    object({
      kind: segmentKind,
      title: text(200),
      productName: nullable(text(200)),
      startsInMs: nonneg,
    }),
  ),
  show: object({ elapsedMs: nonneg, remainingMs: nonneg, plannedMs: nonneg }),
  ticker: object({
    recent: list(
      object({
        id: nonneg,
        buyer: nullable(text(60)),
        productName: text(200),
        quantity: nonneg,
        agoMs: nonneg,
      }),
      20,
    ),
    unitsLastMinute: nonneg,
    unitsTotal: nonneg,
  }),
  cue: nullable(object({ text: text(200), agoMs: nonneg })),
  start: nullable(object({ inMs: nonneg, firstDeal: nullable(text(200)) })),
  cards: object({
    soldOut: nullable(
      object({
        productId: text(64),
        productName: text(200),
        afterMs: nullable(nonneg),
        agoMs: nonneg,
      }),
    ),
    recap: nullable(
      object({
        top: list(object({ name: text(200), units: nonneg }), 3),
        open: list(
          object({ name: text(200), price: nonneg, retailPrice: nonneg, left: nonneg, deal: bool }),
          3,
        ),
        next: nullable(object({ at: nonneg, timeZone: text(64) })),
      }),
    ),
  }),
});

/** z.record(key pattern, value) with at most `max` entries: own enumerable keys, as zod reads. */
const record =
  <T>(key: RegExp, value: Check<T>, max: number): Check<Record<string, T>> =>
  (v) => {
    if (!isObject(v)) return NO;
    const keys = Object.keys(v);
    if (keys.length > max) return NO;
    const out: Record<string, T> = {};
    for (const k of keys) {
      const r = value(v[k]);
      if (!key.test(k) || r === NO) return NO;
      out[k] = r; // the key patterns never match __proto__
    }
    return out;
  };

const envelope = { app: oneOf(APP), v: oneOf(PROTOCOL_VERSION) };

const checks = {
  view: object({
    ...envelope,
    kind: oneOf('view'),
    showId: text(64),
    session: text(64),
    term: optional(nonneg),
    logSeq: nonneg,
    n: nonneg,
    view,
  }),
  asset: object({
    ...envelope,
    kind: oneOf('asset'),
    ref: text(Infinity, /^asset:[a-z0-9-]{1,40}$/),
    data: text(4_000_000, /^data:image\/(png|jpeg|gif|webp|avif|svg\+xml);base64,/),
  }),
  words: object({
    ...envelope,
    kind: oneOf('words'),
    words: record(
      /^[a-z]{2,3}(-[A-Z]{2})?$/,
      record(/^ov_[a-z_]{1,40}(#(zero|one|two|few|many|other))?$/, text(120), 64),
      16,
    ),
  }),
} satisfies { [K in FlashcueMessage['kind']]?: Check<unknown> };

/**
 * The room's message (the ticker's thanks) and the poll page's: only those pages read them,
 * so the checks are marked pure and every other page's script drops them.
 */
const roomCheck = /* @__PURE__ */ object({
  ...envelope,
  kind: oneOf('room'),
  session: text(64),
  n: nonneg,
  question: nullable(object({ id: text(16), name: text(64), text: text(400) })),
  thanks: nullable(
    object({
      id: nonneg,
      kind: oneOf('gift', 'follow', 'share'),
      name: text(64),
      gift: optional(text(64)),
      count: optional(nonneg),
      agoMs: nonneg,
    }),
  ),
});
const pollCheck = /* @__PURE__ */ object({
  ...envelope,
  kind: oneOf('poll'),
  session: text(64),
  n: nonneg,
  poll: nullable(
    object({
      id: text(16),
      question: text(960),
      options: list(object({ label: text(320), votes: nonneg, percent: nonneg }), 4),
      total: nonneg,
      state: oneOf('open', 'closed', 'confirmed'),
      winners: list(nonneg, 4),
    }),
  ),
  giveaway: nullable(
    object({
      id: text(16),
      keyword: text(320),
      remainingMs: nonneg,
      entrants: nonneg,
      winner: nullable(text(256)),
      draw: nonneg,
    }),
  ),
});

export type Checked =
  | { ok: true; message: FlashcueMessage }
  | { ok: false; reason: 'foreign' | 'invalid' }
  /** A kind this page does not know: ignored, neither an attack nor an error. */
  | { ok: false; reason: 'unknown'; kind: string };

function checkKinds(data: unknown, kinds: Record<string, Check<unknown>>): Checked {
  if (!isFlashcueEnvelope(data)) return { ok: false, reason: 'foreign' };
  const { v, kind } = data as { v?: unknown; kind?: unknown };
  if (v !== PROTOCOL_VERSION || typeof kind !== 'string') return { ok: false, reason: 'invalid' };
  if (!Object.hasOwn(kinds, kind)) return { ok: false, reason: 'unknown', kind };
  const message = kinds[kind]!(data);
  return message === NO
    ? { ok: false, reason: 'invalid' }
    : { ok: true, message: message as FlashcueMessage };
}

/** What every overlay page reads: views, assets and custom words; any other kind is `unknown`. */
export const checkViewMessage = (data: unknown): Checked => checkKinds(data, checks);

// Built once, not per message; pure, so pages without checkMessage drop it with the checks.
const everyKind = /* @__PURE__ */ Object.assign({ room: roomCheck, poll: pollCheck }, checks);

/** Every kind a page may read: the room's and the poll's messages too (ticker, poll page). */
export const checkMessage = (data: unknown): Checked => checkKinds(data, everyKind);

// Each check describes exactly the type zod infers from messages.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Flat<T> = { [K in keyof T]: T[K] };
const sameAsSchema: [
  Same<Flat<Out<typeof checks.view>>, ViewMessage>,
  Same<Out<typeof view>, OverlayView>,
  Same<Flat<Out<typeof checks.asset>>, AssetMessage>,
  Same<Flat<Out<typeof checks.words>>, WordsMessage>,
  Same<Flat<Out<typeof roomCheck>>, RoomMessage>,
  Same<Flat<Out<typeof pollCheck>>, PollMessage>,
] = [true, true, true, true, true, true];
void sameAsSchema;
