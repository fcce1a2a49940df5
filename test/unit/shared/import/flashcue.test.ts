import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  exportRunSheetJson,
  importRunSheetJson,
  importRunSheetValue,
} from '../../../../shared/import/flashcue';
import { templates } from '../../../../shared/runsheet/templates';
import type { RunSheet } from '../../../../shared/runsheet';
import { runSheetArb } from '../../../support/sheetArbitraries';

const sample = (): RunSheet => templates[0]!.build();

function errorsOf(text: string) {
  const r = importRunSheetJson(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('Flashcue JSON', () => {
  test('round trips exactly (property)', () => {
    fc.assert(
      fc.property(runSheetArb, (sheet) => {
        const text = exportRunSheetJson(sheet);
        const back = importRunSheetJson(text);
        expect(back).toEqual({ ok: true, value: sheet });
        if (back.ok) expect(exportRunSheetJson(back.value)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  test('every template round trips', () => {
    for (const t of templates) {
      const sheet = t.build();
      const text = exportRunSheetJson(sheet);
      expect(importRunSheetJson(text)).toStrictEqual({ ok: true, value: sheet });
    }
  });

  test('key order is fixed whatever order the object was built in, 2-space indent', () => {
    const sheet = sample();
    const shuffled = JSON.parse(JSON.stringify(sheet), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).reverse())
        : v,
    ) as RunSheet;
    const text = exportRunSheetJson(sheet);
    expect(exportRunSheetJson(shuffled)).toBe(text);
    expect(text.startsWith('{\n  "format": "flashcue.runsheet",\n  "version": 1,\n  "id": ')).toBe(
      true,
    );
    expect(text).toMatch(/\n {4}"title": /);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('a newer version is refused with a clear message', () => {
    const text = exportRunSheetJson(sample()).replace('"version": 1', '"version": 2');
    expect(errorsOf(text)).toEqual([
      { path: 'version', message: expect.stringMatching(/made by a newer Flashcue/) },
    ]);
  });

  test('another format and non-objects are refused', () => {
    expect(errorsOf('{"format": "other.app", "version": 1}')[0]!.path).toBe('format');
    expect(errorsOf('[1, 2]')[0]!.message).toMatch(/must be an object/);
    expect(importRunSheetValue(null).ok).toBe(false);
  });

  test('truncated file: line and column at the end', () => {
    const text = exportRunSheetJson(sample());
    const cut = text.slice(0, 200);
    const lines = cut.split('\n');
    expect(errorsOf(cut)[0]!.path).toBe(
      `line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`,
    );
  });

  test('wrong types, negative prices, duplicate and dangling ids are located', () => {
    const sheet = JSON.parse(exportRunSheetJson(sample()));
    sheet.products[0].retailPrice = '199';
    sheet.products[1].livePrice = -5;
    sheet.products[2].id = sheet.products[3].id;
    sheet.segments[1].productId = 'ghost';
    sheet.show.durationSec = 'two hours';
    const errors = errorsOf(JSON.stringify(sheet));
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'products[0].retailPrice',
        'products[1].livePrice',
        'products[3].id',
        'segments[1].productId',
        'show.durationSec',
      ]),
    );
    expect(errors.find((e) => e.path === 'products[1].livePrice')!.message).toMatch(/negative/);
    expect(errors.find((e) => e.path === 'segments[1].productId')!.message).toMatch(/"ghost"/);
  });

  test('BOM and CRLF files load', () => {
    const text = `\uFEFF${exportRunSheetJson(sample()).replace(/\n/g, '\r\n')}`;
    expect(importRunSheetJson(text).ok).toBe(true);
  });
});
