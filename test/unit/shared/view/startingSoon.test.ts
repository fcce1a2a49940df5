import { describe, expect, test } from 'vitest';
import { drive } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

// T0 (the driver's clock) is 2026-03-15T19:00:00Z.
const scheduled = (at: string) =>
  makeSheet((s) => {
    s.show.scheduledStart = at;
  });

describe('the starting-soon view', () => {
  test('counts to the scheduled start and teases the first flash deal', () => {
    const s = drive(scheduled('2026-03-15T19:05:00Z'));
    expect(s.view().start).toEqual({ inMs: 300_000, firstDeal: 'Wireless Earbuds' });
    s.advance(299_000);
    expect(s.view().start?.inMs).toBe(1_000);
  });

  test('reads an offset as the same instant', () => {
    const s = drive(scheduled('2026-03-16T03:00:30+08:00'));
    expect(s.view().start?.inMs).toBe(30_000);
  });

  test('stays at zero when the scheduled start has passed and the show has not started', () => {
    const s = drive(scheduled('2026-03-15T18:59:00Z'));
    expect(s.view().start?.inMs).toBe(0);
  });

  test('is gone once the show starts', () => {
    const s = drive(scheduled('2026-03-15T19:05:00Z'));
    s.ok({ type: 'show.start' });
    expect(s.view().start).toBeNull();
  });

  test('is null with no scheduled start; no teaser without a flash segment', () => {
    expect(drive().view().start).toBeNull();
    const noFlash = makeSheet((s) => {
      s.show.scheduledStart = '2026-03-15T19:01:00Z';
      s.segments = s.segments.filter((seg) => seg.kind !== 'flash');
    });
    expect(drive(noFlash).view().start).toEqual({ inMs: 60_000, firstDeal: null });
  });
});
