/**
 * PingHuman task JSON (the tiktok-live-commerce skill's POST /tasks body) → a run sheet.
 * Accepts the whole task or its `live_session_details` alone. Every problem is located at
 * the task's own JSON path (`live_session_details.products[0].retail_price`), so the person
 * who wrote the task can find it.
 */
import { isKnownCurrency } from '../money';
import { RUNSHEET_FORMAT, RUNSHEET_VERSION } from '../runsheet/schema';
import { parseRunSheet } from '../runsheet';
import { located, type ErrorParams, type LocatedError } from '../validation';
import { parseJson } from './json';
import { slugify } from './ids';
import type { ImportOutcome } from './outcome';
import { generateSegments } from './plan';
import { Reader, isObj, readCommission, type Obj } from './pinghumanValues';
import { defined, readProducts } from './pinghumanProducts';

export interface PingHumanOptions {
  /** Used when the task names no currency (task `currency`, then `compensation_range.currency`). */
  currency?: string;
}

const DEFAULT_DURATION_SEC = 2 * 3600;
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** True for a task object or a bare live_session_details. */
export function looksLikePingHuman(value: unknown): boolean {
  if (!isObj(value)) return false;
  if (isObj(value.live_session_details) || isObj(value.commission_structure)) return true;
  return [
    'duration_hours',
    'duration_minutes',
    'session_type',
    'session_format',
    'products_count',
    'scheduled_time',
  ].some((k) => k in value);
}

export function importPingHumanJson(text: string, options: PingHumanOptions = {}): ImportOutcome {
  const parsed = parseJson(text);
  return parsed.ok ? importPingHumanTask(parsed.value, options) : { result: parsed, warnings: [] };
}

