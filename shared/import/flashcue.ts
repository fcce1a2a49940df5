/**
 * Flashcue's own file: the run sheet as JSON ("flashcue.runsheet", version 1). Keys are
 * written in one fixed, readable order whatever order the object was built in, so saving
 * twice gives the same bytes and files diff cleanly.
 */
import { RUNSHEET_FORMAT, RUNSHEET_VERSION, type RunSheet } from '../runsheet/schema';
import { parseRunSheet } from '../runsheet';
import type { Result } from '../validation';
import { parseJson } from './json';

/** Known keys first, in this order (the schema's reading order); any others alphabetically after. */
const TOP_ORDER = ['format', 'version', 'id', 'show', 'products', 'segments'];
const KEY_ORDER = [
  'id',
  'kind',
  'title',
  'name',
  'label',
  'activity',
  'productId',
  'scheduledStart',
  'timeZone',
  'currency',
  'durationSec',
  'expectedViewers',
  'targetGmv',
  'format',
  'livePriceFrom',
  'sku',
  'platformSkuIds',
  'category',
  'retailPrice',
  'livePrice',
  'flashPrice',
  'price',
  'stock',
  'flashSeconds',
  'dealSeconds',
  'flashQuantity',
  'quantity',
  'image',
  'talkingPoints',
  'commission',
  'basePayment',
  'commissionRate',
  'gmvBonuses',
  'viewerBonuses',
  'otherBonuses',
  'metric',
  'threshold',
  'amount',
  'note',
  'notes',
];
const rankOf = (order: string[]) => {
  const rank = new Map(order.map((key, i) => [key, i]));
  return (a: string, b: string) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  };
};
const TOP = rankOf(TOP_ORDER);
const INNER = rankOf(KEY_ORDER);

/** A copy with every object's keys in a fixed order; undefined properties dropped, as JSON does. */
function canonical(value: unknown, top = false): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(top ? TOP : INNER)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

export function exportRunSheetJson(sheet: RunSheet): string {
  return `${JSON.stringify(canonical(sheet, true), null, 2)}\n`;
}

/** A value already parsed from JSON (e.g. the command API's `runsheet.load` argument). */
export function importRunSheetValue(value: unknown): Result<RunSheet> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { format, version } = value as { format?: unknown; version?: unknown };
    if (format === RUNSHEET_FORMAT && typeof version === 'number' && version > RUNSHEET_VERSION) {
      return {
        ok: false,
        errors: [
          {
            path: 'version',
            message: `is ${version}: this run sheet was made by a newer Flashcue, which this one (reading version ${RUNSHEET_VERSION}) cannot open safely. Update Flashcue`,
          },
        ],
      };
    }
    if (format !== undefined && format !== RUNSHEET_FORMAT) {
      return {
        ok: false,
        errors: [
          {
            path: 'format',
            message: `is ${describeValue(format)}: not a Flashcue run sheet ("${RUNSHEET_FORMAT}")`,
          },
        ],
      };
    }
  } else {
    return {
      ok: false,
      errors: [
        {
          path: '(top level)',
          message:
            'must be an object: a Flashcue run sheet starts with {"format": "flashcue.runsheet", …}',
        },
      ],
    };
  }
  return parseRunSheet(value);
}

/**
 * A found value for an error message, never the value itself: JSON.stringify of a hostile
 * value nested 100,000 deep throws RangeError, and a 5 MB string would fill the report.
 */
function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return Array.isArray(value) ? 'a list' : `an ${typeof value}`;
}

export function importRunSheetJson(text: string): Result<RunSheet> {
  const parsed = parseJson(text);
  return parsed.ok ? importRunSheetValue(parsed.value) : parsed;
}
