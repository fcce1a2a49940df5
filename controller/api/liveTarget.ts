/** Connects the command API to the live session: queries answered here, commands sent on. */
import { toMajor } from '../../shared/money';
import { importValue } from '../../shared/import';
import { describeErrors } from '../../shared/validation';
import { salesTotals } from '../../shared/show';
import type { FlashcueDb } from '../db/db';
import { saveRunSheet } from '../db/runSheets';
import type { LiveSession } from '../state/liveSession.svelte';
import type { CommandTarget } from './commandServer';

export function liveCommandTarget(live: LiveSession, db: FlashcueDb): CommandTarget {
  return {
    currency: () => live.sheet?.show.currency ?? null,
    send: (command, { commandId }) => live.send(command, { commandId }),
    async query(command, args) {
      switch (command) {
        case 'state.get': {
          const view = live.view;
          return view ? { ok: true, result: view } : { ok: false, error: 'No show is loaded: load a run sheet first.' };
        }
        case 'report.get': {
          const ctx = live.snapshot?.context;
          if (!ctx) return { ok: false, error: 'No show is loaded: load a run sheet first.' };
          const currency = ctx.sheet.show.currency;
          const totals = salesTotals(ctx);
          return {
            ok: true,
            result: {
              showId: live.show?.id,
              currency,
              gmv: toMajor(totals.gmv, currency),
              orders: totals.orders,
              units: totals.units,
              averageOrderValue: totals.orders ? toMajor(Math.round(totals.gmv / totals.orders), currency) : null,
              targetGmv: ctx.sheet.show.targetGmv === undefined ? null : toMajor(ctx.sheet.show.targetGmv, currency),
              uniqueViewers: ctx.uniqueViewers,
              conversionRate: ctx.uniqueViewers ? totals.orders / ctx.uniqueViewers : null,
            },
          };
        }
        case 'runsheet.load': {
          if (live.state?.phase === 'live') return { ok: false, error: 'A show is live: end it before loading the next run sheet.' };
          const imported = importValue(args.runSheet);
          if (!imported.result.ok) return { ok: false, error: `The run sheet was refused:\n${describeErrors(imported.result.errors)}` };
          const saved = await saveRunSheet(db, imported.result.value);
          if (!saved.ok) return { ok: false, error: `The run sheet was refused:\n${describeErrors(saved.errors)}` };
          const show = await live.startFrom(saved.value.sheet);
          return show ? { ok: true, result: { runSheetId: saved.value.id, showId: show.id } } : { ok: false, error: 'The run sheet could not be loaded.' };
        }
      }
    },
  };
}
