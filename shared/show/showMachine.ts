/**
 * The show machine: ready → live (segment running/paused ∥ deal idle/running/frozen ∥
 * lower-third shown/hidden) → ended. Context changes are the pure functions of apply.ts; the
 * machine adds structure and the one timer (a deal's deadline).
 *
 * Deadlines are absolute. `clock.sync` settles them up to a moment and re-enters the deal
 * state, which re-arms the `after` timer from the deadline: send it whenever an actor starts
 * from a restored snapshot, and before each event (so a deal that ran out between timer
 * ticks is closed at its deadline before the next command is judged).
 */
import { assign, setup } from 'xstate';
import * as A from './apply';
import { dealRemainingMs, lastLiveSaleIndex } from './derive';
import { canCancelOrder, canRecordSale, isPlatformSource } from './orders';
import { applyReplan, canReplan } from './replan';
import type { MachineEvent, ShowContext, ShowInput } from './types';

type E<T extends MachineEvent['type']> = Extract<MachineEvent, { type: T }>;

export const showMachine = setup({
  types: {
    context: {} as ShowContext,
    events: {} as MachineEvent,
    input: {} as ShowInput,
  },
  actions: {
    stamp: assign(({ context, event }) => A.tick(context, event.at)),
    start: assign(({ context, event }) => A.start(context, event as E<'show.start'>)),
    next: assign(({ context, event }) => A.goTo(context, context.onAir!.index + 1, event.at)),
    prev: assign(({ context, event }) => A.goTo(context, context.onAir!.index - 1, event.at)),
    goto: assign(({ context, event }) =>
      A.goTo(context, (event as E<'show.goto'>).index, event.at),
    ),
    pause: assign(({ context, event }) => A.pause(context, event as E<'show.pause'>)),
    resume: assign(({ context, event }) => A.resume(context, event as E<'show.resume'>)),
    end: assign(({ context, event }) => A.end(context, event as E<'show.end'>)),
    startDeal: assign(({ context, event }) => A.startDeal(context, event as E<'deal.start'>)),
    extendDeal: assign(({ context, event }) => A.extendDeal(context, event as E<'deal.extend'>)),
    endDeal: assign(({ context, event }) =>
      A.finishDeal(A.tick(context, event.at), event.at, 'ended'),
    ),
    freezeDeal: assign(({ context, event }) => A.freezeDeal(context, event.at)),
    thawDeal: assign(({ context, event }) => A.thawDeal(context, event.at)),
    closeOverDeal: assign(({ context }) => A.closeOverDeal(context)),
    expireDeal: assign(({ context }) => {
      const at = context.deal?.endsAt ?? context.now;
      return A.finishDeal(A.tick(context, at), at, 'expired');
    }),
    sell: assign(({ context, event }) => A.sell(context, event as E<'sale'>)),
    cancelSale: assign(({ context, event }) => A.cancel(context, event as E<'sale.cancel'>)),
    undoSale: assign(({ context, event }) => A.undoSale(context, event as E<'sale.undo'>)),
    setStock: assign(({ context, event }) => A.setStock(context, event as E<'stock.set'>)),
    viewers: assign(({ context, event }) => A.recordViewers(context, event as E<'viewers'>)),
    cue: assign(({ context, event }) => A.setCue(context, event as E<'cue'>)),
    replan: assign(({ context, event }) => applyReplan(context, event as E<'show.replan'>)),
  },
  guards: {
    hasNext: ({ context }) =>
      context.onAir !== null && context.onAir.index + 1 < context.sheet.segments.length,
    hasPrev: ({ context }) => context.onAir !== null && context.onAir.index > 0,
    validGoto: ({ context, event }) => {
      const index = (event as E<'show.goto'>).index;
      return index >= 0 && index < context.sheet.segments.length && index !== context.onAir?.index;
    },
    canSell: ({ context, event }) => canRecordSale(context, event as E<'sale'>),
    canSellLate: ({ context, event }) =>
      isPlatformSource((event as E<'sale'>).source) && canRecordSale(context, event as E<'sale'>),
    canCancel: ({ context, event }) => canCancelOrder(context, event as E<'sale.cancel'>),
    canUndo: ({ context }) => lastLiveSaleIndex(context) >= 0,
    knownProduct: ({ context, event }) =>
      (context.stock[(event as E<'stock.set'>).productId] ?? -1) >= 0,
    canStartDeal: ({ context, event }) =>
      (context.stock[(event as E<'deal.start'>).productId] ?? 0) > 0,
    freezes: ({ event }) => (event as E<'show.pause'>).freezeDeal,
    dealOver: ({ context }) => A.dealOverReason(context) !== null,
    canReplan: ({ context, event }) => canReplan(context, event as E<'show.replan'>),
  },
  delays: {
    dealDeadline: ({ context }) =>
      context.deal ? Math.max(0, dealRemainingMs(context.deal, context.now)) : 0,
  },
}).createMachine({
  id: 'show',
  context: ({ input }) => A.initialContext(input.sheet),
  initial: 'ready',
  on: {
    'clock.sync': { actions: 'stamp' },
  },
  states: {
    ready: {
      on: {
        'show.start': { target: 'live', actions: 'start' },
        'stock.set': { guard: 'knownProduct', actions: 'setStock' },
        cue: { actions: 'cue' },
      },
    },
    live: {
      type: 'parallel',
      on: {
        'show.end': { target: 'ended', actions: 'end' },
        'show.next': { guard: 'hasNext', actions: 'next' },
        'show.prev': { guard: 'hasPrev', actions: 'prev' },
        'show.goto': { guard: 'validGoto', actions: 'goto' },
        sale: { guard: 'canSell', actions: 'sell' },
        'sale.undo': { guard: 'canUndo', actions: 'undoSale' },
        'sale.cancel': { guard: 'canCancel', actions: 'cancelSale' },
        'stock.set': { guard: 'knownProduct', actions: 'setStock' },
        viewers: { actions: 'viewers' },
        cue: { actions: 'cue' },
        'show.replan': { guard: 'canReplan', actions: 'replan' },
      },
      states: {
        segment: {
          initial: 'running',
          states: {
            running: { on: { 'show.pause': { target: 'paused', actions: 'pause' } } },
            paused: { on: { 'show.resume': { target: 'running', actions: 'resume' } } },
          },
        },
        deal: {
          initial: 'idle',
          states: {
            idle: {
              on: {
                'deal.start': { guard: 'canStartDeal', target: 'running', actions: 'startDeal' },
              },
            },
            running: {
              // Sold out, or a deadline passed before an event or sync: close it now.
              always: { guard: 'dealOver', target: 'idle', actions: 'closeOverDeal' },
              after: { dealDeadline: { target: 'idle', actions: 'expireDeal' } },
              on: {
                'clock.sync': { target: 'running', reenter: true, actions: 'stamp' },
                'deal.extend': { target: 'running', reenter: true, actions: 'extendDeal' },
                'deal.end': { target: 'idle', actions: 'endDeal' },
                'show.pause': { guard: 'freezes', target: 'frozen', actions: 'freezeDeal' },
              },
            },
            frozen: {
              always: { guard: 'dealOver', target: 'idle', actions: 'closeOverDeal' },
              on: {
                'show.resume': { target: 'running', actions: 'thawDeal' },
                'deal.extend': { actions: 'extendDeal' },
                'deal.end': { target: 'idle', actions: 'endDeal' },
              },
            },
          },
        },
        lowerThird: {
          initial: 'shown',
          states: {
            shown: { on: { 'lowerThird.hide': { target: 'hidden', actions: 'stamp' } } },
            hidden: { on: { 'lowerThird.show': { target: 'shown', actions: 'stamp' } } },
          },
        },
      },
    },
    ended: {
      on: {
        viewers: { actions: 'viewers' },
        'sale.undo': { guard: 'canUndo', actions: 'undoSale' },
        // Platforms refund after the show, and a poll may bring an order placed before its end.
        'sale.cancel': { guard: 'canCancel', actions: 'cancelSale' },
        sale: { guard: 'canSellLate', actions: 'sell' },
      },
    },
  },
});
