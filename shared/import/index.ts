/**
 * One entry for every import: the format is read from the content, the file name's
 * extension only breaks ties (a broken .json file is still reported as JSON, not as CSV).
 */
import type { LocatedError } from '../validation';
import { importRunSheetCsv } from './csvRunSheet';
import { importRunSheetValue } from './flashcue';
import { checkImportSize, lineColumn, parseJson, stripBom } from './json';
import type { ImportOutcome } from './outcome';
import { importPingHumanTask, looksLikePingHuman } from './pinghuman';
import { importSeriesTask, looksLikeSeries, type SeriesOutcome } from './series';

export { exportRunSheetJson } from './flashcue';
export { MAX_IMPORT_BYTES } from './json';

export type ImportKind = 'flashcue' | 'pinghuman' | 'csv';

export interface ImportOptions {
  fileName?: string;
  /** Currency of a CSV product list, or of a PingHuman task that names none. */
  currency?: string;
  /** Show length for a CSV product list (seconds). */
  durationSec?: number;
}

export interface AnyImport extends ImportOutcome {
  kind: ImportKind;
}

/**
 * The JSON inside a pasted `curl … -d '{…}'` command, as the PingHuman skill shows its
 * examples; the text itself otherwise.
 */
export function unwrapCurl(text: string): string {
  if (!/^\s*curl\s/.test(text)) return text;
  const body = /\s(?:-d|--data(?:-raw|-binary)?)\s+'([^']*)'/.exec(text);
  return body ? body[1]! : text;
}

/**
 * The longest error or warning text an import reports. Messages quote what they found, and a
 * hostile file's "currency" or column name may be megabytes long: the report shows the start.
 */
export const MAX_REPORTED_CHARS = 500;

const clipText = (text: string) =>
  text.length > MAX_REPORTED_CHARS ? `${text.slice(0, MAX_REPORTED_CHARS - 1)}…` : text;
const clipParams = (params: NonNullable<LocatedError['params']>) =>
  Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? clipText(v) : v]),
  );
const clipAll = (list: LocatedError[]) =>
  list.map((e) => {
    const params = e.params ? { params: clipParams(e.params) } : {};
    return e.path.length + e.message.length > MAX_REPORTED_CHARS
      ? { ...e, path: clipText(e.path), message: clipText(e.message), ...params }
      : { ...e, ...params };
  });

function bounded(outcome: AnyImport): AnyImport {
  const { result } = outcome;
  return {
    ...outcome,
    result: result.ok ? result : { ok: false, errors: clipAll(result.errors) },
    warnings: clipAll(outcome.warnings),
  };
}

/** A parsed JSON value (e.g. the command API's `runsheet.load` argument). */
export function importValue(value: unknown, options: ImportOptions = {}): AnyImport {
  return bounded(importParsed(value, options));
}

function importParsed(value: unknown, options: ImportOptions): AnyImport {
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  // A series is several shows: only the Plan screen's import makes its linked run sheets.
  if (looksLikeSeries(value)) {
    const message =
      'describes a series of sessions (schedule): import it on the Plan screen, which makes one run sheet per date, then load one of those';
    return {
      kind: 'pinghuman',
      result: { ok: false, errors: [{ path: '(top level)', message }] },
      warnings: [],
    };
  }
  if (looksLikePingHuman(value) || 'human_id' in obj || 'follower_stats' in obj) {
    return {
      kind: 'pinghuman',
      ...importPingHumanTask(value, options.currency ? { currency: options.currency } : {}),
    };
  }
  if (!('format' in obj) && !('segments' in obj && 'show' in obj)) {
    const message =
      'is neither a Flashcue run sheet ("format": "flashcue.runsheet") nor a PingHuman task (with "live_session_details")';
    return {
      kind: 'flashcue',
      result: { ok: false, errors: [{ path: '(top level)', message, code: 'not_runsheet' }] },
      warnings: [],
    };
  }
  return { kind: 'flashcue', result: importRunSheetValue(value), warnings: [] };
}

