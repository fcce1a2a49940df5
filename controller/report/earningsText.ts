/**
 * The host's earnings sum in the controller's language. shared/report/earnings.ts spells the
 * lines in English for the command API (`report.get`); the screen rebuilds each line's words
 * from the run sheet's commission, which the lines follow in a fixed order: base payment,
 * commission, then every bonus reached (GMV tiers first, then viewer tiers, as listed). A
 * bonus the seller named keeps its name as typed.
 */
import type { Commission } from '../../shared/runsheet/schema';
import type { ArithmeticLine, BonusStatus, Earnings } from '../../shared/report/types';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale } from '../i18n/paraglide/runtime.js';
import { count, money } from './format';

export interface EarningsText {
  arithmetic: ArithmeticLine[];
  bonuses: BonusStatus[];
}

type Tier = { label?: string | undefined; metric?: 'peakConcurrent' | 'uniqueViewers' };

function bonusLabel(bonus: BonusStatus, tier: Tier | undefined, currency: string): string {
  if (!tier) return bonus.label;
  if (tier.label) return tier.label;
  if (bonus.kind === 'gmv')
    return m.rep_earn_gmv_bonus({ threshold: money(bonus.threshold, currency) });
  const threshold = count(bonus.threshold);
  return bonus.kind === 'peakConcurrent'
    ? m.rep_earn_peak_bonus({ threshold })
    : m.rep_earn_unique_bonus({ threshold });
}

function bonusDetail(bonus: BonusStatus, currency: string): string {
  if (bonus.kind === 'gmv')
    return m.rep_earn_gmv_detail({
      gmv: money(bonus.actual, currency),
      threshold: money(bonus.threshold, currency),
    });
  const params = { actual: count(bonus.actual), threshold: count(bonus.threshold) };
  return bonus.kind === 'peakConcurrent'
    ? m.rep_earn_peak_detail(params)
    : m.rep_earn_unique_detail(params);
}

export function earningsText(
  earnings: Earnings,
  commission: Commission | undefined,
  gmv: number,
  currency: string,
): EarningsText {
  // A line count that does not fit the commission (an archive from another version): keep
  // shared's words rather than name a line wrongly.
  const reached = earnings.bonuses.filter((b) => b.status === 'reached');
  if (!commission || earnings.arithmetic.length !== 2 + reached.length)
    return { arithmetic: earnings.arithmetic, bonuses: earnings.bonuses };
  const tiers: Tier[] = [...commission.gmvBonuses, ...commission.viewerBonuses];
  const bonuses = earnings.bonuses.map((b, i) => ({
    ...b,
    label: bonusLabel(b, tiers[i], currency),
  }));
  const rate = new Intl.NumberFormat(getLocale(), {
    style: 'percent',
    maximumFractionDigits: 4,
  }).format(commission.commissionRate);
  const [base, cut] = earnings.arithmetic;
  const arithmetic: ArithmeticLine[] = [
    { ...base!, label: m.rep_earn_base(), detail: m.rep_earn_fixed() },
    {
      ...cut!,
      label: m.rep_earn_commission(),
      detail: m.rep_earn_commission_detail({ rate, gmv: money(gmv, currency) }),
    },
    ...bonuses
      .filter((b) => b.status === 'reached')
      .map((b, i) => ({
        ...earnings.arithmetic[2 + i]!,
        label: b.label,
        detail: bonusDetail(b, currency),
      })),
  ];
  return { arithmetic, bonuses };
}
