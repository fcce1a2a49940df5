/**
 * Safe JSON reading for imports: a syntax error becomes a located error a producer can act
 * on ("line 93, column 3"), never an exception. Engines word JSON.parse errors differently
 * (V8 before 12 gives no position at all for "Unexpected token"), so when the message does
 * not say where, a small scanner of our own finds the spot.
 */
import type { LocatedError, Result } from '../validation';

/** Largest import accepted: far above any run sheet, small enough not to freeze a tablet. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-8 length without allocating a copy of a possibly huge string. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A size error, or null. Cheap: every UTF-16 unit is at least one UTF-8 byte. */
export function checkImportSize(text: string): LocatedError | null {
  const bytes =
    text.length > MAX_IMPORT_BYTES
      ? text.length
      : text.length * 3 > MAX_IMPORT_BYTES
        ? utf8Length(text)
        : 0;
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    path: '(file)',
    message: `is ${mb(bytes)} MB; Flashcue imports files up to ${mb(MAX_IMPORT_BYTES)} MB (link large images by URL instead of embedding them)`,
  };
}

/** 1-based line and column of a UTF-16 offset; \r\n, \n and a lone \r each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(0, offset), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split(/\r\n|\n|\r/);
  let offset = 0;
  for (let l = 1; l < line && l <= lines.length; l++) offset += (lines[l - 1] ?? '').length + 1;
  return offset + column - 1;
}

/** The line around a spot, clipped to about 60 characters so a minified file stays readable. */
function excerpt(text: string, line: number, column: number): string {
  const whole = text.split(/\r\n|\n|\r/)[line - 1] ?? '';
  const from = Math.max(0, column - 31);
  const clipped = whole.slice(from, from + 60);
  return `${from > 0 ? '…' : ''}${clipped.trim()}${from + 60 < whole.length ? '…' : ''}`;
}

/** Drops the engine's quoting of the whole input and its position wording: we say where. */
function cleanReason(message: string): string {
  const reason = message
    .replace(/^JSON(\.parse| Parse error):\s*/i, '')
    .replace(/,\s*"[\s\S]*" is not valid JSON\s*$/, '')
    .replace(/\s*(in JSON )?at position \d+.*$/s, '')
    .replace(/\s*at line \d+ column \d+.*$/s, '')
    .trim();
  return reason || 'is not valid JSON';
}

/** Where JSON.parse's message says the error is, or null when it does not say. */
function positionFromMessage(text: string, message: string): number | null {
  const lc = /\(line (\d+) column (\d+)\)|at line (\d+) column (\d+)/.exec(message);
  if (lc) return offsetOf(text, Number(lc[1] ?? lc[3]), Number(lc[2] ?? lc[4]));
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (/unexpected end/i.test(message)) return text.length;
  return null;
}

/**
 * Parses JSON text. BOM stripped, size limited; a syntax error is located at
 * `line L, column C` with the reason and an excerpt of that line.
 */
export function parseJson(text: string): Result<unknown> {
  const tooBig = checkImportSize(text);
  if (tooBig) return { ok: false, errors: [tooBig] };
  const source = stripBom(text);
  if (source.trim() === '')
    return { ok: false, errors: [{ path: '(file)', message: 'is empty', code: 'empty' }] };
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stated = positionFromMessage(source, message);
    const scanned = stated === null ? findJsonError(source) : null;
    const offset = stated ?? scanned?.offset ?? source.length;
    const found = source[offset];
    const reason = scanned
      ? scanned.reason
      : `${cleanReason(message)}${found && !/unexpected token/i.test(message) ? `, found ${describe(found)}` : ''}`;
    const { line, column } = lineColumn(source, offset);
    const near = excerpt(source, line, column);
    return {
      ok: false,
      errors: [
        {
          path: `line ${line}, column ${column}`,
          message: `${reason}${near ? ` — near: ${near}` : ' (at the end of the file: is it cut short?)'}`,
          code: 'json_syntax',
          params: { reason: `${reason}${near ? ` — ${near}` : ''}` },
        },
      ],
    };
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function describe(c: string | undefined): string {
  return c === undefined ? 'the end of the file' : `"${c}"`;
}

/**
 * The first syntax error in `s` (offset and reason), or null if it is valid JSON. An explicit
 * stack instead of recursion: hostile input may nest a million brackets deep.
 */
export function findJsonError(s: string): { offset: number; reason: string } | null {
  let i = 0;
  const stack: Array<'o' | 'a'> = [];
  const skip = () => {
    while (i < s.length && WS.has(s[i]!)) i++;
  };
  const fail = (reason: string) => ({ offset: i, reason });
  const string = (): string | null => {
    i++;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c < 0x20)
        return 'a line break or control character inside quotes (is a closing " missing?)';
      if (c === 92) {
        const e = s[i + 1];
        if (
          e === 'u'
            ? !/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))
            : !e || !'"\\/bfnrt'.includes(e)
        ) {
          return 'a bad escape sequence after \\';
        }
        i += e === 'u' ? 6 : 2;
      } else i++;
    }
    return 'a text value is never closed (a " is missing)';
  };
  const key = (): string | null => {
    skip();
    if (s[i] !== '"') return `expected a property name in double quotes, found ${describe(s[i])}`;
    const bad = string();
    if (bad) return bad;
    skip();
    if (s[i] !== ':') return `expected ":" after the property name, found ${describe(s[i])}`;
    i++;
    return null;
  };
  for (;;) {
    skip();
    const c = s[i];
    if (c === '{' || c === '[') {
      i++;
      skip();
      if (s[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c === '{' ? 'o' : 'a');
        const bad = c === '{' ? key() : null;
        if (bad) return fail(bad);
        continue;
      }
    } else if (c === '"') {
      const bad = string();
      if (bad) return fail(bad);
    } else if (c !== undefined && /[-0-9]/.test(c)) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(s)) return fail(`a malformed number`);
      i = NUMBER.lastIndex;
    } else {
      const word = ['true', 'false', 'null'].find((w) => s.startsWith(w, i));
      if (!word) {
        const trailing = (c === ']' || c === '}') && /,\s*$/.test(s.slice(0, i));
        return fail(
          trailing
            ? `a trailing comma before ${describe(c)}`
            : `expected a value, found ${describe(c)}`,
        );
      }
      i += word.length;
    }
    // After a value: close containers or move to the next item.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (!top)
        return i < s.length ? fail(`unexpected ${describe(s[i])} after the end of the data`) : null;
      const close = top === 'o' ? '}' : ']';
      if (s[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      if (s[i] !== ',') {
        const what = top === 'o' ? 'a property value' : 'an array item';
        return fail(`expected "," or "${close}" after ${what}, found ${describe(s[i])}`);
      }
      i++;
      if (top === 'o') {
        const bad = key();
        if (bad) return fail(bad);
      }
      break;
    }
  }
}
