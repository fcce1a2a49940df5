import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { escapeCell, exportProductsCsv, formatDecimal, toCsv } from '../../../../shared/export/csv';
import { importProductsCsv } from '../../../../shared/import/csv';
import { templates } from '../../../../shared/runsheet/templates';
import type { Product } from '../../../../shared/runsheet';
import { currencies, productsArb } from '../../../support/sheetArbitraries';

const base: Product = {
  id: 'p1',
  name: 'Serum',
  retailPrice: 19900,
  livePrice: 13930,
  stock: 5,
  talkingPoints: [],
};

describe('CSV export', () => {
  test('export → import gives back the same products (property)', () => {
    fc.assert(
      fc.property(
        productsArb(8).filter((p) => p.length > 0),
        currencies,
        (products, currency) => {
          const back = importProductsCsv(exportProductsCsv(products, currency), { currency });
          expect(back.errors).toEqual([]);
          expect(back.products).toEqual(products);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('every template product list round trips, with no warnings', () => {
    for (const t of templates) {
      const { products, show } = t.build();
      const back = importProductsCsv(exportProductsCsv(products, show.currency), {
        currency: show.currency,
      });
      expect(back).toEqual({ products, errors: [], warnings: [] });
    }
  });

  test('formula injection: trigger cells get a leading apostrophe, numbers stay numbers', () => {
    for (const bad of [
      '=HYPERLINK("http://x","y")',
      '+cmd',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\rx',
      "'=x",
    ]) {
      expect(escapeCell(bad)).toBe(`'${bad}`);
    }
    expect(escapeCell('Serum = good')).toBe('Serum = good');
    expect(escapeCell(-5)).toBe(-5);
    expect(escapeCell(undefined)).toBe('');
    const hostile = {
      ...base,
      name: '=HYPERLINK("http://evil.example","Click")',
      sku: '@x',
      talkingPoints: ['-1 bad', 'ok'],
    };
    const csv = exportProductsCsv([hostile], 'CNY', { bom: false });
    const cells = Papa.parse<string[]>(csv).data.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(importProductsCsv(csv, { currency: 'CNY' }).products).toEqual([hostile]);
  });

  test('prices as decimal major units, BOM and CRLF by default', () => {
    const csv = exportProductsCsv([{ ...base, flashPrice: 5 }], 'CNY');
    expect(
      csv.startsWith(
        '\uFEFFid,name,sku,platform_sku_ids,category,retail_price,live_price,flash_price,stock',
      ),
    ).toBe(true);
    expect(csv).toContain('\r\np1,Serum,,,,199.00,139.30,0.05,5,');
    expect(formatDecimal(129900, 'JPY')).toBe('129900');
    expect(formatDecimal(1234, 'KWD')).toBe('1.234');
    expect(formatDecimal(7, 'USD')).toBe('0.07');
  });

  test('a single talking point containing "|" survives', () => {
    const p = { ...base, talkingPoints: ['A | B'] };
    expect(importProductsCsv(exportProductsCsv([p], 'CNY'), { currency: 'CNY' }).products).toEqual([
      p,
    ]);
  });

  test('toCsv quotes delimiters, quotes and line breaks', () => {
    const csv = toCsv(
      [{ a: 'x,y', b: 'say "hi"\nbye' }],
      [
        { header: 'A', value: (r) => r.a },
        { header: 'B', value: (r) => r.b },
      ],
      { bom: false },
    );
    expect(csv).toBe('A,B\r\n"x,y","say ""hi""\nbye"');
  });
});
