import { describe, expect, test } from 'vitest';
import { appendEvent, createShow } from '../../../../controller/db/eventLog';
import {
  deleteRunSheet,
  duplicateRunSheet,
  getRunSheet,
  listRunSheets,
  saveRunSheet,
} from '../../../../controller/db/runSheets';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { baseSheet, makeSheet } from '../../../support/sheets';

describe('run sheets', () => {
  test('a valid sheet is stored parsed, with its title; saving again keeps createdAt', async () => {
    const db = openTestDb();
    const saved = await saveRunSheet(db, baseSheet(), T0);
    expect(saved).toMatchObject({
      ok: true,
      value: { id: 'sheet-test', title: 'Test show', createdAt: T0, updatedAt: T0 },
    });
    const edited = { ...baseSheet(), show: { ...baseSheet().show, title: 'Renamed' } };
    await saveRunSheet(db, edited, T0 + 10);
    expect(await getRunSheet(db, 'sheet-test')).toMatchObject({
      title: 'Renamed',
      createdAt: T0,
      updatedAt: T0 + 10,
      sheet: { show: { title: 'Renamed' } },
    });
  });

  test('an invalid sheet is refused with located errors and the stored one stays intact', async () => {
    const db = openTestDb();
    await saveRunSheet(db, baseSheet(), T0);
    const before = await getRunSheet(db, 'sheet-test');
    const broken = baseSheet();
    broken.show.title = 'Broken edit';
    broken.products[1]!.livePrice = 99999;
    broken.segments[1] = { id: 's-buds', kind: 'product', productId: 'nope', durationSec: 300 };
    const result = await saveRunSheet(db, broken, T0 + 10);
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'products[1].livePrice', message: expect.stringMatching(/above the retail price/) },
        { path: 'segments[1].productId', message: expect.stringMatching(/product "nope"/) },
      ],
    });
    expect(await getRunSheet(db, 'sheet-test')).toEqual(before);
    expect(await db.runSheets.count()).toBe(1);
  });

  test('list is newest edit first; duplicate makes a copy under a new id', async () => {
    const db = openTestDb();
    await saveRunSheet(db, baseSheet(), T0);
    const copy = await duplicateRunSheet(db, 'sheet-test', T0 + 1);
    const copy2 = await duplicateRunSheet(db, 'sheet-test', T0 + 2);
    expect(copy).toMatchObject({
      ok: true,
      value: { id: 'sheet-test-copy', title: 'Test show (copy)', sheet: { id: 'sheet-test-copy' } },
    });
    expect(copy2).toMatchObject({ ok: true, value: { id: 'sheet-test-copy-2' } });
    expect((await listRunSheets(db)).map((r) => r.id)).toEqual([
      'sheet-test-copy-2',
      'sheet-test-copy',
      'sheet-test',
    ]);
    expect(await duplicateRunSheet(db, 'ghost')).toEqual({
      ok: false,
      error: 'There is no saved run sheet "ghost".',
    });
  });

  test("a copy is titled in the controller's language, a long title cut to leave it room", async () => {
    const db = openTestDb();
    const long = { ...baseSheet(), show: { ...baseSheet().show, title: '春'.repeat(160) } };
    await saveRunSheet(db, long, T0);
    const copy = await duplicateRunSheet(db, 'sheet-test', T0, '（副本）');
    const title = copy.ok ? copy.value.title : '';
    expect(title.endsWith('春（副本）')).toBe(true);
    expect(copy.ok && copy.value.sheet.show.title).toBe(title);
    expect(copy.ok && (await saveRunSheet(db, copy.value.sheet, T0)).ok).toBe(true);
  });

  test('a copy of a sheet with a 64-character id still has a valid id', async () => {
    const db = openTestDb();
    const long = { ...baseSheet(), id: 'x'.repeat(64) };
    await saveRunSheet(db, long, T0);
    const copy = await duplicateRunSheet(db, long.id, T0);
    expect(copy.ok && copy.value.id).toBe('x'.repeat(59) + '-copy');
    // What was stored still validates: the copy can be saved again as is.
    expect(copy.ok && (await saveRunSheet(db, copy.value.sheet, T0)).ok).toBe(true);
  });

  test('delete is refused while a live show runs the sheet, allowed once it ended', async () => {
    const db = openTestDb();
    await saveRunSheet(db, baseSheet(), T0);
    const show = await createShow(db, makeSheet(), { now: T0 });
    expect(await deleteRunSheet(db, 'sheet-test')).toEqual({ ok: true });
    await saveRunSheet(db, baseSheet(), T0);
    await appendEvent(db, show.id, { type: 'show.start', at: T0 });
    expect(await deleteRunSheet(db, 'sheet-test')).toEqual({
      ok: false,
      error: expect.stringMatching(/live show/),
      code: 'sw_delete_sheet_live',
    });
    expect(await getRunSheet(db, 'sheet-test')).toBeDefined();
    await appendEvent(db, show.id, { type: 'show.end', at: T0 + 1 });
    expect(await deleteRunSheet(db, 'sheet-test')).toEqual({ ok: true });
    expect(await db.runSheets.count()).toBe(0);
  });
});
