/**
 * Saving a sheet that came from outside (an import, the demo, a template) without ever
 * replacing a saved one: a sheet whose id is taken is saved under the next free id
 * (`id-2`, `id-3`…) — automatically, and said so in the report. An identical sheet already
 * saved is reused instead of piling up copies.
 */
import { exportRunSheetJson } from '../../shared/import';
import type { RunSheet } from '../../shared/runsheet';
import type { Result } from '../../shared/validation';
import type { FlashcueDb, RunSheetRow } from '../db/db';
import { saveRunSheet } from '../db/runSheets';
import { uniqueId } from './sheets';

export type Kept =
  | { how: 'saved'; row: RunSheetRow }
  | { how: 'renamed'; row: RunSheetRow; takenId: string }
  | { how: 'identical'; row: RunSheetRow };

export function sameSheet(a: RunSheet, b: RunSheet): boolean {
  return exportRunSheetJson(a) === exportRunSheetJson(b);
}

export async function keepSheet(
  db: FlashcueDb,
  sheet: RunSheet,
  now: number = Date.now(),
): Promise<Result<Kept>> {
  return db.transaction('rw', db.runSheets, async () => {
    const existing = await db.runSheets.get(sheet.id);
    if (existing && sameSheet(existing.sheet, sheet))
      return { ok: true as const, value: { how: 'identical' as const, row: existing } };
    const ids = new Set(await db.runSheets.toCollection().primaryKeys());
    const id = uniqueId(sheet.id, (candidate) => ids.has(candidate));
    const saved = await saveRunSheet(db, { ...sheet, id }, now);
    if (!saved.ok) return saved;
    const kept: Kept =
      id === sheet.id
        ? { how: 'saved', row: saved.value }
        : { how: 'renamed', row: saved.value, takenId: sheet.id };
    return { ok: true as const, value: kept };
  });
}
