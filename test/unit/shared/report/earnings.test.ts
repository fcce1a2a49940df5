/** Host earnings under the commission structure, spelt out line by line. */
import { describe, expect, test } from 'vitest';
import type { RunSheetInput } from '../../../../shared/runsheet';
import { commissionOn, hostEarnings } from '../../../../shared/report/earnings';
import { buildReport } from '../../../../shared/report/showReport';
import { drive } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';
import { mainShow } from '../../../support/reportScenario';

const commission: NonNullable<RunSheetInput['show']['commission']> = {
  basePayment: 150_000, // ¥1,500.00
  commissionRate: 0.08,
  gmvBonuses: [
    { threshold: 163_700, amount: 80_000 }, // exactly the show's GMV: counts
    { threshold: 163_701, amount: 200_000, label: 'Stretch goal' }, // one fen short: missed
  ],
  viewerBonuses: [
    { metric: 'peakConcurrent', threshold: 300, amount: 10_000 }, // exactly the peak: counts
    { metric: 'uniqueViewers', threshold: 1_001, amount: 5_000 }, // 1000 unique: missed
  ],
  otherBonuses: [{ label: '50+ questions answered', amount: 30_000, note: 'producer to confirm' }],
};

describe('host earnings on the hand-driven show (GMV 163700, peak 300, unique 1000)', () => {
  const sheet = makeSheet((s) => void (s.show.commission = commission));
  const earnings = buildReport(sheet, mainShow(sheet).log).earnings!;

  test('base + 8 % × GMV + bonuses reached (thresholds reached exactly count)', () => {
    // 8 % × 163700 = 13096. 150000 + 13096 + 80000 + 10000 = 253096.
    expect(earnings.arithmetic).toEqual([
      { label: 'Base payment', amount: 150_000, detail: 'fixed' },
      { label: 'Commission', amount: 13_096, detail: '8% × CN¥1,637.00' },
      {
        label: 'GMV bonus at CN¥1,637.00',
        amount: 80_000,
        detail: 'GMV CN¥1,637.00 ≥ CN¥1,637.00',
      },
      {
        label: 'Bonus at 300 peak concurrent viewers',
        amount: 10_000,
        detail: '300 peak concurrent viewers ≥ 300',
      },
    ]);
    expect(earnings.totalHostCost).toBe(253_096);
    expect(earnings.brandRoi).toBeCloseTo(163_700 / 253_096, 12);
  });

  test('every bonus has a status; the judged ones are listed, not added', () => {
    expect(earnings.bonuses.map((b) => [b.kind, b.label, b.actual, b.status])).toEqual([
      ['gmv', 'GMV bonus at CN¥1,637.00', 163_700, 'reached'],
      ['gmv', 'Stretch goal', 163_700, 'missed'],
      ['peakConcurrent', 'Bonus at 300 peak concurrent viewers', 300, 'reached'],
      ['uniqueViewers', 'Bonus at 1,001 unique viewers', 1_000, 'missed'],
    ]);
    expect(earnings.toJudge).toEqual([
      { label: '50+ questions answered', amount: 30_000, note: 'producer to confirm' },
    ]);
  });
});

describe('unknowns and absences', () => {
  test('no commission structure → earnings null', () => {
    expect(buildReport(makeSheet(), mainShow().log).earnings).toBeNull();
  });

  test('unique viewers never entered and no samples → viewer bonuses unknown, not reached', () => {
    const sheet = makeSheet((s) => void (s.show.commission = commission));
    const s = drive(sheet);
    s.ok({ type: 'show.start' });
    s.ok({ type: 'sale', productId: 'lamp' });
    const earnings = buildReport(sheet, s.log).earnings!;
    expect(
      earnings.bonuses.filter((b) => b.kind !== 'gmv').map((b) => [b.actual, b.status]),
    ).toEqual([
      [null, 'unknown'],
      [null, 'unknown'],
    ]);
    // 150000 + round(0.08 × 15900 = 1272) and no bonus.
    expect(earnings.totalHostCost).toBe(150_000 + 1_272);
  });

  test('a host who costs nothing → ROI null', () => {
    const sheet = makeSheet((s) => void (s.show.commission = {}));
    const s = drive(sheet);
    s.ok({ type: 'show.start' });
    s.ok({ type: 'sale', productId: 'lamp' });
    expect(buildReport(sheet, s.log).earnings).toMatchObject({ totalHostCost: 0, brandRoi: null });
  });
});

describe('commission rounding: half away from zero on the decimal rate', () => {
  test.each([
    [163_700, 0.08, 13_096],
    [50, 0.07, 4], // 3.5 → 4
    [1_500, 0.009, 14], // 13.5 exactly; 0.009 × 1500 in doubles is 13.4999… and would round to 13
    [1_990, 0.05, 100], // 99.5 → 100
    [1_970, 0.05, 99], // 98.5 → 99
    [1_234, 0.0025, 3], // 3.085 → 3
    [10, 1e-7, 0],
    [0, 0.2, 0],
    [12_345, 1, 12_345],
  ])('%i × %f = %i', (gmv, rate, expected) => {
    expect(commissionOn(gmv, rate)).toBe(expected);
  });

  test('a JPY show (no decimals) formats its arithmetic in whole yen', () => {
    const earnings = hostEarnings(
      {
        basePayment: 10_000,
        commissionRate: 0.05,
        gmvBonuses: [],
        viewerBonuses: [],
        otherBonuses: [],
      },
      { gmv: 1_990, peakConcurrent: null, uniqueViewers: null },
      'JPY',
    )!;
    // 5 % × ¥1,990 = 99.5 → ¥100.
    expect(earnings.arithmetic[1]).toEqual({
      label: 'Commission',
      amount: 100,
      detail: '5% × ¥1,990',
    });
    expect(earnings.totalHostCost).toBe(10_100);
  });
});
