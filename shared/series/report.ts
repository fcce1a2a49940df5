/**
 * The series report (issue 18): week over week what the seed's case tables show (viewers,
 * GMV, orders, conversion), each session against the one before, and every series bonus
 * evaluated. A session's figures come from the latest ended show run from its run sheet; a
 * session with no ended show has not run yet. Pure.
 */
import type { SeriesDef, SeriesSession } from '../import/series';
import { growth } from '../report/compare';
import type { ShowReport } from '../report/types';
import { evaluateBonus, type BonusResult, type WeekFigures } from './bonus';

/** What the series report needs of a stored show. */
export interface SeriesShow {
  showId: string;
  runSheetId: string;
  status: string;
  startedAt: number | null;
  report: ShowReport;
}

export interface SeriesWeek extends SeriesSession {
  showId: string | null;
  figures: WeekFigures | null;
  /** Against the session before (null for the first, and where either is unknown). */
  change: {
    viewers: number | null;
    gmv: number | null;
    orders: number | null;
    /** Conversion this week minus the week before, in fraction points. */
    conversionPoints: number | null;
  };
}

export interface SeriesReport {
  weeks: SeriesWeek[];
  bonuses: BonusResult[];
  /** Σ of the amounts of bonuses met (minor units). */
  bonusesEarned: number;
  sessionsRun: number;
}

export function figuresOf(report: ShowReport): WeekFigures {
  return {
    viewers: report.viewers.uniqueViewers,
    peakViewers: report.viewers.peakConcurrent,
    gmv: report.totals.gmv,
    orders: report.totals.orders,
    conversion: report.viewers.conversionRate,
  };
}

export function seriesReport(series: SeriesDef, shows: readonly SeriesShow[]): SeriesReport {
  const latest = new Map<string, SeriesShow>();
  for (const show of shows) {
    if (show.status !== 'ended' || show.startedAt === null) continue;
    const known = latest.get(show.runSheetId);
    if (!known || (known.startedAt ?? 0) < show.startedAt) latest.set(show.runSheetId, show);
  }
  let before: WeekFigures | null = null;
  const weeks = series.sessions.map((session): SeriesWeek => {
    const show = latest.get(session.sheetId) ?? null;
    // Money is compared only in the series' own currency.
    const figures =
      show && show.report.show.currency === series.currency ? figuresOf(show.report) : null;
    const b: WeekFigures | null = before;
    const change = {
      viewers: growth(figures?.viewers ?? null, b?.viewers ?? null),
      gmv: growth(figures?.gmv ?? null, b?.gmv ?? null),
      orders: growth(figures?.orders ?? null, b?.orders ?? null),
      conversionPoints:
        figures?.conversion == null || b?.conversion == null
          ? null
          : figures.conversion - b.conversion,
    };
    before = figures;
    return { ...session, showId: show?.showId ?? null, figures, change };
  });
  const figures = weeks.map((w) => w.figures);
  const bonuses = series.bonuses.map((bonus) => evaluateBonus(bonus, figures));
  return {
    weeks,
    bonuses,
    bonusesEarned: bonuses.reduce(
      (t, r) => t + (r.status === 'met' ? (r.bonus.amount ?? 0) : 0),
      0,
    ),
    sessionsRun: figures.filter((f) => f !== null).length,
  };
}
