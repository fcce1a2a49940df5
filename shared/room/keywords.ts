/**
 * Keyword orders: where a platform has no order feed, viewers order in the comments ("+1",
 * "buy 2", "我要2个"). A matching comment becomes a *pending* proposal in front of the producer,
 * who confirms it with one key (then it is recorded as a `sale` with source `tiktok-chat`) or
 * dismisses it. Nothing is ever recorded without that confirmation.
 */
import type { RoomUser } from './events.js';

/** The words that mean "I'll buy" out of the box; the producer can add their own. */
export const DEFAULT_BUY_WORDS = ['buy', 'i want', "i'll take", 'take', '我要', '买', '要'];

/** More than this in one comment is a typo or a joke, not an order: not proposed. */
export const MAX_KEYWORD_QUANTITY = 20;

export const CHAT_ORDER_SOURCE = 'tiktok-chat';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNITS = '(?:x|pcs?|个|件|份|套|支|瓶)?';

/** A parser for "+N" and "<buy word> [N]" (the whole comment, so a sentence about buying is not an order). */
export function keywordParser(buyWords: readonly string[] = DEFAULT_BUY_WORDS) {
  const words = buyWords.map((w) => w.trim().toLocaleLowerCase()).filter(Boolean);
  const wordRe = words.length
    ? new RegExp(
        `^(?:${words.map(escape).join('|')})\\s*(\\d{1,3})?\\s*${UNITS}\\s*[!！.。]*$`,
        'u',
      )
    : null;
  return (text: string): number | null => {
    const t = text.trim().toLocaleLowerCase();
    const plus = /^\+\s*(\d{1,3})\s*[!！]*$/u.exec(t);
    const hit = plus ?? wordRe?.exec(t) ?? null;
    if (!hit) return null;
    const quantity = hit[1] === undefined ? 1 : Number(hit[1]);
    return quantity >= 1 && quantity <= MAX_KEYWORD_QUANTITY ? quantity : null;
  };
}

export interface Proposal {
  id: string;
  at: number;
  user: RoomUser;
  text: string;
  quantity: number;
  productId: string;
  segmentIndex: number | null;
}

export interface Proposals {
  pending: Proposal[];
  nextId: number;
}

/** Pending proposals kept at most: the producer cannot work through more during a deal. */
export const PROPOSAL_LIMIT = 50;

export const noProposals = (): Proposals => ({ pending: [], nextId: 1 });

/**
 * A keyword comment while a product is on air: one pending proposal per viewer and product
 * (the viewer's newer comment changes the quantity instead of adding a second order).
 */
export function propose(proposals: Proposals, p: Omit<Proposal, 'id'>): Proposals {
  const same = proposals.pending.find(
    (x) => x.productId === p.productId && x.user.id === p.user.id && x.user.name === p.user.name,
  );
  if (same)
    return {
      ...proposals,
      pending: proposals.pending.map((x) =>
        x === same ? { ...x, quantity: p.quantity, text: p.text, at: p.at } : x,
      ),
    };
  if (proposals.pending.length >= PROPOSAL_LIMIT) return proposals;
  return {
    pending: [...proposals.pending, { ...p, id: `k${proposals.nextId}` }],
    nextId: proposals.nextId + 1,
  };
}

export const dismiss = (proposals: Proposals, id: string): Proposals => ({
  ...proposals,
  pending: proposals.pending.filter((x) => x.id !== id),
});

/** The `sale` command args a confirmed proposal becomes; the order id keeps a retry from counting twice. */
export function saleArgs(p: Proposal, showId: string) {
  return {
    productId: p.productId,
    quantity: p.quantity,
    buyer: p.user.name,
    orderId: `chat:${showId}:${p.id}`,
    source: CHAT_ORDER_SOURCE,
  };
}
