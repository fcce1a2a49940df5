/**
 * What people type into the editor, to and from the run sheet's exact units: money as a
 * decimal in the show's currency (integer minor units inside), durations as m:ss (whole
 * seconds inside), rates as percent (a fraction inside), a start time as wall-clock time in
 * the show's time zone (an ISO date-time with offset inside). Parsers return a value or a
 * sentence saying what is wrong; they never guess.
 */
import { minorDigits, toMinor } from '../../shared/money';
import { formatDecimal } from '../../shared/export/csv';
import * as msg from '../i18n/paraglide/messages.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (message: string): Parsed<never> => ({ ok: false, message });

/** "19.90" or "19,90" in the show's currency → minor units. */
export function parseMoney(text: string, currency: string): Parsed<number> {
  const clean = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (clean.startsWith('-')) return no(msg.unit_not_negative());
  if (!/^\d+(?:[.,]\d+)?$/.test(clean))
    return no(msg.unit_amount_such_as({ example: example(currency) }));
  const digits = safeDigits(currency);
  const minor = toMinor(Number(clean.replace(',', '.')), currency);
  if (minor === null) {
    return no(
      digits === 0
        ? msg.unit_whole_amount({ currency })
        : msg.unit_too_many_decimals({ digits, currency }),
    );
  }
  return ok(minor);
}

/** Minor units as the editor shows them: "199.00", JPY "1299". */
export function formatMoneyInput(minor: number | undefined, currency: string): string {
  if (minor === undefined) return '';
  try {
    return formatDecimal(minor, currency);
  } catch {
    return String(minor);
  }
}

function safeDigits(currency: string): number {
  try {
    return minorDigits(currency);
  } catch {
    return 2;
  }
}

function example(currency: string): string {
  return safeDigits(currency) === 0 ? '1299' : '19.90';
}

/** A whole, non-negative number ("stock", "viewers"). */
export function parseCount(text: string): Parsed<number> {
  const clean = text.trim().replace(/[\s\u00a0\u202f,]/g, '');
  if (clean.startsWith('-')) return no(msg.unit_not_negative());
  if (!/^\d+$/.test(clean)) return no(msg.unit_whole_number());
  return ok(Number(clean));
}

/**
 * "4:30" (m:ss), "1:02:00" (h:mm:ss) or "5" (minutes) → seconds. Seconds and minutes after
 * the first part must be two digits below 60, so a slip like "4:3" is refused, not read as 4:03.
 */
export function parseDuration(text: string): Parsed<number> {
  const clean = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(clean)) return ok(Math.round(Number(clean) * 60));
  const parts = /^(\d+):(\d\d)(?::(\d\d))?$/.exec(clean);
  if (!parts) return no(msg.unit_length());
  const [, a, b, c] = parts;
  if (Number(b) >= 60 || (c !== undefined && Number(c) >= 60)) return no(msg.unit_above_59());
  return ok(
    c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 3600 + Number(b) * 60 + Number(c),
  );
}

/** Seconds as m:ss (minutes past 60 stay minutes: "90:00" reads better in a plan than 1:30:00). */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Planned length in minutes ("60", "22.5") → seconds. */
export function parseMinutes(text: string): Parsed<number> {
  const clean = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(clean)) return no(msg.unit_minutes());
  return ok(Math.round(Number(clean) * 60));
}

export function formatMinutes(seconds: number): string {
  return String(Number((seconds / 60).toFixed(2)));
}

/** "8" or "12.5" (percent) → 0.08, 0.125; rounded so 7% is 0.07 and not 0.07000000000000001. */
export function parsePercent(text: string): Parsed<number> {
  const clean = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (clean.startsWith('-')) return no(msg.unit_not_negative());
  if (!/^\d+(?:\.\d+)?$/.test(clean)) return no(msg.unit_percentage());
  const value = Number((Number(clean) / 100).toFixed(8));
  return value > 1 ? no(msg.unit_at_most_100()) : ok(value);
}

export function formatPercent(fraction: number): string {
  return String(Number((fraction * 100).toFixed(6)));
}

/** The UTC offset of `timeZone` at an instant, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60000);
}

const LOCAL = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/;

/**
 * A `datetime-local` value read as wall-clock time in `timeZone` → ISO 8601 with that zone's
 * offset ("2026-03-15T19:00:00+08:00"). In a DST gap the later offset wins, as clocks do.
 */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  let offset = zoneOffsetMinutes(timeZone, wall);
  const second = zoneOffsetMinutes(timeZone, wall - offset * 60000);
  if (second !== offset) offset = zoneOffsetMinutes(timeZone, wall - second * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${new Date(wall).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/** An ISO instant as `datetime-local` text in `timeZone` ("2026-03-15T19:00"). */
export function isoToZonedLocal(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const wall = new Date(at + zoneOffsetMinutes(timeZone, at) * 60000).toISOString();
  return wall.endsWith(':00.000Z') ? wall.slice(0, 16) : wall.slice(0, 19);
}
