/**
 * How each accepted event changes the context: pure functions, one per event, used by the
 * machine's assign actions. They assume `decide` accepted the event (the machine's guards
 * re-check the rules that depend on context). Lists and records change only through the
 * owned.ts helpers: copies, except inside replay's private working context.
 */
import type { RunSheet } from '../runsheet/schema';
import { dealRemainingMs, lastLiveSaleIndex, segmentProductId } from './derive';
import { stockTaken } from './orderApply';
import { appended, replaced, withKey } from './owned';
import type { Deal, DealEndReason, MachineEvent, ShowContext, ShowEvent } from './types';

type Of<T extends MachineEvent['type']> = Extract<MachineEvent, { type: T }>;

export function initialContext(sheet: RunSheet): ShowContext {
  return {
    sheet,
    now: 0,
    startedAt: null,
    endedAt: null,
    onAir: null,
    deal: null,
    deals: [],
    stock: Object.fromEntries(sheet.products.map((p) => [p.id, p.stock])),
    revealed: {},
    sales: [],
    cue: null,
    viewerSamples: [],
    uniqueViewers: null,
    history: [],
    orders: {},
    nextId: 1,
  };
}

export function tick(ctx: ShowContext, at: number): ShowContext {
  return at > ctx.now ? { ...ctx, now: at } : ctx;
}

function reveal(revealed: Record<string, number>, productId: string | undefined, at: number) {
  return productId === undefined || productId in revealed
    ? revealed
    : withKey(revealed, productId, at);
}

/** Puts segment `index` on air at `at`, closing the previous run. A paused show stays paused. */
export function goTo(ctx: ShowContext, index: number, at: number): ShowContext {
  const segment = ctx.sheet.segments[index]!;
  const paused = ctx.onAir?.pausedAt != null;
  const history = appended(closeRun(ctx, at), {
    index,
    segmentId: segment.id,
    startedAt: at,
    endedAt: null,
    pausedMs: 0,
  });
  return {
    ...tick(ctx, at),
    onAir: { index, startedAt: at, pausedAt: paused ? at : null, pausedMs: 0 },
    history,
    revealed: reveal(ctx.revealed, segmentProductId(segment), at),
  };
}

function closeRun(ctx: ShowContext, at: number) {
  const history = ctx.history;
  const last = history.at(-1);
  const onAir = ctx.onAir;
  if (!last || last.endedAt !== null || !onAir) return history;
  const pausedMs = onAir.pausedMs + (onAir.pausedAt !== null ? at - onAir.pausedAt : 0);
  return replaced(history, history.length - 1, { ...last, endedAt: at, pausedMs });
}

export function start(ctx: ShowContext, e: Of<'show.start'>): ShowContext {
  return goTo({ ...ctx, startedAt: e.at }, 0, e.at);
}

export function end(ctx: ShowContext, e: Of<'show.end'>): ShowContext {
  const settled = closeOverDeal(tick(ctx, e.at));
  const closed = settled.deal ? finishDeal(settled, e.at, 'show-ended') : settled;
  const onAir =
    closed.onAir && closed.onAir.pausedAt !== null
      ? {
          ...closed.onAir,
          pausedMs: closed.onAir.pausedMs + e.at - closed.onAir.pausedAt,
          pausedAt: null,
        }
      : closed.onAir;
  return { ...tick(closed, e.at), history: closeRun(closed, e.at), onAir, endedAt: e.at };
}

export function pause(ctx: ShowContext, e: Of<'show.pause'>): ShowContext {
  return ctx.onAir ? { ...tick(ctx, e.at), onAir: { ...ctx.onAir, pausedAt: e.at } } : ctx;
}

export function resume(ctx: ShowContext, e: Of<'show.resume'>): ShowContext {
  const onAir = ctx.onAir;
  if (!onAir || onAir.pausedAt === null) return ctx;
  return {
    ...tick(ctx, e.at),
    onAir: { ...onAir, pausedAt: null, pausedMs: onAir.pausedMs + (e.at - onAir.pausedAt) },
  };
}

export function startDeal(ctx: ShowContext, e: Of<'deal.start'>): ShowContext {
  const ms = e.seconds * 1000;
  const deal: Deal = {
    id: ctx.nextId,
    productId: e.productId,
    price: e.price,
    startedAt: e.at,
    endsAt: e.at + ms,
    plannedMs: ms,
    extendedMs: 0,
    cap: e.quantity,
    sold: 0,
    frozenAt: null,
    frozenMs: 0,
    planned: e.planned,
    segmentIndex: ctx.onAir?.index ?? null,
    endedAt: null,
    endReason: null,
  };
  return {
    ...tick(ctx, e.at),
    deal,
    nextId: ctx.nextId + 1,
    revealed: reveal(ctx.revealed, e.productId, e.at),
  };
}

