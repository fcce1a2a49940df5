/** Products carry their platforms' SKU ids (issue 15): JSON and CSV keep them. */
import { expect, test } from 'vitest';
import { exportProductsCsv } from '../../../../shared/export/csv';
import { importProductsCsv } from '../../../../shared/import/csv';
import { makeSheet, withSkus } from '../../../support/sheets';

test('platform SKU ids survive a CSV round trip, several to a cell', () => {
  const sheet = makeSheet((s) => {
    withSkus(s);
    s.products[1]!.platformSkuIds = ['1729000000000000001', 'SHOP-9'];
  });
  const csv = exportProductsCsv(sheet.products, 'CNY');
  expect(csv.split(/\r?\n/)[0]).toContain('platform_sku_ids');
  const back = importProductsCsv(csv, { currency: 'CNY' });
  expect(back.errors).toEqual([]);
  expect(back.products.map((p) => p.platformSkuIds)).toEqual([
    ['TT-1729'],
    ['1729000000000000001', 'SHOP-9'],
    undefined,
  ]);
});

test('a platform SKU id with a space is refused with its place', () => {
  const sheet = makeSheet();
  expect(() =>
    makeSheet((s) => {
      s.products[0]!.platformSkuIds = ['TT 1'];
    }),
  ).toThrow(/platformSkuIds/);
  expect(sheet.products[2]!.platformSkuIds).toBeUndefined();
});
