import { describe, expect, test } from 'vitest';
import { EditorDraft } from '../../../../controller/plan/editorDraft.svelte';
import { getRunSheet, saveRunSheet } from '../../../../controller/db/runSheets';
import type { RunSheetRow } from '../../../../controller/db/db';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const row = (): RunSheetRow => ({
  id: 'sheet-test',
  title: 'Test show',
  sheet: makeSheet(),
  createdAt: T0,
  updatedAt: T0,
});

describe('editor draft', () => {
  test('starts clean and valid; an edit makes it dirty; revert restores it', () => {
    const draft = new EditorDraft(row());
    expect(draft.dirty).toBe(false);
    expect(draft.valid).toBe(true);
    draft.form.show.title = 'Renamed';
    expect(draft.dirty).toBe(true);
    draft.revert();
    expect(draft.dirty).toBe(false);
    expect(draft.form.show.title).toBe('Test show');
  });

  test('an invalid price is an error on its field, and fixing it clears it', () => {
    const draft = new EditorDraft(row());
    draft.form.products[1]!.livePrice = 'abc';
    expect(draft.valid).toBe(false);
    expect(draft.messages('products[1].livePrice')).toEqual([
      expect.stringMatching(/amount such as 19.90/),
    ]);
    draft.form.products[1]!.livePrice = '99.00';
    expect(draft.messages('products[1].livePrice')).toEqual([
      expect.stringMatching(/above the retail price/),
    ]);
    draft.form.products[1]!.livePrice = '49.00';
    expect(draft.valid).toBe(true);
  });

  test('planned total follows the segments', () => {
    const draft = new EditorDraft(row());
    expect(draft.planned.text).toBe('17:00 of 30:00 planned — 13:00 to spare');
    draft.form.segments[1]!.duration = '20:00';
    expect(draft.planned).toEqual({ text: '32:00 of 30:00 planned — over by 2:00', state: 'over' });
  });

  test('reorder by keys and by moves; duplicates get new ids', () => {
    const draft = new EditorDraft(row());
    const keys = draft.form.segments.map((s) => s.key);
    draft.reorder([keys[1]!, keys[0]!, ...keys.slice(2)]);
    expect(draft.form.segments.map((s) => s.id).slice(0, 2)).toEqual(['s-buds', 'open']);
    draft.moveSegment(0, 5);
    expect(draft.form.segments.map((s) => s.id)).toEqual([
      'open',
      'f-buds',
      's-mask',
      'poll',
      'close',
      's-buds',
    ]);
    draft.reorder(['nope']);
    expect(draft.form.segments).toHaveLength(6);
    draft.duplicateSegment(0);
    expect(draft.form.segments[1]!.id).toBe('open-copy');
    draft.duplicateProduct(0);
    expect(draft.form.products[1]!.id).toBe('buds-copy');
    expect(draft.valid).toBe(true);
  });

  test('renaming a product id carries its segments; removing it leaves them to re-point', () => {
    const draft = new EditorDraft(row());
    draft.setProductId(0, 'earbuds');
    expect(draft.form.segments.filter((s) => s.productId === 'earbuds')).toHaveLength(2);
    expect(draft.valid).toBe(true);
    expect(draft.usesOf('earbuds')).toBe(2);
    draft.removeProduct(0);
    expect(draft.messages('segments[1].productId')).toEqual([
      expect.stringMatching(/not in the product list/),
    ]);
  });

  test('save stores the sheet and makes the draft clean; a refused save changes nothing stored', async () => {
    const db = openTestDb();
    await saveRunSheet(db, makeSheet(), T0);
    const draft = new EditorDraft((await getRunSheet(db, 'sheet-test'))!);
    draft.form.products[0]!.livePrice = '189.00';
    expect(await draft.save(db)).toMatchObject({ ok: true });
    expect(draft.dirty).toBe(false);
    expect((await getRunSheet(db, 'sheet-test'))!.sheet.products[0]!.livePrice).toBe(18900);

    const before = await getRunSheet(db, 'sheet-test');
    draft.form.products[0]!.livePrice = '999.00';
    const refused = await draft.save(db);
    expect(refused).toMatchObject({ ok: false, errors: [{ path: 'products[0].livePrice' }] });
    expect(draft.refused).toHaveLength(1);
    expect(await getRunSheet(db, 'sheet-test')).toEqual(before);
  });
});