/**
 * Text that was not UTF-8. The browser reads a file as UTF-8 unless it starts with a UTF-16
 * byte-order mark (then it decodes UTF-16, which imports fine). Anything else — a Latin-1 or
 * GBK spreadsheet export, UTF-16 without the mark — arrives with U+FFFD or NUL characters in
 * it: refused with where and what to do, rather than imported as mojibake names.
 */
export function checkEncoding(text: string): LocatedError | null {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul === -1 && bad === -1) return null;
  const at = nul === -1 ? bad : bad === -1 ? nul : Math.min(nul, bad);
  const { line, column } = lineColumn(text, at);
  const message =
    nul !== -1
      ? 'has NUL characters: it looks like UTF-16 text without a byte-order mark. Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again'
      : 'has characters that are not UTF-8 (shown as �): the file was saved in another encoding (Latin-1, Windows-1252, GBK…). Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again';
  return {
    path: `line ${line}, column ${column}`,
    message,
    code: nul !== -1 ? 'utf16' : 'not_utf8',
  };
}

/**
 * A series task's text → its linked run sheets (issue 18); null when the text is not a series
 * task, so the caller imports it as one show. The cheap text test first: most imports are not.
 */
export function importSeriesText(text: string): SeriesOutcome | null {
  if (checkImportSize(text) || !/"(?:schedule|sessions_count)"/.test(text)) return null;
  const source = unwrapCurl(stripBom(text));
  if (!source.trimStart().startsWith('{') || checkEncoding(source)) return null;
  const parsed = parseJson(source);
  if (!parsed.ok || !looksLikeSeries(parsed.value)) return null;
  const outcome = importSeriesTask(parsed.value);
  return outcome.result.ok
    ? { ...outcome, warnings: clipAll(outcome.warnings) }
    : {
        result: { ok: false, errors: clipAll(outcome.result.errors) },
        warnings: clipAll(outcome.warnings),
      };
}

export function importAny(text: string, options: ImportOptions = {}): AnyImport {
  return bounded(importText(text, options));
}

function importText(text: string, options: ImportOptions): AnyImport {
  const ext = /\.([a-z0-9]+)$/i.exec(options.fileName ?? '')?.[1]?.toLowerCase();
  const tooBig = checkImportSize(text);
  if (tooBig)
    return {
      kind: ext === 'csv' || ext === 'tsv' || ext === 'txt' ? 'csv' : 'flashcue',
      result: { ok: false, errors: [tooBig] },
      warnings: [],
    };
  const source = unwrapCurl(stripBom(text));
  const start = source.trimStart()[0];
  if (start === undefined) {
    return {
      kind: ext === 'csv' || ext === 'tsv' ? 'csv' : 'flashcue',
      result: { ok: false, errors: [{ path: '(file)', message: 'is empty', code: 'empty' }] },
      warnings: [],
    };
  }
  const looksJson = start === '{' || start === '[' || ext === 'json';
  const badText = checkEncoding(source);
  if (badText)
    return {
      kind: looksJson ? 'flashcue' : 'csv',
      result: { ok: false, errors: [badText] },
      warnings: [],
    };
  if (looksJson) {
    const parsed = parseJson(source);
    if (parsed.ok) return importParsed(parsed.value, options);
    // Broken JSON: name the kind it most likely was, so the error reads in context.
    const kind: ImportKind = /"live_session_details"|"commission_structure"/.test(source)
      ? 'pinghuman'
      : 'flashcue';
    return { kind, result: parsed, warnings: [] };
  }
  if (!options.currency) {
    const missing: LocatedError = {
      path: '(file)',
      message: 'looks like a CSV product list: choose the currency its prices are in',
      code: 'csv_currency',
    };
    return { kind: 'csv', result: { ok: false, errors: [missing] }, warnings: [] };
  }
  const title = options.fileName
    ?.replace(/\.[^.]*$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return {
    kind: 'csv',
    ...importRunSheetCsv(source, {
      currency: options.currency,
      ...(title ? { title } : {}),
      ...(options.durationSec ? { durationSec: options.durationSec } : {}),
    }),
  };
}
