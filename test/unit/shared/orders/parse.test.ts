import { describe, expect, it } from 'vitest';
import {
  parseOrderCsv,
  parseOrderRows,
  tooBig,
  MAX_EXPORT_BYTES,
} from '../../../../shared/orders/parse';
import { parseOrderXlsx } from '../../../../shared/orders/xlsx';
import { netFigures, type ParseOutcome, type ParsedExport } from '../../../../shared/orders/types';
import { inWindow } from '../../../../shared/orders/reconcile';
import { wallToEpoch, parseOrderTime } from '../../../../shared/orders/dates';
import { fixture, OPTS, xlsxFromCsv } from '../../../support/orderFiles';

const ok = (outcome: ParseOutcome): ParsedExport => {
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('\n'));
  return outcome.value;
};
// The main show: 2026-03-16 03:00:00–03:13:20 in Shanghai.
const SHOW = { from: Date.UTC(2026, 2, 15, 19, 0, 0), to: Date.UTC(2026, 2, 15, 19, 13, 20) };

describe('TikTok Shop export', () => {
  const parsed = ok(parseOrderCsv(fixture('tiktok-us.csv'), OPTS));

  it('is told by its headers, skips the description row and the repeated row', () => {
    expect(parsed.format).toBe('tiktok');
    expect(parsed.rows).toBe(8);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      'row 2 describes the fields: skipped',
      'row 8 repeats row 6 exactly: counted once',
    ]);
    expect(parsed.ignoredColumns).toContain('Checked Status');
  });

  it('groups SKU lines by order id, keeps 18-digit ids as text and reads US times in the zone', () => {
    const two = parsed.lines.filter((l) => l.orderId === '576000000000000002');
    expect(two.map((l) => [l.key, l.sku, l.quantity, l.amount])).toEqual([
      ['tiktok:576000000000000002#1', 'EB-01', 2, 39800],
      ['tiktok:576000000000000002#2', 'MASK-1', 1, 5900],
    ]);
    // 3:02:35 AM in Shanghai is 19:02:35 UTC the day before.
    expect(two[0]!.placedAt).toBe(Date.UTC(2026, 2, 15, 19, 2, 35));
    expect(parsed.lines.find((l) => l.orderId.endsWith('03'))!.buyer).toBe(
      '=HYPERLINK("http://x","cx")',
    );
  });

  it('nets out cancellations, returns and refunds to the cent', () => {
    const cancelled = parsed.lines.find((l) => l.orderId.endsWith('04'))!;
    expect(cancelled.cancelled).toBe(true);
    const returned = parsed.lines.find((l) => l.orderId.endsWith('05'))!;
    expect([returned.returned, returned.refunded, returned.platformSkuId]).toEqual([
      1,
      5900,
      '1729000000000000005',
    ]);
    expect(netFigures(inWindow(parsed.lines, SHOW))).toEqual({ orders: 5, units: 12, gmv: 150800 });
    expect(netFigures(parsed.lines)).toEqual({ orders: 6, units: 13, gmv: 170700 });
  });

  it('reads the same lines from the XLSX export', async () => {
    const xlsx = ok(await parseOrderXlsx(await xlsxFromCsv(fixture('tiktok-us.csv')), OPTS));
    expect(xlsx.lines).toEqual(parsed.lines);
  });

  it('reads day-first dates, and columns in any order', () => {
    const text = [
      'Created Time,Quantity,SKU Subtotal After Discount,Product Name,Seller SKU,Order ID',
      '27/05/2026 17:31:07,1,"19,90",Mask,M1,111',
      '03/05/2026 09:00:00,2,"39,80",Mask,M1,112',
    ].join('\n');
    const out = ok(parseOrderCsv(text, { currency: 'EUR', timeZone: 'Europe/Paris' }));
    expect(out.lines.map((l) => [l.placedAt, l.amount])).toEqual([
      [Date.UTC(2026, 4, 27, 15, 31, 7), 1990],
      [Date.UTC(2026, 4, 3, 7, 0, 0), 3980],
    ]);
  });
});

describe('Shopify export', () => {
  const parsed = ok(parseOrderCsv(fixture('shopify.csv'), OPTS));

  it('joins continuation rows to their order and keeps the offset of each time', () => {
    expect(parsed.format).toBe('shopify');
    const first = parsed.lines.filter((l) => l.orderId === '#1001');
    expect(first.map((l) => [l.sku, l.quantity, l.amount, l.placedAt])).toEqual([
      ['EB-01', 1, 19900, Date.UTC(2026, 2, 15, 19, 5, 0)],
      ['LAMP-01', 2, 24800, Date.UTC(2026, 2, 15, 19, 5, 0)],
    ]);
  });

  it('nets out the cancelled order and the refund', () => {
    expect(parsed.lines.find((l) => l.orderId === '#1002')!.cancelled).toBe(true);
    expect(netFigures(inWindow(parsed.lines, SHOW))).toEqual({ orders: 2, units: 5, gmv: 64600 });
  });
});

