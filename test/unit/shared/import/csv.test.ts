import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  importProductsCsv,
  importRunSheetCsv,
  splitTalkingPoints,
} from '../../../../shared/import/csv';
import { MAX_IMPORT_BYTES } from '../../../../shared/import/json';
import { PLACEHOLDER_STOCK } from '../../../../shared/import/outcome';
import { Product, plannedTotalSec } from '../../../../shared/runsheet';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/csv/${name}`, import.meta.url), 'utf8');
const cny = { currency: 'CNY' };

describe('importProductsCsv', () => {
  test('semicolon file with decimal commas, BOM, CRLF, quoted delimiter and line break', () => {
    const { products, errors, warnings } = importProductsCsv(
      fixture('semicolon-decimal-comma.csv'),
      cny,
    );
    expect(errors).toEqual([]);
    expect(
      products.map((p) => [
        p.id,
        p.name,
        p.retailPrice,
        p.livePrice,
        p.flashPrice,
        p.stock,
        p.flashSeconds,
      ]),
    ).toEqual([
      ['VC-30', 'Vitamin C Serum', 129900, 99950, 89900, 120, 150],
      ['RN-50', 'Retinol; Night Cream', 24900, 18675, undefined, 80, undefined],
      ['HM-10', 'Hydrating Mask', 8900, 5340, 4990, PLACEHOLDER_STOCK, undefined],
    ]);
    expect(products[0]!.sku).toBe('VC-30');
    expect(products[0]!.talkingPoints).toEqual(['Brightens', '15% vitamin C']);
    expect(products[1]!.talkingPoints).toEqual(['Gentle', 'For beginners']);
    // The spreadsheet row of the mask is 4 even though the quoted line break makes it line 5.
    expect(warnings).toContainEqual({
      path: 'row 4, column "Qty"',
      message: expect.stringMatching(/placeholder/),
    });
    for (const p of products) expect(Product.safeParse(p).success).toBe(true);
  });

  test('refused rows are located and the rest kept', () => {
    const { products, errors } = importProductsCsv(fixture('mixed-errors.csv'), cny);
    expect(products.map((p) => p.id)).toEqual(['sku-1', 'sku-2']);
    expect(products[1]!.name).toBe('Tumbler, 600ml "steel"');
    expect(errors).toEqual([
      { path: 'row 4, column "retail_price"', message: '"abc" is not a number' },
      { path: 'row 5, column "retail_price"', message: 'must not be negative' },
      { path: 'row 6, column "id"', message: '"sku-1" is already used by row 2' },
      {
        path: 'row 7, column "live_price"',
        message: expect.stringMatching(/above the retail price/),
      },
      { path: 'row 8, column "stock"', message: 'must be a whole number' },
    ]);
  });

  test('header aliases, any case and spacing; ids generated from names, unique', () => {
    const text =
      'PRODUCT,  Retail Price ,price,QUANTITY,Flash_Sale_Duration_Minutes,Flash Cap,Image URL,CATEGORY\n' +
      'Smart Plug Set,89,69,250,15,50,https://cdn.example.com/plug.jpg,Smart home\n' +
      'Smart Plug Set,89,65,10,,,,\n' +
      '维生素C精华,199,139.30,5,,,,\n';
    const { products, errors } = importProductsCsv(text, cny);
    expect(errors).toEqual([]);
    expect(products.map((p) => p.id)).toEqual(['smart-plug-set', 'smart-plug-set-2', 'product']);
    expect(products[0]).toMatchObject({
      retailPrice: 8900,
      livePrice: 6900,
      stock: 250,
      flashSeconds: 900,
      flashQuantity: 50,
      image: 'https://cdn.example.com/plug.jpg',
      category: 'Smart home',
    });
  });

  test('currency symbols and codes are stripped; another currency is refused', () => {
    const text =
      'name,retail,live\nA,¥199,199 CNY\nB,RMB 1 299.50,"1,099.00"\nC,$20,20 USD\nD,"1,299",999\n';
    const { products, errors, warnings } = importProductsCsv(text, cny);
    expect(products.map((p) => [p.name, p.retailPrice, p.livePrice])).toEqual([
      ['A', 19900, 19900],
      ['B', 129950, 109900],
      ['D', 129900, 99900],
    ]);
    expect(errors).toEqual([
      {
        path: 'row 4, column "live"',
        message: expect.stringMatching(/is in USD, but this import is in CNY/),
      },
    ]);
    expect(warnings).toEqual([
      { path: '(file)', message: expect.stringMatching(/no stock column/) },
    ]);
  });

  test('a lone "1,299" with no other evidence is read as 1299 and flagged', () => {
    const { products, warnings } = importProductsCsv(
      'name,price,stock\nA,"1,299",1\nB,"2,499",1\n',
      cny,
    );
    expect(products.map((p) => p.livePrice)).toEqual([129900, 249900]);
    expect(warnings).toEqual([
      {
        path: 'row 2, column "price"',
        message: expect.stringMatching(/as 1299.*and 1 more cells/),
      },
    ]);
  });

  test('more decimals than the currency has is refused; JPY has none', () => {
    expect(importProductsCsv('name,price\nA,1.999\nB,1.5\n', cny).errors).toEqual([
      {
        path: 'row 2, column "price"',
        message: 'has more than 2 decimal places, which CNY does not have',
      },
    ]);
    expect(
      importProductsCsv('name,price\nA,1299\nB,12.5\n', { currency: 'JPY' }).errors[0]!.message,
    ).toMatch(/whole amount/);
  });

  test('tab-separated files', () => {
    const { products } = importProductsCsv('name\tretail\tlive\tstock\nA\t10.00\t8.00\t3\n', cny);
    expect(products).toMatchObject([{ name: 'A', retailPrice: 1000, livePrice: 800, stock: 3 }]);
  });

  test('formula-like names stay text', () => {
    const { products } = importProductsCsv(
      'name,price,stock\n"=HYPERLINK(""http://x"",""y"")",10,1\n@SUM(A1),5,1\n',
      cny,
    );
    expect(products.map((p) => p.name)).toEqual(['=HYPERLINK("http://x","y")', '@SUM(A1)']);
  });

  test('broken quoting refuses the row and says why', () => {
    const { products, errors } = importProductsCsv(
      'name,price,stock\nGood,10,1\n"Unclosed,10,1\nLost,5,1\n',
      cny,
    );
    expect(products.map((p) => p.name)).toEqual(['Good']);
    expect(errors).toEqual([{ path: 'row 3', message: expect.stringMatching(/never closed/) }]);
  });

  test('empty, header-only, no name column, no price column, unknown columns', () => {
    expect(importProductsCsv('', cny).errors[0]!.message).toMatch(/is empty/);
    expect(importProductsCsv('\uFEFF\r\n', cny).errors[0]!.message).toMatch(/is empty/);
    expect(importProductsCsv('name,price,stock\r\n', cny).errors).toEqual([
      { path: '(file)', message: 'has a header row but no products under it' },
    ]);
    expect(importProductsCsv('colour,price\nred,1\n', cny).errors[0]!.message).toMatch(
      /no product name column/,
    );
    expect(importProductsCsv('name,stock\nA,1\n', cny).errors[0]!.message).toMatch(
      /no price column/,
    );
    const odd = importProductsCsv('name,price,stock,colour\nA,1,1,red\n', cny);
    expect(odd.warnings).toEqual([
      { path: 'row 1, column "colour"', message: expect.stringMatching(/ignored/) },
    ]);
  });

  test('a row with more cells than the header (an unquoted comma) is refused', () => {
    const { products, errors } = importProductsCsv(
      'name,price,stock\nTumbler, 600ml,59,3\nMug,20,1\n',
      cny,
    );
    expect(products.map((p) => p.name)).toEqual(['Mug']);
    expect(errors).toEqual([
      {
        path: 'row 2',
        message: 'has 4 cells but the header has 3: a cell containing "," needs quotes around it',
      },
    ]);
  });

  test('blank lines are skipped but still counted as rows', () => {
    const { errors } = importProductsCsv('name,price\n\nA,1\n\nB,x\n', cny);
    expect(errors).toEqual([{ path: 'row 5, column "price"', message: '"x" is not a number' }]);
  });

  test('enormous input is refused before parsing', () => {
    const big = `name,price\n${'A,1\n'.repeat(MAX_IMPORT_BYTES / 4 + 1)}`;
    expect(importProductsCsv(big, cny).errors[0]!.message).toMatch(/up to 20\.0 MB/);
  });

  test('an unknown currency is refused', () => {
    expect(importProductsCsv('name,price\nA,1\n', { currency: 'XYZ1' }).errors[0]!.message).toMatch(
      /ISO 4217/,
    );
  });

  test('talking points split on | or on lines', () => {
    expect(splitTalkingPoints('a | b|c')).toEqual(['a', 'b', 'c']);
    expect(splitTalkingPoints('a|b\r\nc\n')).toEqual(['a|b', 'c']);
    expect(splitTalkingPoints('')).toEqual([]);
  });
});

describe('importRunSheetCsv', () => {
  test('wraps products into a valid run sheet with a plan that fills the show', () => {
    const { result, warnings } = importRunSheetCsv(fixture('mixed-errors.csv'), {
      currency: 'CNY',
      title: 'Tuesday deals',
      durationSec: 3600,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.show).toMatchObject({
      title: 'Tuesday deals',
      currency: 'CNY',
      durationSec: 3600,
    });
    expect(result.value.id).toBe('tuesday-deals');
    expect(plannedTotalSec(result.value)).toBe(3600);
    expect(warnings.filter((w) => /row not imported/.test(w.message))).toHaveLength(5);
  });

  test('a file with no usable rows is an error', () => {
    const { result } = importRunSheetCsv('name,price\nA,abc\n', cny);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'row 2, column "price"', message: '"abc" is not a number' }],
    });
  });
});
