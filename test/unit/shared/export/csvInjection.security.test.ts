/**
 * Formula injection in every CSV Flashcue writes: the product list (Plan → Export CSV) and the
 * report's sales, products and segments. Every text a producer, an import or a buyer can set
 * is a formula; no cell may reach a spreadsheet starting with = + - @ tab or CR unless it is a
 * plain number.
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { exportProductsCsv } from '../../../../shared/export/csv';
import { importProductsCsv } from '../../../../shared/import/csv';
import { reportCsv, type ReportCsvKind } from '../../../../shared/report/csv';
import { buildReport } from '../../../../shared/report/showReport';
import { parseRunSheet, type RunSheetInput } from '../../../../shared/runsheet';
import { drive } from '../../../support/driver';

const FORMULAS = [
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '-2+3',
  '=1+1',
  "'=already quoted",
  '-cmd',
  '+',
  '@',
  '=',
];

const TRIGGER = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Cells that would run as formulas: trigger first and not a plain number. */
function dangerous(csv: string): string[] {
  const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data.flat();
  return cells.filter((cell) => TRIGGER.test(cell) && !NUMBER.test(cell));
}

/** Every text field set from FORMULAS (ids too, where their pattern lets a "-" lead). */
function formulaSheet(): RunSheetInput {
  const f = (i: number) => FORMULAS[i % FORMULAS.length]!;
  return {
    format: 'flashcue.runsheet',
    version: 1,
    id: '-sheet',
    show: {
      title: f(0),
      currency: 'USD',
      timeZone: 'UTC',
      durationSec: 3600,
      format: f(1),
      notes: f(2),
    },
    products: FORMULAS.map((name, i) => ({
      id: `-p${i}`,
      name,
      sku: f(i + 1),
      category: f(i + 2),
      retailPrice: 1000,
      livePrice: 900,
      flashPrice: 500,
      stock: 100,
      talkingPoints: [f(i + 3), f(i + 4)],
    })),
    segments: [
      { id: '-open', kind: 'opening', title: f(5), durationSec: 60 },
      ...FORMULAS.map((title, i) => ({
        id: `-s${i}`,
        kind: 'product' as const,
        productId: `-p${i}`,
        title,
        durationSec: 60,
      })),
      {
        id: '-poll',
        kind: 'engagement',
        activity: 'poll',
        label: f(6),
        title: f(7),
        durationSec: 60,
      },
    ],
  };
}

function hostileReport() {
  const parsed = parseRunSheet(formulaSheet());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const s = drive(parsed.value);
  s.ok({ type: 'show.start' });
  FORMULAS.forEach((buyer, i) => {
    s.ok({ type: 'show.next' });
    s.advance(5_000);
    s.ok({ type: 'sale', buyer, quantity: 1 });
    if (i === 0) {
      s.ok({ type: 'deal.start', seconds: 30 });
      s.ok({ type: 'sale', buyer: '=deal()', quantity: 2 });
      s.ok({ type: 'sale.undo' });
    }
  });
  // Overtime makes negative seconds: numbers, which stay numbers.
  s.advance(120_000);
  s.ok({ type: 'show.end' });
  return { sheet: parsed.value, report: buildReport(parsed.value, s.log) };
}

describe('formula injection in CSV exports', () => {
  test('the product list: every column, and it imports back unchanged', () => {
    const { sheet } = hostileReport();
    const csv = exportProductsCsv(sheet.products, 'USD');
    expect(dangerous(csv)).toEqual([]);
    for (const formula of FORMULAS) expect(csv).toContain(`'${formula.replace(/"/g, '""')}`);
    expect(importProductsCsv(csv, { currency: 'USD' }).products).toEqual(sheet.products);
  });

  for (const kind of ['sales', 'products', 'segments'] as ReportCsvKind[]) {
    test(`the report's ${kind} CSV`, () => {
      const { report } = hostileReport();
      const csv = reportCsv(report, kind);
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(rows.length).toBeGreaterThan(FORMULAS.length);
      expect(dangerous(csv)).toEqual([]);
      // The hostile texts are there, defused, not dropped.
      const cells = rows.flat();
      expect(cells.filter((c) => c.startsWith("'")).length).toBeGreaterThanOrEqual(FORMULAS.length);
    });
  }

  test('numbers, including negative ones, stay numbers a spreadsheet can sum', () => {
    const { report } = hostileReport();
    const cells = Papa.parse<string[]>(
      reportCsv(report, 'segments').replace(/^\uFEFF/, ''),
    ).data.flat();
    expect(cells.some((c) => /^-\d/.test(c))).toBe(true); // over_s of a slot cut short
  });
});
