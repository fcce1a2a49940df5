/**
 * Order times as platforms write them. Shopify gives an offset (`2026-05-14 11:23:45 +0100`);
 * TikTok Shop gives a wall-clock time with no zone, month first in the US
 * (`12/15/2025 9:30:33 AM`) and day first elsewhere (`27/05/2026 17:31:07`), so the person
 * confirms the zone (the show's by default) and the file as a whole decides the order.
 */
import type { CellProblem } from './types';

export type DayOrder = 'mdy' | 'dmy';

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_SLASH = /^(\d{4})\/(\d{2})\/(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * What the file's dates say about their order: a first number above 12 means day first, a
 * second above 12 month first; AM/PM with nothing else is the US form. `null` = undecided.
 */
export function dayOrderEvidence(cells: Iterable<string>): {
  order: DayOrder | null;
  conflict: boolean;
} {
  let dmy = false;
  let mdy = false;
  let ampm = false;
  for (const cell of cells) {
    const m = SLASHED.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
    if (m[7]) ampm = true;
  }
  if (dmy && mdy) return { order: null, conflict: true };
  if (dmy) return { order: 'dmy', conflict: false };
  if (mdy || ampm) return { order: 'mdy', conflict: false };
  return { order: null, conflict: false };
}

/** The zone's offset from UTC (ms) at the instant `utc`. */
function offsetAt(utc: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(utc);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour! % 24, +p.minute!, +p.second!);
  return asUtc - Math.floor(utc / 1000) * 1000;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** A wall-clock time in `timeZone` to epoch ms (the earlier instant when clocks go back). */
export function wallToEpoch(w: Wall, timeZone: string): number {
  const naive = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  // Zones change offset on the hour or half hour: one answer per wall-clock half hour.
  const key = `${timeZone}|${Math.floor(naive / 1_800_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const first = naive - offsetAt(naive, timeZone);
    offset = naive - (naive - offsetAt(first, timeZone));
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return naive - offset;
}
const offsets = new Map<string, number>();

function valid(w: Wall): boolean {
  const probe = new Date(Date.UTC(w.y, w.mo - 1, w.d));
  return (
    w.mo >= 1 &&
    w.mo <= 12 &&
    probe.getUTCDate() === w.d &&
    probe.getUTCMonth() === w.mo - 1 &&
    w.h < 24 &&
    w.mi < 60 &&
    w.s < 60
  );
}

/**
 * Reads one time cell to epoch ms, or returns a sentence saying why not. A time with an
 * offset keeps it; one without is read in `timeZone`.
 */
export function parseOrderTime(
  text: string,
  opts: { timeZone: string; dayOrder: DayOrder },
): number | string {
  const read = readOrderTime(text, opts);
  return typeof read === 'number' ? read : read.message;
}

/** parseOrderTime with the problem as data: its code (`ord_<code>`) and values. */
export function readOrderTime(
  text: string,
  opts: { timeZone: string; dayOrder: DayOrder },
): number | CellProblem {
  const cell = text.trim();
  let m = ISO.exec(cell);
  if (m) {
    const w = { y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +m[4]!, mi: +m[5]!, s: +(m[6] ?? 0) };
    if (!valid(w)) return notReal(cell);
    const zone = m[7];
    if (!zone) return wallToEpoch(w, opts.timeZone);
    if (zone === 'Z') return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
    const offset = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +z[3]!) * 60_000;
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - offset;
  }
  m = ISO_SLASH.exec(cell);
  if (m) {
    const w = { y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +m[4]!, mi: +m[5]!, s: +(m[6] ?? 0) };
    return valid(w) ? wallToEpoch(w, opts.timeZone) : notReal(cell);
  }
  m = SLASHED.exec(cell);
  if (!m)
    return {
      message: `"${cell.slice(0, 40)}" is not a date and time Flashcue reads (e.g. 12/15/2025 9:30:33 AM or 27/05/2026 17:31:07)`,
      code: 'date_unread',
      params: { cell: cell.slice(0, 40) },
    };
  const [a, b] = [+m[1]!, +m[2]!];
  let h = +m[4]!;
  const ampm = m[7]?.toUpperCase();
  if (ampm) {
    if (h < 1 || h > 12)
      return {
        message: `"${cell}" has hour ${h} with ${ampm}`,
        code: 'date_hour_ampm',
        params: { cell, hour: h, ampm },
      };
    h = (h % 12) + (ampm === 'PM' ? 12 : 0);
  }
  const w =
    opts.dayOrder === 'dmy'
      ? { y: +m[3]!, mo: b, d: a, h, mi: +m[5]!, s: +(m[6] ?? 0) }
      : { y: +m[3]!, mo: a, d: b, h, mi: +m[5]!, s: +(m[6] ?? 0) };
  if (!valid(w))
    return {
      message: `"${cell}" is not a real date (read ${opts.dayOrder === 'dmy' ? 'day' : 'month'} first)`,
      code: opts.dayOrder === 'dmy' ? 'date_not_real_dmy' : 'date_not_real_mdy',
      params: { cell },
    };
  return wallToEpoch(w, opts.timeZone);
}

const notReal = (cell: string): CellProblem => ({
  message: `"${cell}" is not a real date`,
  code: 'date_not_real',
  params: { cell },
});
