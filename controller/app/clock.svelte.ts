/**
 * Wall-clock time for the controller's displays. One timer for the whole app, aligned to
 * quarter seconds so timers on screen flip together; started by the wiring module.
 */
export class Clock {
  now = $state(Date.now());
  #timer: ReturnType<typeof setTimeout> | undefined;

  start(periodMs = 250) {
    const tick = () => {
      this.now = Date.now();
      this.#timer = setTimeout(tick, periodMs - (this.now % periodMs));
    };
    tick();
    return () => clearTimeout(this.#timer);
  }
}
