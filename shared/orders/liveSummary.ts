/**
 * The platform's own LIVE summary (TikTok LIVE Center / Analytics: GMV, SKU orders,
 * customers, viewers, unique viewers, average watch time, product clicks), typed or pasted by
 * a person. Pasted text is read line by line as "label value" (a colon, a tab or spaces
 * between), in any order; labels are matched loosely because dashboards word them variously.
 */
import { decimalToCount, parseDecimal, readMoney } from '../import/decimal';

export interface LiveSummary {
  gmv: number | null;
  skuOrders: number | null;
  customers: number | null;
  viewers: number | null;
  uniqueViewers: number | null;
  /** Seconds. */
  avgWatchSeconds: number | null;
  productClicks: number | null;
}

export const EMPTY_SUMMARY: LiveSummary = {
  gmv: null,
  skuOrders: null,
  customers: null,
  viewers: null,
  uniqueViewers: null,
  avgWatchSeconds: null,
  productClicks: null,
};

export const SUMMARY_LABELS: Record<keyof LiveSummary, string> = {
  gmv: 'GMV',
  skuOrders: 'SKU orders',
  customers: 'Customers',
  viewers: 'Viewers',
  uniqueViewers: 'Unique viewers',
  avgWatchSeconds: 'Average watch time',
  productClicks: 'Product clicks',
};

/** Label patterns, most specific first ("unique viewers" before "viewers"). */
const LABELS: Array<[keyof LiveSummary, RegExp]> = [
  ['uniqueViewers', /^unique\s*viewers?|^uv$/i],
  ['avgWatchSeconds', /^(avg\.?|average)\s*(view(ing)?|watch)\s*(time|duration)/i],
  ['productClicks', /^product\s*clicks?/i],
  ['skuOrders', /^(sku\s*orders?|orders?\s*\(sku\)|items?\s*sold)/i],
  ['customers', /^(customers?|buyers?)/i],
  ['gmv', /^(live\s*)?gmv|^gross\s*merchandise/i],
  ['viewers', /^(total\s*)?(viewers?|views?)$/i],
];

/** "1m 23s", "83 s", "00:01:23", "1:23" → seconds. */
export function readDuration(text: string): number | string {
  const s = text.trim().toLowerCase();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(s);
  if (clock) return +(clock[1] ?? 0) * 3600 + +clock[2]! * 60 + +clock[3]!;
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)\s*(h|hr|hours?|m|min|minutes?|s|sec|seconds?)\b/g)];
  if (
    parts.length &&
    parts
      .map((p) => p[0])
      .join('')
      .replace(/\s/g, '') === s.replace(/\s/g, '')
  ) {
    return Math.round(
      parts.reduce(
        (sum, p) =>
          sum + Number(p[1]) * (p[2]!.startsWith('h') ? 3600 : p[2]!.startsWith('m') ? 60 : 1),
        0,
      ),
    );
  }
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s));
  return `"${text.trim().slice(0, 30)}" is not a duration (e.g. 1m 23s or 0:01:23)`;
}

/** Reads one field from text; a message on failure. */
export function readSummaryField(
  field: keyof LiveSummary,
  text: string,
  currency: string,
): number | null | string {
  const t = text.trim();
  if (t === '' || t === '-' || t === '—') return null;
  if (field === 'gmv') {
    const m = readMoney(t, currency);
    return typeof m === 'string' ? `GMV ${m}` : m.minor;
  }
  if (field === 'avgWatchSeconds') return readDuration(t);
  // Dashboards abbreviate: "12.3K", "1.2M".
  const k = /^(\d+(?:[.,]\d+)?)\s*([kKmM])$/.exec(t);
  if (k) return Math.round(Number(k[1]!.replace(',', '.')) * (/k/i.test(k[2]!) ? 1e3 : 1e6));
  const parsed = parseDecimal(t, { currency: 'USD', count: true });
  const n = parsed.ok ? decimalToCount(parsed.value) : parsed.message;
  return typeof n === 'string' ? `${SUMMARY_LABELS[field]} ${n}` : n;
}

/** Pasted dashboard text → the fields it names; unknown lines are listed, not guessed. */
export function parseLiveSummary(
  text: string,
  currency: string,
): { summary: Partial<LiveSummary>; errors: string[]; unread: string[] } {
  const summary: Partial<LiveSummary> = {};
  const errors: string[] = [];
  const unread: string[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 200);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let label = line;
    let value = '';
    const split =
      /^(.*?)(?:\s*[:：]\s*|\t+|\s{2,})(\S.*)$/.exec(line) ??
      /^(.*?[^\d\s])\s+([\d¥$€£].*)$/u.exec(line);
    if (split) [label, value] = [split[1]!, split[2]!];
    const field = LABELS.find(([, re]) => re.test(label.trim()))?.[0];
    if (!field) {
      unread.push(line.slice(0, 60));
      continue;
    }
    // Dashboards often put the figure on the line under its label.
    if (!value && i + 1 < lines.length) value = lines[++i]!;
    const read = readSummaryField(field, value, currency);
    if (typeof read === 'string') errors.push(read);
    else summary[field] = read;
  }
  return { summary, errors, unread };
}
