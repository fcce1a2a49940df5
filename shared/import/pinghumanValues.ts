/**
 * Reading the loosely typed values of PingHuman task JSON (numbers that may arrive as
 * strings, "30%" discounts, "300 CNY if …" bonuses) into exact run-sheet values, each
 * problem located at its JSON path.
 */
import { toMinor, minorDigits } from '../money';
import type { Commission } from '../runsheet/schema';
import { located, type ErrorParams, type LocatedError } from '../validation';
import { readAmount, readMoney } from './decimal';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export class Reader {
  readonly errors: LocatedError[] = [];
  readonly warnings: LocatedError[] = [];
  constructor(readonly currency: string) {}

  /** `code` (controller message `imp_<code>`) and `params` let the controller word it. */
  fail(path: string, message: string, code?: string, params?: ErrorParams): undefined {
    this.errors.push(located(path, message, code, params));
    return undefined;
  }

  warn(path: string, message: string, code?: string, params?: ErrorParams): void {
    this.warnings.push(located(path, message, code, params));
  }

  /** A decimal amount in the major unit (number or numeric text) to minor units. */
  money(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        return this.fail(path, 'must be a number such as 199.00', 'ph_money_number');
      if (value < 0) return this.fail(path, 'must not be negative', 'not_negative');
      const minor = toMinor(value, this.currency);
      const digits = minorDigits(this.currency);
      const currency = this.currency;
      return (
        minor ??
        (digits
          ? this.fail(
              path,
              `has more than ${digits} decimal places, which ${currency} does not have`,
              'dec_decimals',
              { digits, currency },
            )
          : this.fail(path, `must be a whole amount in ${currency}`, 'ph_whole_amount', {
              currency,
            }))
      );
    }
    if (typeof value === 'string') {
      const read = readAmount(value, this.currency, '.');
      return 'message' in read ? this.fail(path, read.message, read.code, read.params) : read.minor;
    }
    return this.fail(path, 'must be a number such as 199.00', 'ph_money_number');
  }

  /** A non-negative number, given as a number or numeric text. */
  number(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
          ? Number(value)
          : NaN;
    if (Number.isFinite(n) && n >= 0) return n;
    return typeof value === 'number' || (typeof value === 'string' && /^\s*-/.test(value))
      ? this.fail(path, 'must not be negative', 'not_negative')
      : this.fail(path, 'must be a number', 'number');
  }

  count(value: unknown, path: string): number | undefined {
    const n = this.number(value, path);
    if (n === undefined || Number.isInteger(n)) return n;
    return this.fail(path, 'must be a whole number', 'whole');
  }

  text(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    return this.fail(path, 'must be text', 'text');
  }

  /**
   * A discount to basis points: "30%", "30% off", 30 (percent) or 0.3 (a fraction: numbers
   * below 1 are fractions, 1 and above percentages).
   */
  discount(value: unknown, path: string): number | undefined {
    let percent: number | undefined;
    if (typeof value === 'number' && Number.isFinite(value))
      percent = value < 1 ? value * 100 : value;
    else if (typeof value === 'string') {
      const m = /^\s*-?\s*(\d+(?:\.\d+)?)\s*%\s*(off)?\s*$/i.exec(value);
      if (m) percent = Number(m[1]);
    }
    if (percent === undefined || percent < 0 || percent > 100) {
      const message = 'must be a percentage between 0% and 100%, such as "30%"';
      return this.fail(path, message, 'ph_percent');
    }
    return Math.round(percent * 100);
  }
}

/** Retail less a discount, rounded half up to the currency's minor unit (exact in BigInt). */
export function discounted(retailMinor: number, basisPoints: number): number {
  const scaled = BigInt(retailMinor) * BigInt(10000 - basisPoints);
  return Number((scaled + 5000n) / 10000n);
}

