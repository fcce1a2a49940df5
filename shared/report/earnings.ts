/**
 * What the host earned under the run sheet's commission structure (the seeds'
 * commission_structure: base_payment + commission_rate × GMV + performance bonuses), spelt out
 * line by line so the UI can show the sum, not just its result.
 */
import { formatMoney } from '../money';
import type { Commission } from '../runsheet/schema';
import type { ArithmeticLine, BonusStatus, Earnings } from './types';

export interface EarningsInput {
  gmv: number;
  peakConcurrent: number | null;
  uniqueViewers: number | null;
}

/** A non-negative number's shortest decimal form as digits / 10^scale ("0.08" → 8n / 10^2). */
function asDecimal(value: number): { digits: bigint; scale: number } {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not a plain non-negative number: ${value}`);
  const [, whole = '0', frac = '', exp = '0'] = match;
  const scale = frac.length - Number(exp);
  const digits = BigInt(whole + frac);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * rate × gmv rounded half away from zero to a minor unit, in exact decimal arithmetic: the rate
 * is taken as the decimal a person typed (0.015 exactly, not the binary double just under
 * it), so a commission that lands on half a cent rounds up as a contract would, where
 * floating-point multiplication would sometimes round it down.
 */
export function commissionOn(gmv: number, rate: number): number {
  if (!Number.isSafeInteger(gmv) || gmv < 0 || !(rate >= 0))
    throw new RangeError('gmv must be whole minor units and rate ≥ 0');
  const { digits, scale } = asDecimal(rate);
  const product = BigInt(gmv) * digits;
  const unit = 10n ** BigInt(scale);
  const quotient = product / unit;
  return Number(2n * (product % unit) >= unit ? quotient + 1n : quotient);
}

const PERCENT = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 4 });
const COUNT = new Intl.NumberFormat('en');

const METRIC_WORDS = {
  peakConcurrent: 'peak concurrent viewers',
  uniqueViewers: 'unique viewers',
} as const;

export function hostEarnings(
  commission: Commission | undefined,
  input: EarningsInput,
  currency: string,
  locale = 'en',
): Earnings | null {
  if (!commission) return null;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const arithmetic: ArithmeticLine[] = [];
  const bonuses: BonusStatus[] = [];

  arithmetic.push({ label: 'Base payment', amount: commission.basePayment, detail: 'fixed' });
  arithmetic.push({
    label: 'Commission',
    amount: commissionOn(input.gmv, commission.commissionRate),
    detail: `${PERCENT.format(commission.commissionRate)} × ${money(input.gmv)}`,
  });

  // Tiers stack: every threshold reached pays (the seeds list 50k/100k/200k as separate
  // bonuses). Reaching a threshold exactly counts.
  for (const bonus of commission.gmvBonuses) {
    const reached = input.gmv >= bonus.threshold;
    const label = bonus.label ?? `GMV bonus at ${money(bonus.threshold)}`;
    bonuses.push({
      kind: 'gmv',
      label,
      threshold: bonus.threshold,
      amount: bonus.amount,
      actual: input.gmv,
      status: reached ? 'reached' : 'missed',
    });
    if (reached)
      arithmetic.push({
        label,
        amount: bonus.amount,
        detail: `GMV ${money(input.gmv)} ≥ ${money(bonus.threshold)}`,
      });
  }

  for (const bonus of commission.viewerBonuses) {
    const actual = input[bonus.metric];
    const words = METRIC_WORDS[bonus.metric];
    const label = bonus.label ?? `Bonus at ${COUNT.format(bonus.threshold)} ${words}`;
    // Unknown (never entered / never sampled) is not reached, and says so.
    const status = actual === null ? 'unknown' : actual >= bonus.threshold ? 'reached' : 'missed';
    bonuses.push({
      kind: bonus.metric,
      label,
      threshold: bonus.threshold,
      amount: bonus.amount,
      actual,
      status,
    });
    if (status === 'reached') {
      arithmetic.push({
        label,
        amount: bonus.amount,
        detail: `${COUNT.format(actual!)} ${words} ≥ ${COUNT.format(bonus.threshold)}`,
      });
    }
  }

  const totalHostCost = arithmetic.reduce((sum, line) => sum + line.amount, 0);
  return {
    arithmetic,
    bonuses,
    toJudge: commission.otherBonuses.map((b) => ({ ...b })),
    totalHostCost,
    brandRoi: totalHostCost > 0 ? input.gmv / totalHostCost : null,
  };
}
