/**
 * Saving an imported series (issue 18). Every session's sheet is kept the way any import keeps
 * a sheet (never replacing a saved one: a taken id gets the next free one) and the series row
 * records the ids actually used, in one transaction, so a series never points at a sheet that
 * was not saved. Importing the same task again reuses the identical series instead of adding one.
 */
import type { SeriesPlan } from '../../shared/import/series';
import type { Result } from '../../shared/validation';
import type { FlashcueDb, SeriesRow } from '../db/db';
import { keepSheet, type Kept } from './keep';

export interface KeptSeries {
  row: SeriesRow;
  sheets: Kept[];
  reused: boolean;
}

const sameSeries = (a: SeriesRow, b: Omit<SeriesRow, 'id' | 'createdAt'>) =>
  JSON.stringify({ ...a, id: '', createdAt: 0 }) === JSON.stringify({ ...b, id: '', createdAt: 0 });

export async function keepSeries(
  db: FlashcueDb,
  plan: SeriesPlan,
  now: number = Date.now(),
): Promise<Result<KeptSeries>> {
  return db.transaction('rw', db.runSheets, db.series, async () => {
    const sheets: Kept[] = [];
    for (const sheet of plan.sheets) {
      const kept = await keepSheet(db, sheet, now);
      if (!kept.ok) return kept;
      sheets.push(kept.value);
    }
    const candidate = {
      ...plan.series,
      sessions: plan.series.sessions.map((s, i) => ({ ...s, sheetId: sheets[i]!.row.id })),
    };
    const stored = await db.series.toArray();
    const same = stored.find((row) => sameSeries(row, candidate));
    if (same) return { ok: true as const, value: { row: same, sheets, reused: true } };
    const taken = new Set(stored.map((row) => row.id));
    let id = plan.series.id;
    for (let n = 2; taken.has(id); n++) id = `${plan.series.id}-${n}`;
    const row: SeriesRow = { ...candidate, id, createdAt: now };
    await db.series.add(row);
    return { ok: true as const, value: { row, sheets, reused: false } };
  });
}
