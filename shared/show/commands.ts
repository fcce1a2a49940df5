/**
 * Commands as the producer (or any tool) gives them, with optional arguments, and `decide`:
 * the one place that accepts or refuses a command and fills in its defaults. Prices here are
 * minor units; the command API converts decimal prices before calling in.
 */
import { formatMoney } from '../money';
import { parseWith, type Result } from '../validation';
import { currentSegment, lastLiveSaleIndex, product, segmentProductId } from './derive';
import { decideCancel, decideSale, type OrderDecision } from './orders';
import { decideReplan } from './replan';
import { decideMarker } from '../marker/marker';
import { ShowCommand } from './commandSchema';
import type { ShowContext } from './types';
import { refusal } from './refusal';

export { ShowCommand };
export type { ShowCommandInput } from './commandSchema';

/** What `decide` needs of a snapshot: the phase and the context. */
export interface ShowState {
  phase: 'ready' | 'live' | 'ended';
  paused: boolean;
  context: ShowContext;
}

/** A refusal may be a duplicate order: the caller answers with the first one's result. */
export type Decision = OrderDecision;

const refuse = refusal;

export function parseCommand(input: unknown): Result<ShowCommand> {
  return parseWith(ShowCommand, input);
}

/** Accepts or refuses a validated command at time `at`, returning the event to log. */
export function decide(state: ShowState, cmd: ShowCommand, at: number): Decision {
  const { phase, context: ctx } = state;
  const count = ctx.sheet.segments.length;
  const index = ctx.onAir?.index ?? -1;
  // `action` names the refused step for the controller's translation of the sentence.
  const needLive = (what: string, action: string): Decision | null =>
    phase === 'live'
      ? null
      : refuse(
          phase === 'ready'
            ? `Start the show before you ${what}.`
            : `The show has ended: you can't ${what} now.`,
          phase === 'ready' ? 'need_start' : 'need_not_ended',
          { action },
        );
  const name = (id: string) => product(ctx, id)?.name ?? id;
  const money = (minor: number) => formatMoney(minor, ctx.sheet.show.currency);

  switch (cmd.type) {
    case 'show.start':
      return phase === 'ready'
        ? { ok: true, event: { type: 'show.start', at } }
        : refuse(
            phase === 'live'
              ? 'The show is already live.'
              : 'This show has ended; load a run sheet to start a new one.',
            phase === 'live' ? 'already_live' : 'show_ended_load',
          );
    case 'show.next':
      return (
        needLive('move to the next segment', 'next') ??
        (index + 1 < count
          ? { ok: true, event: { type: 'show.next', at } }
          : refuse('This is the last segment: end the show instead.', 'last_segment'))
      );
    case 'show.prev':
      return (
        needLive('go back', 'back') ??
        (index > 0
          ? { ok: true, event: { type: 'show.prev', at } }
          : refuse('This is the first segment: there is nothing before it.', 'first_segment'))
      );
    case 'show.goto':
      if (cmd.index >= count)
        return refuse(
          `There is no segment ${cmd.index + 1}: the run sheet has ${count}.`,
          'no_segment',
          { n: cmd.index + 1, count },
        );
      if (cmd.index === index)
        return refuse(`Segment ${cmd.index + 1} is already on air.`, 'segment_on_air', {
          n: cmd.index + 1,
        });
      return (
        needLive('jump to a segment', 'goto') ?? {
          ok: true,
          event: { type: 'show.goto', index: cmd.index, at },
        }
      );
    case 'show.pause':
      return (
        needLive('pause', 'pause') ??
        (state.paused
          ? refuse('The show is already paused.', 'already_paused')
          : { ok: true, event: { type: 'show.pause', freezeDeal: cmd.freezeDeal ?? false, at } })
      );
    case 'show.resume':
      return (
        needLive('resume', 'resume') ??
        (state.paused
          ? { ok: true, event: { type: 'show.resume', at } }
          : refuse('The show is not paused.', 'not_paused'))
      );
    case 'show.end':
      return needLive('end the show', 'end_show') ?? { ok: true, event: { type: 'show.end', at } };
    case 'deal.start':
      return (
        needLive('start a flash deal', 'start_deal') ?? decideDeal(state, cmd, at, name, money)
      );
    case 'deal.extend':
      return (
        needLive('extend a deal', 'extend_deal') ??
        (ctx.deal
          ? { ok: true, event: { type: 'deal.extend', seconds: cmd.seconds, at } }
          : refuse('No flash deal is running.', 'no_deal'))
      );
    case 'deal.end':
      return (
        needLive('end a deal', 'end_deal') ??
        (ctx.deal
          ? { ok: true, event: { type: 'deal.end', at } }
          : refuse('No flash deal is running.', 'no_deal'))
      );
    case 'sale':
      return decideSale(phase, ctx, cmd, at);
    case 'sale.cancel':
      return decideCancel(phase, ctx, cmd, at);
    case 'sale.undo':
      if (phase === 'ready')
        return refuse('Nothing to undo: no sale has been recorded.', 'nothing_to_undo');
      return lastLiveSaleIndex(ctx) < 0
        ? refuse('Nothing to undo: no sale has been recorded.', 'nothing_to_undo')
        : { ok: true, event: { type: 'sale.undo', at } };
    case 'stock.set':
      if (phase === 'ended')
        return refuse('The show has ended: stock can no longer change.', 'ended_stock');
      return product(ctx, cmd.productId)
        ? {
            ok: true,
            event: { type: 'stock.set', productId: cmd.productId, remaining: cmd.remaining, at },
          }
        : refuse(`There is no product "${cmd.productId}" in this run sheet.`, 'no_product', {
            id: cmd.productId,
          });
    case 'viewers':
      if (cmd.concurrent !== undefined && phase !== 'live')
        return refuse(
          'Concurrent viewers can be sampled only while the show is live.',
          'viewers_not_live',
        );
      if (phase === 'ready')
        return refuse('Start the show before you enter viewers.', 'viewers_start');
      return {
        ok: true,
        event: {
          type: 'viewers',
          concurrent: cmd.concurrent ?? null,
          unique: cmd.unique ?? null,
          at,
        },
      };
    case 'lowerThird.show':
    case 'lowerThird.hide':
      return (
        needLive('show or hide the product card', 'card') ?? {
          ok: true,
          event: { type: cmd.type, at },
        }
      );
    case 'cue':
      return phase === 'ended'
        ? refuse('The show has ended: the host no longer sees cues.', 'ended_cues')
        : { ok: true, event: { type: 'cue', text: cmd.text, at } };
    case 'show.replan':
      return decideReplan(phase, ctx, cmd, at);
    case 'marker.add':
      return decideMarker(phase, ctx, cmd, at);
  }
}

