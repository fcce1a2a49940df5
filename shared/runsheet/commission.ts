/**
 * What the host is paid for a show: base payment, commission rate and the three kinds of
 * bonus (GMV thresholds and viewer thresholds are computed by the report; others a person
 * judges). Part of the run sheet; split from schema.ts to keep each file to one job.
 */
import { z } from 'zod';
import { Count, Money, OptionalText, Text } from './fields';

export const GmvBonus = z.object({
  threshold: Money,
  amount: Money,
  label: OptionalText(80),
});

export const ViewerBonus = z.object({
  metric: z.enum(['peakConcurrent', 'uniqueViewers'], {
    error: 'must be peakConcurrent or uniqueViewers',
  }),
  threshold: Count,
  amount: Money,
  label: OptionalText(80),
});

/** Bonuses a person judges (e.g. "300 CNY if 50+ questions answered"): kept, not computed. */
export const OtherBonus = z.object({
  label: Text(120),
  amount: Money.optional(),
  note: OptionalText(300),
});

export const Commission = z.object({
  basePayment: Money.default(0),
  commissionRate: z
    .number({ error: 'must be a fraction such as 0.08' })
    .min(0, 'must not be negative')
    .max(1, 'must be a fraction between 0 and 1 (0.08 means 8%)')
    .default(0),
  gmvBonuses: z.array(GmvBonus).max(50).default([]),
  viewerBonuses: z.array(ViewerBonus).max(50).default([]),
  otherBonuses: z.array(OtherBonus).max(50).default([]),
});
