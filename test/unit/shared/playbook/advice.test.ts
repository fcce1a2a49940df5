/** Advice when the show runs long or short: ranked by history, last call kept, end re-projected. */
import { describe, expect, test } from 'vitest';
import { adviseReplan, FLOOR_SEC, segmentWorths } from '../../../../shared/playbook/advice';
import type { ProductHistory } from '../../../../shared/report/history';
import { makeSheet } from '../../../support/sheets';

const MIN = 60_000;
// The base sheet: open 2, buds 5, flash 2, mask 4, poll 1, close 3 — plus a lamp slot and a break.
const sheet = makeSheet((s) => {
  s.segments.splice(4, 0, { id: 's-lamp', kind: 'product', productId: 'lamp', durationSec: 360 });
  s.segments.splice(5, 0, { id: 'pause', kind: 'break', durationSec: 120 });
});
const past = (productId: string, gmv: number, units: number, onAirMin: number) =>
  ({ productId, gmv, units, onAirMs: onAirMin * MIN, currency: 'CNY' }) as ProductHistory;
// Per minute on air: mask 100.00 CNY, lamp 400.00 CNY.
const history = [past('mask', 2_000_00, 40, 20), past('lamp', 8_000_00, 50, 20)];
const at = (driftMin: number) => ({
  sheet,
  onAirIndex: 2, // the buds flash deal is on air
  now: 0,
  plannedEndAt: 60 * MIN,
  projectedEndAt: (60 + driftMin) * MIN,
  history,
});

describe('adviseReplan', () => {
  test('within the threshold: no advice', () => {
    expect(adviseReplan(at(1)).proposals).toEqual([]);
  });

  test('only later product slots and breaks may change; flash, engagement and closing stay', () => {
    expect(segmentWorths(at(6)).map((w) => w.segmentId)).toEqual(['s-mask', 's-lamp', 'pause']);
  });

  test('running long: the weakest go first, the ranking follows GMV given up', () => {
    const { driftMs, proposals } = adviseReplan(at(6));
    expect(driftMs).toBe(6 * MIN);
    const best = proposals[0]!;
    expect(best.kind).toBe('trim-weakest');
    // The break (worth nothing) 2 → 1 min, the mask (100/min) 4 → 3, the lamp (400/min) 6 → 3:
    // every floor reached, 1 min still over.
    expect(best.segments).toEqual([
      { index: 3, segmentId: 's-mask', durationSec: 180 },
      { index: 4, segmentId: 's-lamp', durationSec: 180 },
      { index: 5, segmentId: 'pause', durationSec: 60 },
    ]);
    expect(best.projectedEndAt).toBe(61 * MIN);
    expect(best.reasons.join(' ')).toMatch(/in past shows/);
    expect(best.reasons.at(-1)).toMatch(/1 min late; the last call is kept/);
    // At 4 min over the weakest still go first and the lamp gives up only 2 min.
    const four = adviseReplan(at(4)).proposals;
    expect(four[0]!.segments.find((s) => s.segmentId === 's-lamp')!.durationSec).toBe(240);
    expect(four[1]!.kind).toBe('trim-evenly');
    expect(four[1]!.gmvDelta).toBeGreaterThan(four[0]!.gmvDelta);
  });

  test('a 3-minute overrun lands on plan, no slot below the floor', () => {
    const best = adviseReplan(at(3)).proposals[0]!;
    expect(best.projectedEndAt).toBe(60 * MIN);
    for (const s of best.segments)
      expect(s.durationSec).toBeGreaterThanOrEqual(s.segmentId === 'pause' ? 60 : FLOOR_SEC);
  });

  test('no history: the plan’s own figures rank the slots', () => {
    const worths = segmentWorths({ ...at(5), history: [] });
    expect(worths.find((w) => w.segmentId === 's-lamp')!.basis).toBe('plan');
  });

  test('running short: stretch the strongest seller', () => {
    const { proposals } = adviseReplan(at(-4));
    const best = proposals[0]!;
    expect(best.kind).toBe('stretch-strongest');
    expect(best.segments).toEqual([{ index: 4, segmentId: 's-lamp', durationSec: 600 }]);
    expect(best.projectedEndAt).toBe(60 * MIN);
    expect(best.gmvDelta).toBeLessThan(0);
  });
});

describe('advice as codes: each reason as data, in the order of the English sentences', () => {
  test('a trim names each slot, its lengths and its worth, then where the show ends', () => {
    const best = adviseReplan(at(6)).proposals[0]!;
    expect(best.lines).toHaveLength(best.reasons.length);
    expect(best.lines[0]).toEqual({
      code: 'shorten',
      params: {
        label: 'Hydrating Face Mask',
        kind: 'product',
        from: '4:00',
        to: '3:00',
        gmvPerMin: 100_00,
        currency: 'CNY',
        units: '2.00',
        basis: 'history',
      },
    });
    // The break has neither title nor product: the controller names it by its kind.
    expect(best.lines[2]).toMatchObject({ code: 'shorten', params: { label: '', kind: 'break' } });
    expect(best.lines.at(-1)).toEqual({ code: 'ends_late', params: { min: 1 } });
    expect(adviseReplan(at(3)).proposals[0]!.lines.at(-1)).toEqual({
      code: 'ends_on_plan',
      params: {},
    });
  });

  test('a stretch is coded stretch, and an early end ends_early', () => {
    const best = adviseReplan(at(-8)).proposals[0]!;
    expect(best.lines[0]!.code).toBe('stretch');
    const end = best.lines.at(-1)!;
    expect(['ends_on_plan', 'ends_early']).toContain(end.code);
  });
});
