/**
 * One entry for every import: the format is read from the content, the file name's
 * extension only breaks ties (a broken .json file is still reported as JSON, not as CSV).
 */
import type { LocatedError } from '../validation';
import { importRunSheetCsv } from './csv';
import { importRunSheetValue } from './flashcue';
import { checkImportSize, parseJson, stripBom } from './json';
import type { ImportOutcome } from './outcome';
import { importPingHumanTask, looksLikePingHuman } from './pinghuman';

export { exportRunSheetJson, importRunSheetJson, importRunSheetValue } from './flashcue';
export { importProductsCsv, importRunSheetCsv } from './csv';
export { importPingHumanJson, importPingHumanTask } from './pinghuman';
export { generateSegments } from './plan';
export { MAX_IMPORT_BYTES, parseJson } from './json';
export { PLACEHOLDER_STOCK, type ImportOutcome } from './outcome';

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

/** A parsed JSON value (e.g. the command API's `runsheet.load` argument). */
export function importValue(value: unknown, options: ImportOptions = {}): AnyImport {
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  if (looksLikePingHuman(value) || 'human_id' in obj || 'follower_stats' in obj) {
    return { kind: 'pinghuman', ...importPingHumanTask(value, options.currency ? { currency: options.currency } : {}) };
  }
  if (!('format' in obj) && !('segments' in obj && 'show' in obj)) {
    const message = 'is neither a Flashcue run sheet ("format": "flashcue.runsheet") nor a PingHuman task (with "live_session_details")';
    return { kind: 'flashcue', result: { ok: false, errors: [{ path: '(top level)', message }] }, warnings: [] };
  }
  return { kind: 'flashcue', result: importRunSheetValue(value), warnings: [] };
}

export function importAny(text: string, options: ImportOptions = {}): AnyImport {
  const ext = /\.([a-z0-9]+)$/i.exec(options.fileName ?? '')?.[1]?.toLowerCase();
  const tooBig = checkImportSize(text);
  if (tooBig) return { kind: ext === 'csv' || ext === 'tsv' || ext === 'txt' ? 'csv' : 'flashcue', result: { ok: false, errors: [tooBig] }, warnings: [] };
  const source = unwrapCurl(stripBom(text));
  const start = source.trimStart()[0];
  if (start === undefined) {
    return { kind: ext === 'csv' || ext === 'tsv' ? 'csv' : 'flashcue', result: { ok: false, errors: [{ path: '(file)', message: 'is empty' }] }, warnings: [] };
  }
  if (start === '{' || start === '[' || ext === 'json') {
    const parsed = parseJson(source);
    if (parsed.ok) return importValue(parsed.value, options);
    // Broken JSON: name the kind it most likely was, so the error reads in context.
    const kind: ImportKind = /"live_session_details"|"commission_structure"/.test(source) ? 'pinghuman' : 'flashcue';
    return { kind, result: parsed, warnings: [] };
  }
  if (!options.currency) {
    const missing: LocatedError = { path: '(file)', message: 'looks like a CSV product list: choose the currency its prices are in' };
    return { kind: 'csv', result: { ok: false, errors: [missing] }, warnings: [] };
  }
  const title = options.fileName?.replace(/\.[^.]*$/, '').replace(/[_-]+/g, ' ').trim();
  return {
    kind: 'csv',
    ...importRunSheetCsv(source, {
      currency: options.currency,
      ...(title ? { title } : {}),
      ...(options.durationSec ? { durationSec: options.durationSec } : {}),
    }),
  };
}
