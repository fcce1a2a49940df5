import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBatcher } from '../../../../controller/room/roomBatch';

afterEach(() => vi.useRealTimers());

describe('room events in batches (bench 8)', () => {
  it('hands a beat of events over once, in order, and starts a new beat after', () => {
    vi.useFakeTimers();
    const drained: number[][] = [];
    const batch = createBatcher<number>((items) => drained.push(items), 200);
    for (let i = 0; i < 5; i++) batch.push(i);
    vi.advanceTimersByTime(199);
    expect(drained).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(drained).toEqual([[0, 1, 2, 3, 4]]);
    batch.push(5);
    vi.advanceTimersByTime(200);
    expect(drained).toEqual([[0, 1, 2, 3, 4], [5]]);
    vi.advanceTimersByTime(1000);
    expect(drained).toHaveLength(2); // nothing waiting: no empty hand-over
  });

  it('flush hands over now and cancels the beat', () => {
    vi.useFakeTimers();
    const drained: string[][] = [];
    const batch = createBatcher<string>((items) => drained.push(items), 200);
    batch.push('a');
    batch.flush();
    expect(drained).toEqual([['a']]);
    vi.advanceTimersByTime(500);
    expect(drained).toEqual([['a']]);
    batch.flush(); // nothing waiting: nothing handed over
    expect(drained).toEqual([['a']]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
