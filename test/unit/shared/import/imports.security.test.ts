/**
 * Hostile imports beyond test/unit/import (which covers syntax errors, BOMs, delimiters and a
 * 200,000-bracket unclosed document): cut-short megabytes, 100,000-deep documents that parse,
 * 100,000 rows, odd encodings, and what a hostile value does to an error message.
 */
import { describe, expect, test } from 'vitest';
import {
  checkEncoding,
  importAny,
  importValue,
  MAX_REPORTED_CHARS,
} from '../../../../shared/import';
import {
  ACCENTED_CSV,
  ACCENTED_NAMES,
  bigCsv,
  decodeLikeBrowser,
  deepDocuments,
  latin1,
  truncatedJson,
  utf16,
} from '../../../fixtures/hostile/imports';

const located = /^(\(file\)|\(top level\)|line \d+, column \d+|[a-z_]+(\[\d+\])?([.[][\w\]]*)*)$/;

describe('a 5 MB JSON file cut short', () => {
  test('is refused at its last line and column', { timeout: 60_000 }, () => {
    const text = truncatedJson();
    expect(text.length).toBe(5 * 1024 * 1024);
    const outcome = importAny(text, { fileName: 'show.json' });
    expect(outcome.result.ok).toBe(false);
    const errors = outcome.result.ok ? [] : outcome.result.errors;
    const lines = text.split('\n').length;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toMatch(new RegExp(`^line ${lines}, column \\d+$`));
    expect(errors[0]!.message).toMatch(/unterminated|never closed|end of the file|cut short/i);
  });
});

describe('JSON nested 100,000 levels deep', () => {
  const docs = deepDocuments();
  for (const [where, text] of Object.entries(docs)) {
    test(`${where}: an outcome, never a stack overflow`, () => {
      let outcome: ReturnType<typeof importAny> | undefined;
      expect(() => (outcome = importAny(text, { fileName: 'deep.json' }))).not.toThrow();
      const { result } = outcome!;
      if (!result.ok) {
        for (const e of result.errors) {
          expect(e.path).toMatch(located);
          expect(e.message.length).toBeLessThanOrEqual(MAX_REPORTED_CHARS);
        }
      } else {
        // What was kept is small: the nesting was an unknown key, dropped by the schema.
        expect(JSON.stringify(result.value).length).toBeLessThan(10_000);
      }
    });
  }

  test('the same values through the command API (runsheet.load takes parsed JSON)', () => {
    for (const text of Object.values(docs)) {
      expect(() => importValue(JSON.parse(text))).not.toThrow();
    }
  });

  test('"format" nested deep is named, not stringified (it threw RangeError before)', () => {
    const outcome = importAny(docs.format!, { fileName: 'deep.json' });
    expect(outcome.result).toEqual({
      ok: false,
      errors: [
        { path: 'format', message: 'is a list: not a Flashcue run sheet ("flashcue.runsheet")' },
      ],
    });
  });
});

describe('megabyte values quoted in error messages', () => {
  const big = 'Z'.repeat(1_000_000);
  const cases: Array<[string, string, { currency?: string }]> = [
    ['format', JSON.stringify({ format: big }), {}],
    ['PingHuman currency', JSON.stringify({ live_session_details: {}, currency: big }), {}],
    [
      'PingHuman price',
      JSON.stringify({ live_session_details: { products: [{ name: 'x', retail_price: big }] } }),
      {},
    ],
    ['CSV header', `${big},x\r\n1,2\r\n`, { currency: 'USD' }],
    ['CSV unknown column', `name,price,${big}\r\na,1,2\r\n`, { currency: 'USD' }],
    ['CSV price and stock cells', `name,price,stock\r\nx,${big},${big}\r\n`, { currency: 'USD' }],
  ];
  for (const [what, text, options] of cases) {
    test(`${what}: every reported line stays under ${MAX_REPORTED_CHARS} characters`, () => {
      const outcome = importAny(text, {
        fileName: what.startsWith('CSV') ? 'list.csv' : 'task.json',
        ...options,
      });
      const all = [...(outcome.result.ok ? [] : outcome.result.errors), ...outcome.warnings];
      expect(all.length).toBeGreaterThan(0);
      for (const e of all) {
        expect(e.path.length).toBeLessThanOrEqual(MAX_REPORTED_CHARS);
        expect(e.message.length).toBeLessThanOrEqual(MAX_REPORTED_CHARS);
      }
    });
  }
});