export function importPingHumanTask(input: unknown, options: PingHumanOptions = {}): ImportOutcome {
  const fail = (path: string, message: string, code: string, params?: ErrorParams) => ({
    result: { ok: false as const, errors: [located(path, message, code, params)] },
    warnings: [],
  });
  if (!isObj(input))
    return fail(
      '(top level)',
      'must be a PingHuman task object with live_session_details',
      'ph_not_task_object',
    );
  if ('human_id' in input || 'follower_stats' in input) {
    return fail(
      '(top level)',
      'is a PingHuman host profile, not a task: import the task (the body with live_session_details) instead',
      'ph_host_profile',
    );
  }
  const isTask = 'live_session_details' in input;
  if (!isTask && !looksLikePingHuman(input))
    return fail(
      '(top level)',
      'is not a PingHuman task: expected live_session_details',
      'ph_not_task',
    );
  const details = isTask ? input.live_session_details : input;
  if (!isObj(details)) return fail('live_session_details', 'must be an object', 'ph_object');
  const task: Obj = isTask ? input : {};
  const at = (key: string) => (isTask ? `live_session_details.${key}` : key);

  // Money needs the currency first: every amount depends on its minor unit.
  const range = isObj(task.compensation_range) ? task.compensation_range : {};
  const currencyFrom = [task.currency, details.currency, range.currency, options.currency].find(
    (c) => typeof c === 'string' && c.trim(),
  );
  const currency = typeof currencyFrom === 'string' ? currencyFrom.trim().toUpperCase() : 'CNY';
  if (!isKnownCurrency(currency))
    return fail(
      'currency',
      `is "${String(currencyFrom)}": use an ISO 4217 code such as CNY, USD or EUR`,
      'ph_currency',
      { value: String(currencyFrom) },
    );
  const r = new Reader(currency);
  if (currencyFrom === undefined)
    r.warn(
      'currency',
      'is not given: prices read as CNY (yuan). Import with a currency option if they are not',
      'ph_no_currency',
    );

  // Where each run-sheet field came from, to put schema errors back on the task's paths.
  const sources = new Map<string, string>();
  const title = r.text(task.title ?? details.title, 'title')?.trim() || 'Live shopping session';
  if (!(task.title ?? details.title))
    r.warn('title', `is missing: the show is called "${title}"`, 'ph_no_title', { title });
  sources.set('show.title', 'title');

  let durationSec = DEFAULT_DURATION_SEC;
  const minutes = r.number(details.duration_minutes, at('duration_minutes'));
  const hours = r.number(details.duration_hours, at('duration_hours'));
  if (minutes !== undefined || hours !== undefined) {
    durationSec = minutes !== undefined ? Math.round(minutes * 60) : Math.round(hours! * 3600);
    sources.set(
      'show.durationSec',
      at(minutes !== undefined ? 'duration_minutes' : 'duration_hours'),
    );
  } else
    r.warn(at('duration_hours'), 'is missing: the show is planned for 2 hours', 'ph_no_duration', {
      hours: DEFAULT_DURATION_SEC / 3600,
    });

  const formatText = [
    details.session_format,
    details.session_type,
    task.session_format,
    task.session_type,
  ].find((f) => typeof f === 'string' && f.trim());
  const format = typeof formatText === 'string' ? clip(formatText.trim(), 80) : undefined;
  sources.set(
    'show.format',
    at(details.session_format !== undefined ? 'session_format' : 'session_type'),
  );
  const notes = [
    task.description,
    typeof details.format === 'string' ? `Format: ${details.format}` : undefined,
  ]
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .join('\n\n');

  for (const [field, key] of [
    ['scheduledStart', 'scheduled_time'],
    ['timeZone', 'time_zone'],
    ['expectedViewers', 'expected_viewers'],
    ['targetGmv', 'target_gmv'],
  ]) {
    sources.set(`show.${field}`, at(key!));
  }
  const show = {
    title,
    ...defined('scheduledStart', details.scheduled_time ?? task.scheduled_time),
    timeZone: details.time_zone ?? task.time_zone ?? 'UTC',
    currency,
    durationSec,
    ...defined('expectedViewers', r.count(details.expected_viewers, at('expected_viewers'))),
    ...defined('targetGmv', r.money(details.target_gmv, at('target_gmv'))),
    ...defined('format', format),
    ...(notes ? { notes: clip(notes, 2000) } : {}),
  };

  const products = readProducts(r, details, at, sources);
  const csPath = isObj(task.commission_structure)
    ? 'commission_structure'
    : at('commission_structure');
  const cs = task.commission_structure ?? details.commission_structure;
  if (cs !== undefined && !isObj(cs))
    r.fail(
      csPath,
      'must be an object with base_payment, commission_rate, performance_bonuses',
      'ph_commission_object',
    );
  const commission = isObj(cs) ? readCommission(r, cs, csPath) : undefined;
  sources.set('show.commission', csPath);
  sources.set('show.commission.basePayment', `${csPath}.base_payment`);
  sources.set('show.commission.commissionRate', `${csPath}.commission_rate`);
  const plan = generateSegments(products, { durationSec, ...(format ? { format } : {}) });
  const id =
    typeof task.id === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(task.id)
      ? task.id
      : slugify(title, 'show');
  const result = parseRunSheet({
    format: RUNSHEET_FORMAT,
    version: RUNSHEET_VERSION,
    id,
    show: { ...show, ...(commission ? { commission } : {}) },
    products,
    segments: plan.segments,
  });
  const warnings = [...r.warnings, ...plan.warnings];
  if (result.ok && !r.errors.length) return { result, warnings };
  // A value that could not be read was replaced by a stand-in: the schema's view of that
  // product (or field) would only repeat the problem, so those reports are dropped.
  const failed = r.errors.map((e) => /^.*products\[\d+\]/.exec(e.path)?.[0] ?? e.path);
  const more = result.ok
    ? []
    : relocate(result.errors, sources).filter((e) => !failed.some((f) => e.path.startsWith(f)));
  return { result: { ok: false, errors: [...r.errors, ...more] }, warnings };
}

/** Schema errors moved onto the task's own paths (the longest known prefix wins). */
function relocate(errors: LocatedError[], sources: Map<string, string>): LocatedError[] {
  return errors.map((e) => {
    let best = '';
    for (const key of sources.keys()) {
      const prefixOk =
        e.path === key || e.path.startsWith(`${key}.`) || e.path.startsWith(`${key}[`);
      if (prefixOk && key.length > best.length) best = key;
    }
    return best ? { ...e, path: sources.get(best)! + e.path.slice(best.length) } : e;
  });
}
