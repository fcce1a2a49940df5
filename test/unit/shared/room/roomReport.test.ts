import { describe, expect, it } from 'vitest';
import { roomReport } from '../../../../shared/room/roomReport';
import { zeroCounts } from '../../../../shared/room/tally';
import type { RunRow } from '../../../../shared/report/types';

const run = (index: number, startAt: number, endAt: number): RunRow =>
  ({ index, position: index + 1, title: `S${index + 1}`, startAt, endAt }) as RunRow;

describe('the room per segment in the report', () => {
  it('says which slots held or lost viewers, and what the room did in each', () => {
    const samples = [
      { at: 0, concurrent: 100 },
      { at: 50, concurrent: 180 },
      { at: 100, concurrent: 200 }, // slot 2 starts here
      { at: 150, concurrent: 140 },
      { at: 260, concurrent: 150 }, // slot 1 again
    ];
    const tally = { 0: { ...zeroCounts(), questions: 4, answered: 3, gifts: 2, diamonds: 20 } };
    const rows = roomReport([run(0, 0, 100), run(1, 100, 250), run(0, 250, 300)], samples, tally);
    expect(rows.map((r) => [r.index, r.viewersAtStart, r.viewersAtEnd, r.held])).toEqual([
      [0, 100, 150, 100 + 10], // 100 → 200 in the first run, 140 → 150 in the second
      [1, 200, 140, -60],
    ]);
    expect(rows[0]).toMatchObject({ questions: 4, answered: 3, gifts: 2, diamonds: 20 });
    expect(rows[1]).toMatchObject({ questions: 0, likes: 0 });
  });

  it('says nothing about viewers where no sample was heard', () => {
    const [row] = roomReport([run(0, 0, 100)], [], {});
    expect(row).toMatchObject({ viewersAtStart: null, viewersAtEnd: null, held: null });
  });
});
