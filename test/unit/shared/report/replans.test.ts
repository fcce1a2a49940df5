import { describe, expect, it } from 'vitest';
import { replannedSegments, replanRows } from '../../../../shared/report/replans';
import { buildReport } from '../../../../shared/report/showReport';
import { drive } from '../../../support/driver';

describe('replanRows', () => {
  it('lists each applied replan: when, which proposal, planned before → after', () => {
    const d = drive();
    d.ok({ type: 'show.start' });
    d.advance(90_000);
    const last = d.sheet.segments.length - 1;
    const from = d.sheet.segments[last]!.durationSec;
    d.ok({
      type: 'show.replan',
      segments: [{ index: last, durationSec: 60 }],
      proposal: 'Shorten close',
    });
    const rows = replanRows(d.sheet, d.log);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ atMs: 90_000, proposal: 'Shorten close' });
    expect(rows[0]!.segments).toEqual([
      expect.objectContaining({
        index: last,
        position: last + 1,
        fromMs: from * 1000,
        toMs: 60_000,
      }),
    ]);
    expect(rows[0]!.segments[0]!.title).toBeTruthy();
    expect(replannedSegments(rows).get(last)?.toMs).toBe(60_000);
    // The runs' planned length is the new one, which the marked row compares against.
    d.ok({ type: 'show.goto', index: last });
    d.advance(60_000);
    d.ok({ type: 'show.end' });
    const run = buildReport(d.sheet, d.log).runs.find((r) => r.index === last);
    expect(run?.plannedMs).toBe(60_000);
  });

  it('is empty for a show never replanned', () => {
    const d = drive();
    d.ok({ type: 'show.start' });
    expect(replanRows(d.sheet, d.log)).toEqual([]);
  });
});
