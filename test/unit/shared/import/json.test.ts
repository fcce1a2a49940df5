import { describe, expect, test } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  checkImportSize,
  findJsonError,
  lineColumn,
  parseJson,
} from '../../../../shared/import/json';

function errorOf(text: string) {
  const r = parseJson(text);
  if (r.ok) throw new Error('expected an error');
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

describe('parseJson', () => {
  test('parses valid JSON and strips a BOM', () => {
    expect(parseJson('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  test('locates a mismatched bracket on its line with an excerpt', () => {
    const e = errorOf('{\n  "a": [1,\n    2\n  },\n  "b": 3\n}');
    expect(e.path).toBe('line 4, column 3');
    expect(e.message).toMatch(/']'.*found "}"/);
    expect(e.message).toContain('near: },');
  });

  test('truncated input points at the end', () => {
    const e = errorOf('{\n  "title": "Show",\n  "products": [');
    expect(e.path).toBe('line 3, column 16');
    const cut = errorOf('{"a": tru');
    expect(cut.path).toBe('line 1, column 10');
  });

  test('unterminated string, trailing comma, bad literal, trailing garbage', () => {
    expect(errorOf('{"a": "abc').path).toBe('line 1, column 11');
    const trailing = errorOf('[1, 2,]');
    expect(trailing.path).toBe('line 1, column 7');
    expect(errorOf('{"a": nope}').path).toBe('line 1, column 7');
    expect(errorOf('{"a": 1} x').path).toBe('line 1, column 10');
  });

  test('CRLF line ends count as one line break', () => {
    expect(errorOf('{\r\n"a": 1,\r\n}').path).toBe('line 3, column 1');
  });

  test('empty and whitespace-only files', () => {
    expect(errorOf('').message).toBe('is empty');
    expect(errorOf(' \n\t ').message).toBe('is empty');
  });

  test('a long minified line is clipped in the excerpt', () => {
    const text = `[${'1,'.repeat(500)}}]`;
    const e = errorOf(text);
    expect(e.path).toBe('line 1, column 1002');
    expect(e.message.length).toBeLessThan(160);
  });

  test('refuses input over the size limit without parsing it', () => {
    const big = `"${'x'.repeat(MAX_IMPORT_BYTES)}"`;
    const e = errorOf(big);
    expect(e.path).toBe('(file)');
    expect(e.message).toMatch(/up to 20\.0 MB/);
  });

  test('the size limit counts UTF-8 bytes, not characters', () => {
    const chinese = '中'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 1);
    expect(chinese.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(checkImportSize(chinese)).not.toBeNull();
    expect(checkImportSize('中'.repeat(1000))).toBeNull();
  });

  test('deep nesting does not overflow the stack', () => {
    const deep = '['.repeat(200_000);
    expect(errorOf(deep).path).toBe('line 1, column 200001');
  });
});

describe('engine wording', () => {
  test.each([
    ['Unexpected token } in JSON at position 11', 11],
    ['Expected double-quoted property name in JSON at position 11 (line 2 column 3)', 11],
    ["JSON.parse: expected property name or '}' at line 2 column 3 of the JSON data", 11],
  ])('reads the position from "%s"', (message, offset) => {
    const text = '{"a": 1,\n  }';
    const original = JSON.parse;
    JSON.parse = () => {
      throw new SyntaxError(message);
    };
    try {
      const e = errorOf(text);
      expect(e.path).toBe(
        `line ${lineColumn(text, offset).line}, column ${lineColumn(text, offset).column}`,
      );
      expect(e.message).not.toMatch(/position|line 2 column|JSON\.parse/);
    } finally {
      JSON.parse = original;
    }
  });

  test('falls back to our scanner for unknown wording', () => {
    const original = JSON.parse;
    JSON.parse = () => {
      throw new SyntaxError('JSON Parse error: Unexpected identifier "nope"');
    };
    try {
      expect(errorOf('{"a": nope}').path).toBe('line 1, column 7');
    } finally {
      JSON.parse = original;
    }
  });

  test('the scanner accepts everything JSON.parse accepts', () => {
    for (const text of [
      '0',
      '-1.5e+3',
      '"\\u00e9\\n"',
      '{"a":{"b":[true,false,null,[]]},"c":{}}',
      ' [ ] ',
    ]) {
      expect(findJsonError(text)).toBeNull();
    }
  });
});
