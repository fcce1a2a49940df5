import { describe, expect, test } from 'vitest';
import { keepSheet, sameSheet } from '../../../../controller/plan/keep';
import { getRunSheet, saveRunSheet } from '../../../../controller/db/runSheets';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

describe('keeping an imported sheet never replaces a saved one', () => {
  test('a new id is saved as it is', async () => {
    const db = openTestDb();
    const kept = await keepSheet(db, makeSheet(), T0);
    expect(kept).toMatchObject({ ok: true, value: { how: 'saved', row: { id: 'sheet-test' } } });
  });

  test('an identical sheet is reused, not saved again', async () => {
    const db = openTestDb();
    await saveRunSheet(db, makeSheet(), T0);
    const kept = await keepSheet(db, makeSheet(), T0 + 5);
    expect(kept).toMatchObject({
      ok: true,
      value: { how: 'identical', row: { id: 'sheet-test', updatedAt: T0 } },
    });
    expect(await db.runSheets.count()).toBe(1);
  });

  test('a different sheet with a taken id is saved as id-2, id-3; the saved one is untouched', async () => {
    const db = openTestDb();
    await saveRunSheet(db, makeSheet(), T0);
    const before = await getRunSheet(db, 'sheet-test');
    const other = makeSheet((s) => (s.show.title = 'Another show'));
    expect(await keepSheet(db, other, T0 + 1)).toMatchObject({
      ok: true,
      value: { how: 'renamed', takenId: 'sheet-test', row: { id: 'sheet-test-2' } },
    });
    const third = makeSheet((s) => (s.show.title = 'Third'));
    expect(await keepSheet(db, third, T0 + 2)).toMatchObject({
      ok: true,
      value: { how: 'renamed', row: { id: 'sheet-test-3', title: 'Third' } },
    });
    expect(await getRunSheet(db, 'sheet-test')).toEqual(before);
    // The same "another show" again is recognised only under its own id: it is saved once more.
    expect(await db.runSheets.count()).toBe(3);
  });

  test('sameSheet ignores key order, not content', () => {
    const a = makeSheet();
    const b = JSON.parse(
      JSON.stringify({ ...a, segments: a.segments, products: a.products, show: a.show, id: a.id }),
    ) as typeof a;
    expect(sameSheet(a, b)).toBe(true);
    expect(
      sameSheet(
        a,
        makeSheet((s) => (s.products[0]!.stock = 1)),
      ),
    ).toBe(false);
  });
});