describe('a CSV of 100,000 rows', () => {
  // How fast a big file is refused is a benchmark's business (house rule: no timed
  // assertions in tests); the long timeout only keeps a hang from passing unnoticed.
  test(
    'refuses a 100,000-row list and says how many products it found',
    { timeout: 60_000 },
    () => {
      const text = bigCsv(100_000);
      const outcome = importAny(text, { fileName: 'everything.csv', currency: 'USD' });
      expect(outcome.kind).toBe('csv');
      expect(outcome.result).toEqual({
        ok: false,
        errors: [
          {
            path: '(file)',
            message:
              'has 100000 products: a run sheet holds at most 500. Split the list across shows',
          },
        ],
      });
    },
  );

  test('a long but plausible list (200 rows) still imports', () => {
    const outcome = importAny(bigCsv(200), {
      fileName: 'two-hundred.csv',
      currency: 'USD',
      durationSec: 12 * 3600,
    });
    expect(outcome.result.ok && outcome.result.value.products.length).toBe(200);
  });
});

describe('encodings (as the browser decodes the file)', () => {
  const names = (text: string) => {
    const outcome = importAny(text, { fileName: 'list.csv', currency: 'EUR' });
    return outcome.result.ok
      ? outcome.result.value.products.map((p) => p.name)
      : outcome.result.errors;
  };

  test('UTF-8, with and without BOM', () => {
    expect(names(decodeLikeBrowser(Buffer.from(ACCENTED_CSV)))).toEqual(ACCENTED_NAMES);
    expect(
      names(
        decodeLikeBrowser(
          Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ACCENTED_CSV)]),
        ),
      ),
    ).toEqual(ACCENTED_NAMES);
  });

  test('UTF-16 with a byte-order mark (Excel\'s "Unicode text") imports, little- and big-endian', () => {
    expect(names(decodeLikeBrowser(utf16(ACCENTED_CSV)))).toEqual(ACCENTED_NAMES);
    expect(names(decodeLikeBrowser(utf16(ACCENTED_CSV, { bigEndian: true })))).toEqual(
      ACCENTED_NAMES,
    );
    // Also when something upstream left the mark in the text.
    expect(names(`\uFEFF${ACCENTED_CSV}`)).toEqual(ACCENTED_NAMES);
  });

  test('Latin-1 is refused where the first unreadable character is, never imported as mojibake', () => {
    expect(names(decodeLikeBrowser(latin1(ACCENTED_CSV)))).toEqual([
      { path: 'line 2, column 3', message: expect.stringMatching(/not UTF-8 .*Save it as UTF-8/) },
    ]);
  });

  test('UTF-16 without a byte-order mark is named as such', () => {
    expect(names(decodeLikeBrowser(utf16(ACCENTED_CSV, { bom: false })))).toEqual([
      {
        path: 'line 1, column 2',
        message: expect.stringMatching(/UTF-16 text without a byte-order mark/),
      },
    ]);
  });

  test('JSON with a replacement character is refused too; clean text passes', () => {
    const outcome = importAny('{"format":"flashcue.runsheet","x":"caf\uFFFD"}', {
      fileName: 'x.json',
    });
    expect(outcome.result).toEqual({
      ok: false,
      errors: [{ path: 'line 1, column 39', message: expect.stringMatching(/not UTF-8/) }],
    });
    expect(checkEncoding('直播 秒杀 🔥 Crème')).toBeNull();
  });
});
