/** Connects the command API to the live session: queries answered here, commands sent on. */
import { importValue } from '../../shared/import';
import { apiReport } from '../../shared/report/apiFigures';
import { reportFromContext } from '../../shared/report/showReport';
import type { FlashcueDb } from '../db/db';
import { keepSheet } from '../plan/keep';
import type { LiveSession } from '../show/liveSession.svelte';
import type { CommandTarget } from './commandServer';
import {
  importOnBackup,
  importWithoutShow,
  loadFailed,
  loadOnBackup,
  loadWhileLive,
  noShowLive,
  noShowLoaded,
  sheetRefused,
} from './apiRefusals';
import { ordersImport, platformBlock } from '../report/platform/apiOrders';
import { adviceFor } from '../../shared/playbook/liveAdvice';
import { pastProductHistory } from '../show/pastHistory';
import { apiPolls } from '../../shared/poll/apiPolls';
import { emptyPollRoom, type PollRoom } from '../../shared/poll/state';

/** `polls`: the show's poll room as the poll store holds it (its newest votes, not yet written). */
export function liveCommandTarget(
  live: LiveSession,
  db: FlashcueDb,
  polls: () => PollRoom = emptyPollRoom,
): CommandTarget {
  return {
    answers: (transport) => live.role !== 'backup' || live.isLocal(transport),
    currency: () => live.sheet?.show.currency ?? null,
    send: (command, { commandId }) => live.send(command, { commandId }),
    async query(command, args) {
      switch (command) {
        case 'state.get': {
          const view = live.view;
          return view ? { ok: true, result: view } : noShowLoaded();
        }
        case 'report.get': {
          const ctx = live.snapshot?.context;
          if (!ctx) return noShowLoaded();
          const report = reportFromContext(ctx, Date.now());
          const showId = live.show?.id ?? null;
          return {
            ok: true,
            result: {
              showId,
              ...apiReport(report),
              platform: showId ? await platformBlock(db, showId, ctx.sheet, report, ctx) : null,
              ...apiPolls(polls()),
            },
          };
        }
        case 'show.advice': {
          const ctx = live.snapshot?.context;
          if (!ctx || live.state?.phase !== 'live') return noShowLive();
          const now = Date.now();
          const advice = adviceFor(ctx, now, await pastProductHistory(db));
          return { ok: true, result: advice };
        }
        case 'orders.import': {
          const ctx = live.snapshot?.context;
          const show = live.show;
          if (!ctx || !show) return importWithoutShow();
          if (live.role === 'backup') return importOnBackup();
          const report = reportFromContext(ctx, Date.now());
          return ordersImport(db, { id: show.id, sheet: ctx.sheet, report, context: ctx }, args);
        }
        case 'runsheet.load': {
          if (live.role === 'backup') return loadOnBackup();
          if (live.state?.phase === 'live') return loadWhileLive();
          const imported = importValue(args.runSheet);
          if (!imported.result.ok) return sheetRefused(imported.result.errors);
          // Never replaces a saved sheet: a taken id with other content is saved as id-2…
          const kept = await keepSheet(db, imported.result.value);
          if (!kept.ok) return sheetRefused(kept.errors);
          const show = await live.startFrom(kept.value.row.sheet);
          return show
            ? { ok: true, result: { runSheetId: kept.value.row.id, showId: show.id } }
            : loadFailed();
        }
      }
    },
  };
}
