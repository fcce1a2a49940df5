/**
 * A value that changes with time at known instants (a countdown's next second, a ticker
 * entry's expiry). While something on screen reads it, exactly one setTimeout is pending,
 * for the next instant; nothing runs per frame, and nothing at all once the value is still.
 */
import { createSubscriber } from 'svelte/reactivity';
import { clockAt, steadySource, type ClockSource } from './countdown';

export interface TimedState<T> {
  value: T;
  /** performance.now() of the next change; null when only new input can change it. */
  nextAt: number | null;
}

export class Timed<T> {
  readonly #compute: (now: number) => TimedState<T>;
  readonly #now: () => number;
  readonly #subscribe: () => void;

  /** `compute` may read reactive state (the live view): a new view re-arms the timer. */
  constructor(
    compute: (now: number) => TimedState<T>,
    now: () => number = () => performance.now(),
  ) {
    this.#compute = compute;
    this.#now = now;
    this.#subscribe = createSubscriber((update) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = (nextAt: number | null) => {
        clearTimeout(timer);
        timer = undefined;
        if (nextAt === null) return;
        // At least 1 ms: a timer that fires a hair early re-arms for the remainder.
        const delay = Math.max(1, Math.ceil(nextAt - this.#now()));
        timer = setTimeout(() => {
          update();
          arm(this.#compute(this.#now()).nextAt);
        }, delay);
      };
      const stop = $effect.root(() => {
        $effect(() => arm(this.#compute(this.#now()).nextAt));
      });
      return () => {
        stop();
        clearTimeout(timer);
      };
    });
  }

  get current(): T {
    this.#subscribe();
    return this.#compute(this.#now()).value;
  }
}

/**
 * Remaining ms of a source, refreshed exactly when its displayed second changes. Across
 * heartbeats it counts from the earliest deadline they agree on (steadySource).
 */
export function secondClock(
  source: () => ClockSource | null,
  now?: () => number,
): Timed<number | null> {
  let kept: ClockSource | null = null;
  return new Timed((at) => clockAt((kept = steadySource(kept, source())), at), now);
}
