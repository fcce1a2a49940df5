/**
 * A PingHuman task for a recurring series → one run sheet per scheduled date, linked by a
 * series record. No series task exists in the seed; the field names are the ones issue 18
 * gives (`sessions_count`, `schedule` of dates and themes, `products_per_session`, per-session
 * base and series bonuses), placed where the seed's task JSON places their single-show
 * siblings (live_session_details, commission_structure). The fixture
 * test/fixtures/pinghuman/weekly-series.json is the worked example.
 *
 * Each session is imported by the one-show importer (same checks, same placeholders), from a
 * copy of the task with that session's date, theme and product slots; its errors are put back
 * on the series task's own paths (`live_session_details.schedule[2].date`).
 */
import { isKnownCurrency } from '../money';
import type { RunSheet } from '../runsheet/schema';
import { parseSeriesBonus, type SeriesBonus } from '../series/bonus';
import type { LocatedError, Result } from '../validation';
import { slugify } from './ids';
import { importPingHumanTask } from './pinghuman';
import { Reader, isObj, type Obj } from './pinghumanValues';

export interface SeriesSession {
  /** 1-based: "week 4" is session 4. */
  index: number;
  sheetId: string;
  date: string;
  theme: string | null;
}

export interface SeriesDef {
  id: string;
  title: string;
  currency: string;
  timeZone: string;
  sessions: SeriesSession[];
  productsPerSession: number | null;
  /** Minor units per session (commission_structure.base_payment_per_session); null if none. */
  basePerSession: number | null;
  bonuses: SeriesBonus[];
}

export interface SeriesPlan {
  series: SeriesDef;
  sheets: RunSheet[];
}

export interface SeriesOutcome {
  result: Result<SeriesPlan>;
  warnings: LocatedError[];
}

const MAX_SESSIONS = 52;
const SERIES_KEYS = ['sessions_count', 'schedule', 'products_per_session'];

const detailsOf = (value: Obj): Obj | null =>
  isObj(value.live_session_details) ? value.live_session_details : null;

/** A task (or bare live_session_details) that describes several sessions. */
export function looksLikeSeries(value: unknown): boolean {
  if (!isObj(value)) return false;
  const details = detailsOf(value) ?? value;
  return SERIES_KEYS.slice(0, 2).some((k) => k in details);
}

export function importSeriesTask(input: unknown): SeriesOutcome {
  const fail = (path: string, message: string): SeriesOutcome => ({
    result: { ok: false, errors: [{ path, message }] },
    warnings: [],
  });
  if (!isObj(input) || !looksLikeSeries(input))
    return fail('(top level)', 'is not a series task: expected live_session_details.schedule');
  const isTask = detailsOf(input) !== null;
  const details = detailsOf(input) ?? input;
  const task: Obj = isTask ? input : {};
  const at = (key: string) => (isTask ? `live_session_details.${key}` : key);
  const currencyText = [task.currency, details.currency].find((c) => typeof c === 'string');
  const currency = typeof currencyText === 'string' ? currencyText.trim().toUpperCase() : 'CNY';
  if (!isKnownCurrency(currency))
    return fail('currency', `is "${currencyText}": use an ISO 4217 code such as CNY, USD or EUR`);
  const r = new Reader(currency);

  const declared = r.count(details.sessions_count, at('sessions_count'));
  const schedule = details.schedule;
  if (!Array.isArray(schedule) || schedule.length === 0)
    return fail(
      at('schedule'),
      'must list the sessions, one {"date": "2026-04-07T19:00:00+08:00", "theme": "…"} per session',
    );
  if (schedule.length > MAX_SESSIONS)
    return fail(at('schedule'), `has ${schedule.length} sessions: at most ${MAX_SESSIONS}`);
  if (declared !== undefined && declared !== schedule.length)
    r.fail(
      at('sessions_count'),
      `says ${declared} sessions but the schedule lists ${schedule.length}: give one date per session`,
    );
  const perSession = r.count(details.products_per_session, at('products_per_session'));
  if (perSession === 0) r.fail(at('products_per_session'), 'must be at least 1');

  const title = r.text(task.title ?? details.title, 'title')?.trim() || 'Live shopping series';
  const id = `${slugify(title, 'series').slice(0, 56)}`;
  const cs = isObj(task.commission_structure) ? task.commission_structure : null;
  const csPath = 'commission_structure';
  const basePerSession = cs
    ? r.money(cs.base_payment_per_session, `${csPath}.base_payment_per_session`)
    : undefined;
  const bonuses = readBonuses(r, cs?.series_bonuses, `${csPath}.series_bonuses`, currency);

  const sessions: SeriesSession[] = [];
  const sheets: RunSheet[] = [];
  let sessionWarnings: LocatedError[] = [];
  schedule.forEach((entry, i) => {
    const path = `${at('schedule')}[${i}]`;
    if (!isObj(entry))
      return void r.fail(path, 'must be an object such as {"date": "…", "theme": "…"}');
    const dateKey = ['date', 'scheduled_time'].find((k) => entry[k] !== undefined) ?? 'date';
    const date = r.text(entry[dateKey], `${path}.${dateKey}`);
    if (date === undefined)
      return void r.fail(`${path}.date`, 'is missing: every session needs its date and time');
    const theme = r.text(entry.theme, `${path}.theme`)?.trim() || null;
    const index = i + 1;
    const sheetId = `${id}-${index}`;
    const sessionTitle = theme ?? `${title} — session ${index}`;
    const outcome = importPingHumanTask(
      sessionTask(task, details, isTask, {
        sheetId,
        sessionTitle,
        date,
        perSession,
        basePerSession,
      }),
    );
    const move = moveOnto(path, dateKey, isTask);
    if (!outcome.result.ok) r.errors.push(...outcome.result.errors.map(move));
    else {
      sheets.push(outcome.result.value);
      sessions.push({ index, sheetId, date, theme });
    }
    // Every session is built from the same fields: one copy of their warnings is enough.
    if (i === 0) sessionWarnings = outcome.warnings.filter((w) => w.path !== 'title').map(move);
  });
  const warnings = [...r.warnings, ...sessionWarnings];
  if (r.errors.length) return { result: { ok: false, errors: r.errors }, warnings };
  const timeZone = sheets[0]?.show.timeZone ?? 'UTC';
  const series: SeriesDef = {
    id,
    title: title.slice(0, 160),
    currency,
    timeZone,
    sessions,
    productsPerSession: perSession ?? null,
    basePerSession: basePerSession ?? null,
    bonuses,
  };
  return { result: { ok: true, value: { series, sheets } }, warnings };
}

