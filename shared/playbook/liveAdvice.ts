/** Advice for a running show, from its context: where the show is, and where it will end. */
import type { ProductHistory } from '../report/history';
import { projectedEndAt } from '../show/derive';
import type { ShowContext } from '../show/types';
import { adviseReplan, type Advice } from './advice';

/** The plan's end: the show's start plus its planned length (replans do not move it). */
export function plannedEndAt(ctx: ShowContext): number | null {
  return ctx.startedAt === null ? null : ctx.startedAt + ctx.sheet.show.durationSec * 1000;
}

export function adviceFor(
  ctx: ShowContext,
  now: number,
  history: readonly ProductHistory[],
  thresholdMs?: number,
): Advice | null {
  const planned = plannedEndAt(ctx);
  if (planned === null || ctx.endedAt !== null || !ctx.onAir) return null;
  return adviseReplan({
    sheet: ctx.sheet,
    onAirIndex: ctx.onAir.index,
    now,
    projectedEndAt: projectedEndAt(ctx, now),
    plannedEndAt: planned,
    history,
    ...(thresholdMs === undefined ? {} : { thresholdMs }),
  });
}