describe('times', () => {
  it('reads a zone-less time in the zone it is given, across a DST change', () => {
    expect(wallToEpoch({ y: 2026, mo: 3, d: 29, h: 3, mi: 30, s: 0 }, 'Europe/London')).toBe(
      Date.UTC(2026, 2, 29, 2, 30),
    );
    expect(
      parseOrderTime('12/15/2025 9:30:33 PM', { timeZone: 'America/New_York', dayOrder: 'mdy' }),
    ).toBe(Date.UTC(2025, 11, 16, 2, 30, 33));
    expect(parseOrderTime('31/02/2026 10:00:00', { timeZone: 'UTC', dayOrder: 'dmy' })).toMatch(
      /not a real date/,
    );
  });
});

describe('hostile exports get a located answer', () => {
  const errors = (outcome: ParseOutcome) =>
    outcome.ok ? [] : outcome.errors.map((e) => e.message);

  it('a CSV cut off inside a quote', () => {
    const text = fixture('tiktok-us.csv') + '"576000000000000009,Completed,\n577,x\n';
    expect(errors(parseOrderCsv(text, OPTS))[0]).toMatch(/^row \d+: .*cut off or damaged/);
  });

  it('a file of neither platform, naming its columns', () => {
    expect(errors(parseOrderCsv('Foo,Bar\n1,2\n', OPTS))).toEqual([
      'This is neither a TikTok Shop order export (no "Order ID" and "Seller SKU" columns) nor a Shopify orders export (no "Name" and "Lineitem quantity" columns). Its first columns are "Foo", "Bar".',
    ]);
  });

  it('a missing required column, and a bad amount with its row and column', () => {
    expect(errors(parseOrderCsv('Order ID,Seller SKU\n1,A\n', OPTS))[0]).toMatch(
      /lacks the columns "Product Name", "Quantity", "SKU Subtotal After Discount", "Created Time"/,
    );
    const bad = fixture('tiktok-us.csv').replace('387.00\t,0\t,0\t,387.00\t', '387.00,0,0,lots');
    expect(errors(parseOrderCsv(bad, OPTS))).toContain(
      'row 6, SKU Subtotal After Discount: "lots" is not a number',
    );
    const otherMoney = fixture('tiktok-us.csv').replace(
      '387.00\t,0\t,0\t,387.00\t',
      '387.00,0,0,BRL 387.00',
    );
    expect(errors(parseOrderCsv(otherMoney, OPTS))[0]).toMatch(
      /row 6, .*is in BRL, but this import is in CNY/,
    );
  });

  it('binary data and a file over the cap are refused before parsing', () => {
    expect(errors(parseOrderCsv('PK\u0003\u0004\u0000\u0000', OPTS))[0]).toMatch(/not a CSV file/);
    expect(tooBig(50 * 1024 * 1024)).toBe(
      'The file is 50.0 MB; Flashcue reads order exports up to 40.0 MB. Export only the days of the show from the platform.',
    );
    expect(tooBig(MAX_EXPORT_BYTES)).toBeNull();
  });

  it('a 50 MB export is refused by size; 20,000 lines are read', async () => {
    const head = fixture('tiktok-us.csv').split('\r\n')[0]!;
    const row = fixture('tiktok-us.csv').split('\r\n')[2]!;
    const big = [
      head,
      ...Array.from({ length: 20_000 }, (_, i) =>
        row.replace('576000000000000001', String(576100000000000000n + BigInt(i))),
      ),
    ].join('\n');
    const out = ok(parseOrderCsv(big, OPTS));
    expect(out.lines).toHaveLength(20_000);
    expect(netFigures(out.lines).gmv).toBe(20_000 * 29900);
    const huge = new ArrayBuffer(50 * 1024 * 1024);
    const refused = await parseOrderXlsx(huge, OPTS);
    expect(errors(refused)[0]).toMatch(/50.0 MB; Flashcue reads order exports up to 40.0 MB/);
  }, 60_000);

  it('a damaged XLSX', async () => {
    const out = await parseOrderXlsx(
      new TextEncoder().encode('PK\u0003\u0004 not a zip').buffer,
      OPTS,
    );
    expect(errors(out)[0]).toMatch(/^The XLSX file could not be read/);
  });

  it('dates that cannot be both month-first and day-first', () => {
    const text = [
      'Order ID,Seller SKU,Product Name,Quantity,SKU Subtotal After Discount,Created Time',
      '1,A,x,1,1.00,27/05/2026 10:00:00',
      '2,A,x,1,1.00,05/27/2026 10:00:00',
    ].join('\n');
    expect(
      errors(
        parseOrderRows(
          text.split('\n').map((l) => l.split(',')),
          OPTS,
        ),
      )[0],
    ).toMatch(/mixes month-first and day-first/);
  });
});