export function extendDeal(ctx: ShowContext, e: Of<'deal.extend'>): ShowContext {
  if (!ctx.deal) return ctx;
  const ms = e.seconds * 1000;
  return {
    ...tick(ctx, e.at),
    deal: { ...ctx.deal, endsAt: ctx.deal.endsAt + ms, extendedMs: ctx.deal.extendedMs + ms },
  };
}

export function freezeDeal(ctx: ShowContext, at: number): ShowContext {
  return ctx.deal ? { ...ctx, deal: { ...ctx.deal, frozenAt: at } } : ctx;
}

export function thawDeal(ctx: ShowContext, at: number): ShowContext {
  const deal = ctx.deal;
  if (!deal || deal.frozenAt === null) return ctx;
  const frozen = at - deal.frozenAt;
  return {
    ...ctx,
    deal: {
      ...deal,
      frozenAt: null,
      endsAt: deal.endsAt + frozen,
      frozenMs: deal.frozenMs + frozen,
    },
  };
}

/** Moves the running deal into the finished list. */
export function finishDeal(ctx: ShowContext, at: number, reason: DealEndReason): ShowContext {
  const deal = ctx.deal;
  if (!deal) return ctx;
  const thawed = thawDeal(ctx, at).deal!;
  return {
    ...ctx,
    deal: null,
    deals: appended(ctx.deals, { ...thawed, endedAt: at, endReason: reason }),
  };
}

/** Why the running deal is over at the context's `now`, if it is. */
export function dealOverReason(ctx: ShowContext): DealEndReason | null {
  const deal = ctx.deal;
  if (!deal) return null;
  if ((ctx.stock[deal.productId] ?? 0) <= 0) return 'soldout';
  if (deal.cap !== null && deal.sold >= deal.cap) return 'soldout';
  if (deal.frozenAt === null && dealRemainingMs(deal, ctx.now) <= 0) return 'expired';
  return null;
}

/** Closes a deal found over: an expired one ends at its deadline, not when it was noticed. */
export function closeOverDeal(ctx: ShowContext): ShowContext {
  const reason = dealOverReason(ctx);
  if (!reason || !ctx.deal) return ctx;
  const at = reason === 'expired' ? ctx.deal.endsAt : ctx.now;
  return finishDeal(ctx, at, reason);
}

export { cancel, sell } from './orderApply';

export function undoSale(ctx: ShowContext, e: Of<'sale.undo'>): ShowContext {
  const i = lastLiveSaleIndex(ctx);
  if (i < 0) return ctx;
  const sale = ctx.sales[i]!;
  const sales = replaced(ctx.sales, i, { ...sale, undoneAt: e.at });
  const deal =
    ctx.deal && sale.dealId === ctx.deal.id
      ? { ...ctx.deal, sold: ctx.deal.sold - sale.quantity }
      : ctx.deal;
  const back = stockTaken(sale);
  return {
    ...tick(ctx, e.at),
    sales,
    deal,
    stock:
      back > 0
        ? withKey(ctx.stock, sale.productId, (ctx.stock[sale.productId] ?? 0) + back)
        : ctx.stock,
  };
}

export function setStock(ctx: ShowContext, e: Of<'stock.set'>): ShowContext {
  return { ...tick(ctx, e.at), stock: withKey(ctx.stock, e.productId, e.remaining) };
}

export function recordViewers(ctx: ShowContext, e: Of<'viewers'>): ShowContext {
  return {
    ...tick(ctx, e.at),
    viewerSamples:
      e.concurrent === null
        ? ctx.viewerSamples
        : appended(ctx.viewerSamples, { at: e.at, concurrent: e.concurrent }),
    uniqueViewers: e.unique ?? ctx.uniqueViewers,
  };
}

export function setCue(ctx: ShowContext, e: Of<'cue'>): ShowContext {
  return { ...tick(ctx, e.at), cue: { text: e.text, at: e.at } };
}

export function stamp(ctx: ShowContext, e: ShowEvent | Of<'clock.sync'>): ShowContext {
  return tick(ctx, e.at);
}
