/**
 * The order of what follows a change (issue 13 §3): the snapshot is current at once, the view
 * goes out once at the end of the change's microtasks, and the screen catches up after that,
 * SETTLE_MS later (a task of its own where the platform has no `scheduler.postTask`), once for
 * every change made before it ran.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  screenCatchUp,
  SETTLE_MS,
  ShowOnScreen,
} from '../../../../controller/show/showOnScreen.svelte';
import type { ShowSnapshot } from '../../../../shared/show';

const flag = globalThis as { __flashcueScreen?: string };
afterEach(() => delete flag.__flashcueScreen);

const aTask = () => new Promise<void>((ok) => setTimeout(ok, 5));
const snap = (n: number) => ({ n }) as unknown as ShowSnapshot;

describe('screenCatchUp', () => {
  test('without scheduler.postTask (Node): once, in a later task, for every change before it ran', async () => {
    const runs: string[] = [];
    const catchUp = screenCatchUp(() => runs.push('screen'));
    catchUp();
    catchUp();
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toEqual([]); // not in the change's own microtasks
    await aTask();
    expect(runs).toEqual(['screen']);
    catchUp();
    await aTask();
    expect(runs).toEqual(['screen', 'screen']);
  });

  test('settles: one catch-up SETTLE_MS after the first change, for every change meanwhile', () => {
    const asked: Array<{ fn: () => void; delay: number }> = [];
    const host = globalThis as { scheduler?: unknown };
    host.scheduler = {
      postTask: (fn: () => void, o: { delay: number }) => (
        asked.push({ fn, delay: o.delay }),
        Promise.resolve()
      ),
    };
    try {
      const runs: string[] = [];
      const catchUp = screenCatchUp(() => runs.push('screen'));
      catchUp();
      catchUp();
      catchUp();
      expect(asked.map((a) => a.delay)).toEqual([SETTLE_MS]);
      expect(runs).toEqual([]);
      asked[0]!.fn();
      expect(runs).toEqual(['screen']);
      catchUp(); // a change after the screen caught up asks again
      expect(asked.map((a) => a.delay)).toEqual([SETTLE_MS, SETTLE_MS]);
      asked[1]!.fn();
      asked[1]!.fn(); // a stray second run draws nothing new
      expect(runs).toEqual(['screen', 'screen']);
    } finally {
      delete host.scheduler;
    }
  });

  test("the bench's `sync` switch: at once, as before", () => {
    flag.__flashcueScreen = 'sync';
    const runs: number[] = [];
    const catchUp = screenCatchUp(() => runs.push(1));
    catchUp();
    catchUp();
    expect(runs).toEqual([1, 1]);
  });
});

describe('ShowOnScreen', () => {
  test('current at once; out once at the end of the microtasks; the screen after', async () => {
    const order: string[] = [];
    let shown: ShowOnScreen | null = null;
    const screen = new ShowOnScreen(() =>
      order.push(`out:${(shown!.snapshot as unknown as { n: number }).n}`),
    );
    shown = screen;
    screen.set(snap(0), 0);
    screen.changed(snap(1), 1);
    screen.changed(snap(2), 1);
    expect(screen.snapshot).toEqual(snap(2));
    expect(screen.logSeq).toBe(1);
    expect(order).toEqual([]);
    await Promise.resolve();
    expect(order).toEqual(['out:2']);
    screen.set(null, 1);
    expect(screen.snapshot).toBeNull();
    await aTask();
    expect(order).toEqual(['out:2']);
  });
});