const MULTIPLIER: Record<string, number> = { '': 1, k: 1e3, w: 1e4, 万: 1e4, m: 1e6 };
const humanize = (key: string) => key.replace(/[_-]+/g, ' ').trim();
const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** "300 CNY if 50+ questions answered" → 300 (in minor units), when it starts with an amount. */
function leadingAmount(r: Reader, text: string): number | undefined {
  const m = /^\s*[¥￥$€£]?\s*(\d[\d,]*(?:\.\d+)?)\s*(?:([A-Za-z]{3})\b|元)?/.exec(text);
  if (!m || (m[2] && m[2].toUpperCase() !== r.currency && m[2].toUpperCase() !== 'RMB'))
    return undefined;
  const read = readMoney(m[1]!, r.currency, '.');
  return typeof read === 'string' ? undefined : read.minor;
}

/**
 * commission_structure → Commission. performance_bonuses keys: `50k_gmv` (GMV threshold),
 * `peak_3k_viewers` (peak concurrent), `unique_10k_viewers`; anything else, and any other
 * `…bonus…` field, is kept as a bonus a person judges.
 */
export function readCommission(r: Reader, cs: Obj, path: string): Commission {
  const commission: Commission = {
    basePayment: 0,
    commissionRate: 0,
    gmvBonuses: [],
    viewerBonuses: [],
    otherBonuses: [],
  };
  commission.basePayment = r.money(cs.base_payment, `${path}.base_payment`) ?? 0;
  const rate = cs.commission_rate;
  if (typeof rate === 'string' && /%\s*$/.test(rate)) {
    const n = r.number(rate.replace('%', ''), `${path}.commission_rate`);
    if (n !== undefined) commission.commissionRate = n / 100;
  } else {
    commission.commissionRate = r.number(rate, `${path}.commission_rate`) ?? 0;
  }
  const other = (key: string, value: unknown, at: string) => {
    const amount =
      typeof value === 'number'
        ? r.money(value, at)
        : typeof value === 'string'
          ? leadingAmount(r, value)
          : undefined;
    commission.otherBonuses.push({
      label: clip(humanize(key), 120),
      ...(amount !== undefined ? { amount } : {}),
      ...(typeof value === 'string' ? { note: clip(value, 300) } : {}),
    });
  };
  const bonuses = cs.performance_bonuses;
  if (bonuses !== undefined && !isObj(bonuses))
    r.fail(
      `${path}.performance_bonuses`,
      'must be an object such as {"50k_gmv": 800}',
      'ph_bonuses_object',
      { example: '{"50k_gmv": 800}' },
    );
  for (const [key, value] of Object.entries(isObj(bonuses) ? bonuses : {})) {
    const at = `${path}.performance_bonuses.${key}`;
    const gmv = /^(?:(\d+(?:\.\d+)?)(k|w|万|m)?_?gmv|gmv_?(\d+(?:\.\d+)?)(k|w|万|m)?)$/i.exec(key);
    const viewers = /^(peak|unique)_(?:concurrent_)?(\d+(?:\.\d+)?)(k|w|万|m)?_viewers$/i.exec(key);
    if (typeof value !== 'number' && typeof value !== 'string') {
      r.fail(at, 'must be an amount such as 800.00', 'ph_amount');
      continue;
    }
    const amount = typeof value === 'number' ? r.money(value, at) : leadingAmount(r, value);
    if (typeof value === 'number' && amount === undefined) continue;
    if (amount === undefined || (!gmv && !viewers)) {
      other(key, value, at);
      continue;
    }
    const label = clip(humanize(key), 80);
    if (gmv) {
      const threshold = r.money(
        Math.round(Number(gmv[1] ?? gmv[3]) * MULTIPLIER[(gmv[2] ?? gmv[4] ?? '').toLowerCase()]!),
        at,
      );
      if (threshold !== undefined) commission.gmvBonuses.push({ threshold, amount, label });
    } else if (viewers) {
      const threshold = Math.round(
        Number(viewers[2]) * MULTIPLIER[(viewers[3] ?? '').toLowerCase()]!,
      );
      const metric = viewers[1]!.toLowerCase() === 'peak' ? 'peakConcurrent' : 'uniqueViewers';
      commission.viewerBonuses.push({ metric, threshold, amount, label });
    }
  }
  for (const [key, value] of Object.entries(cs)) {
    if (key !== 'performance_bonuses' && /bonus/i.test(key)) other(key, value, `${path}.${key}`);
  }
  return commission;
}
