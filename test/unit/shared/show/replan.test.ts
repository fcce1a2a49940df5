/** show.replan: advice applied by one command, logged, replayable, guarded to later segments. */
import { describe, expect, test } from 'vitest';
import { adviceFor, plannedEndAt } from '../../../../shared/playbook/liveAdvice';
import type { ProductHistory } from '../../../../shared/report/history';
import { projectedEndAt, replay } from '../../../../shared/show';
import { EventSchema } from '../../../../shared/show/eventSchema';
import { drive } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const MIN = 60_000;
// 30-minute show: open 2, buds 5, flash 2, mask 4, lamp 6, pause 2, poll 1, close 3 = 25 min.
const sheet = makeSheet((s) => {
  s.segments.splice(4, 0, { id: 's-lamp', kind: 'product', productId: 'lamp', durationSec: 360 });
  s.segments.splice(5, 0, { id: 'pause', kind: 'break', durationSec: 120 });
  s.show.durationSec = 25 * 60;
});
const history = [
  { productId: 'mask', gmv: 2_000_00, units: 40, onAirMs: 20 * MIN, currency: 'CNY' },
  { productId: 'lamp', gmv: 8_000_00, units: 50, onAirMs: 20 * MIN, currency: 'CNY' },
] as ProductHistory[];

function overrunBy(minutes: number) {
  const d = drive(sheet);
  d.ok({ type: 'show.start' });
  d.advance(2 * MIN + minutes * MIN); // the opening runs long
  return d;
}

describe('show.replan', () => {
  test('an overrun of 4 min, one proposal applied: the projected end is back on plan', () => {
    const d = overrunBy(4);
    d.ok({ type: 'show.next' });
    const ctx = d.ctx();
    expect(projectedEndAt(ctx, d.now()) - plannedEndAt(ctx)!).toBe(4 * MIN);
    const best = adviceFor(ctx, d.now(), history)!.proposals[0]!;
    const event = d.ok({ type: 'show.replan', ...best });
    expect(event).toMatchObject({ type: 'show.replan', proposal: 'trim-weakest' });
    expect(EventSchema.safeParse(event).success).toBe(true);
    const after = d.ctx();
    expect(Math.abs(projectedEndAt(after, d.now()) - plannedEndAt(after)!)).toBeLessThan(MIN);
    expect(adviceFor(after, d.now(), history)!.proposals).toEqual([]);
    // The log replays to the same plan.
    const rebuilt = replay(sheet, d.log, d.now()).context;
    expect(rebuilt.sheet.segments.map((s) => s.durationSec)).toEqual(
      after.sheet.segments.map((s) => s.durationSec),
    );
  });

  test('only segments still to come, and only while live', () => {
    const ready = drive(sheet);
    expect(ready.run({ type: 'show.replan', segments: [{ index: 3, durationSec: 60 }] })).toEqual({
      ok: false,
      error: 'Replanning changes the segments still to come: the show must be live.',
    });
    const d = overrunBy(1);
    d.ok({ type: 'show.next' });
    const onAir = d.run({ type: 'show.replan', segments: [{ index: 1, durationSec: 60 }] });
    expect(onAir.ok).toBe(false);
    const stale = d.run({
      type: 'show.replan',
      segments: [{ index: 3, durationSec: 60, segmentId: 's-lamp' }],
    });
    expect(stale).toEqual({
      ok: false,
      error: 'Segment 4 is “s-mask”, not “s-lamp”: ask for fresh advice.',
    });
  });
});