function decideDeal(
  state: ShowState,
  cmd: Extract<ShowCommand, { type: 'deal.start' }>,
  at: number,
  name: (id: string) => string,
  money: (minor: number) => string,
): Decision {
  const ctx = state.context;
  if (ctx.deal)
    return refuse(
      `A flash deal on ${name(ctx.deal.productId)} is already running: end it first.`,
      'deal_running',
      { name: name(ctx.deal.productId) },
    );
  const productId = cmd.productId ?? segmentProductId(currentSegment(ctx));
  if (!productId)
    return refuse('No product is on air: choose the product for the deal.', 'deal_no_product');
  const p = product(ctx, productId);
  if (!p)
    return refuse(`There is no product "${productId}" in this run sheet.`, 'no_product', {
      id: productId,
    });
  if ((ctx.stock[productId] ?? 0) <= 0)
    return refuse(`${p.name} is sold out: set its stock before starting a deal.`, 'deal_sold_out', {
      name: p.name,
    });
  const segment = currentSegment(ctx);
  const plan = segment?.kind === 'flash' && segment.productId === productId ? segment : undefined;
  const price = cmd.price ?? plan?.price ?? p.flashPrice ?? p.livePrice;
  if (price > p.livePrice)
    return refuse(
      `The deal price ${money(price)} is above ${p.name}'s live price ${money(p.livePrice)}.`,
      'deal_price_above',
      { price: money(price), name: p.name, live: money(p.livePrice) },
    );
  const seconds = cmd.seconds ?? plan?.dealSeconds ?? p.flashSeconds ?? plan?.durationSec;
  if (seconds === undefined)
    return refuse(
      `How long should the deal on ${p.name} run? Give it a length in seconds.`,
      'deal_seconds',
      { name: p.name },
    );
  const quantity = cmd.quantity ?? plan?.quantity ?? p.flashQuantity ?? null;
  return {
    ok: true,
    event: {
      type: 'deal.start',
      productId,
      price,
      seconds,
      quantity,
      planned: plan !== undefined,
      at,
    },
  };
}