interface SessionFields {
  sheetId: string;
  sessionTitle: string;
  date: string;
  perSession: number | undefined;
  basePerSession: number | undefined;
}

/** The one-show task for a session: its date, theme as title, slots, and per-session base. */
function sessionTask(task: Obj, details: Obj, isTask: boolean, f: SessionFields): Obj {
  const rest = Object.fromEntries(
    Object.entries(details).filter(
      ([k]) =>
        !['sessions_count', 'schedule', 'products_per_session', 'scheduled_time'].includes(k),
    ),
  );
  const session: Obj = { ...rest, scheduled_time: f.date };
  if (f.perSession !== undefined && !Array.isArray(details.products))
    session.products_count = f.perSession;
  const cs = isObj(task.commission_structure) ? { ...task.commission_structure } : undefined;
  if (cs) {
    delete cs.series_bonuses;
    // The one-show reader takes base_payment; a series pays it per session.
    if (cs.base_payment_per_session !== undefined) cs.base_payment = cs.base_payment_per_session;
    delete cs.base_payment_per_session;
  }
  const base: Obj = isTask ? { ...task } : {};
  return {
    ...base,
    id: f.sheetId,
    title: f.sessionTitle,
    currency: task.currency ?? details.currency ?? 'CNY',
    live_session_details: session,
    ...(cs ? { commission_structure: cs } : {}),
  };
}

/** A session's error path → the series task's path for the same field. */
function moveOnto(path: string, dateKey: string, isTask: boolean) {
  const prefix = isTask ? 'live_session_details.' : '';
  return (e: LocatedError): LocatedError => {
    if (e.path === `${prefix}scheduled_time` || e.path === 'scheduled_time')
      return { ...e, path: `${path}.${dateKey}` };
    if (e.path === 'title') return { ...e, path: `${path}.theme` };
    if (e.path.startsWith(`${prefix}products_count`))
      return {
        ...e,
        path: e.path.replace(`${prefix}products_count`, `${prefix}products_per_session`),
      };
    return e;
  };
}

function readBonuses(r: Reader, value: unknown, path: string, currency: string): SeriesBonus[] {
  if (value === undefined) return [];
  const entries: Array<[string, unknown, string]> = Array.isArray(value)
    ? value.map((v, i) => [`${i + 1}`, v, `${path}[${i}]`])
    : isObj(value)
      ? Object.entries(value).map(([k, v]) => [k, v, `${path}.${k}`])
      : [];
  if (!Array.isArray(value) && !isObj(value)) {
    r.fail(
      path,
      'must be an object such as {"week4_growth": "500 CNY if week 4 viewers > week 1 by 30%"}',
    );
    return [];
  }
  const bonuses: SeriesBonus[] = [];
  for (const [key, v, at] of entries.slice(0, 50)) {
    if (typeof v !== 'string') {
      r.fail(at, 'must be a sentence such as "500 CNY if week 4 viewers > week 1 by 30%"');
      continue;
    }
    const bonus = parseSeriesBonus(key.slice(0, 80), v, currency);
    if (!bonus.condition)
      r.warn(
        at,
        'could not be read as a condition ("500 CNY if week 4 viewers > week 1 by 30%"): kept as a note, not evaluated',
      );
    else if (bonus.amount === null)
      r.warn(
        at,
        `names no amount in ${currency}: the condition is evaluated, the amount is left to you`,
      );
    bonuses.push(bonus);
  }
  return bonuses;
}
