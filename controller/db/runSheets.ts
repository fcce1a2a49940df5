/**
 * Saved run sheets (the plans the editor and imports produce). Everything stored here passed
 * `parseRunSheet`, so a show can always be created from any row.
 */
import { parseRunSheet, type RunSheet } from '../../shared/runsheet';
import type { Result } from '../../shared/validation';
import type { FlashcueDb, RunSheetRow } from './db';
import { refusal } from '../../shared/show/refusal';

export type Refusal = { ok: false; error: string };

/**
 * Validates, then stores (insert or replace by the sheet's id, keeping createdAt). An invalid
 * sheet is refused with located errors before any write, so what was stored stays intact.
 */
export async function saveRunSheet(
  db: FlashcueDb,
  input: unknown,
  now: number = Date.now(),
): Promise<Result<RunSheetRow>> {
  const parsed = parseRunSheet(input);
  if (!parsed.ok) return parsed;
  const sheet = parsed.value;
  const row = await db.transaction('rw', db.runSheets, async () => {
    const existing = await db.runSheets.get(sheet.id);
    const next: RunSheetRow = {
      id: sheet.id,
      title: sheet.show.title,
      sheet,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.runSheets.put(next);
    return next;
  });
  return { ok: true, value: row };
}

export async function getRunSheet(db: FlashcueDb, id: string): Promise<RunSheetRow | undefined> {
  return db.runSheets.get(id);
}

/** Most recently edited first. */
export async function listRunSheets(db: FlashcueDb): Promise<RunSheetRow[]> {
  return db.runSheets.orderBy('updatedAt').reverse().toArray();
}

const MAX_ID = 64;
const MAX_TITLE = 160;

/** `base-copy`, `base-copy-2`, … cut so the id stays within the schema's 64 characters. */
function copyId(base: string, taken: (id: string) => boolean): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const id = base.slice(0, MAX_ID - suffix.length) + suffix;
    if (!taken(id)) return id;
  }
}

/**
 * A copy under a new id, titled "… (copy)": the starting point for the next similar show. The
 * suffix is the controller's (`（副本）` in Chinese): the title is stored, so it is worded here.
 */
export async function duplicateRunSheet(
  db: FlashcueDb,
  id: string,
  now: number = Date.now(),
  suffix = ' (copy)',
): Promise<{ ok: true; value: RunSheetRow } | Refusal> {
  return db.transaction('rw', db.runSheets, async () => {
    const source = await db.runSheets.get(id);
    if (!source) return { ok: false as const, error: `There is no saved run sheet "${id}".` };
    const ids = new Set(await db.runSheets.toCollection().primaryKeys());
    const newId = copyId(source.id, (candidate) => ids.has(candidate));
    const title = source.sheet.show.title.slice(0, MAX_TITLE - suffix.length) + suffix;
    const sheet: RunSheet = {
      ...structuredClone(source.sheet),
      id: newId,
      show: { ...source.sheet.show, title },
    };
    const row: RunSheetRow = { id: newId, title, sheet, createdAt: now, updatedAt: now };
    await db.runSheets.add(row);
    return { ok: true as const, value: row };
  });
}

/** Deletes a saved sheet; refused while a live show runs it (the producer is using that plan). */
export async function deleteRunSheet(db: FlashcueDb, id: string): Promise<{ ok: true } | Refusal> {
  return db.transaction('rw', db.runSheets, db.shows, async () => {
    const live = await db.shows
      .where('runSheetId')
      .equals(id)
      .filter((s) => s.status === 'live')
      .first();
    if (live)
      return refusal(
        'A live show is running this run sheet: end the show before you delete it.',
        'sw_delete_sheet_live',
      );
    await db.runSheets.delete(id);
    return { ok: true as const };
  });
}
