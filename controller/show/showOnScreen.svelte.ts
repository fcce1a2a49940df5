/**
 * The order of what follows a change of the show (issue 13 §3). The snapshot is current at once
 * for everything that reads it in code (the command API, the scene switcher, the heartbeat);
 * then, at the end of the change's microtasks, the view goes out and the change listeners run
 * (`out`: one view however many snapshots the change made); and only then does the screen catch
 * up — Svelte re-renders what reads the snapshot, and the browser restyles and lays it out — so
 * that a sale's Live-screen update never delays its view, its ack or the next command.
 *
 * When the screen catches up:
 * - `settle` (default): SETTLE_MS after the first change it has not drawn, once for every
 *   change made meanwhile (`scheduler.postTask` with a delay, which Playwright's fake clock
 *   does not hold, so paused-clock tests see the screen as before). A sale's view goes out to
 *   the overlays, OBS and the preview at once, and on two cores the pages that show it need
 *   both cores in the next few ms: the screen's re-render (~5 ms of the controller's main
 *   thread) waits until they are done, and a burst of sales is drawn a few at a time, at most
 *   25 times a second — a number a person reads no faster. Bench 7, same-run blocks against
 *   `task` (6 December, quiet): back to back p95 22.1 / 21.3 ms against 25.6 (and 28.6 against
 *   33.4), the controller's CPU per sale 8.3 against 10.7 ms; sales 100 ms apart p95 13.6 against
 *   14.2 (21.3 against 27.8).
 *   Where there is no `scheduler.postTask` (Node, other browsers), as `task`;
 * - `task`: in a task of its own, queued behind the command's (a MessageChannel); changes made
 *   before it ran are drawn once;
 * - `frame`: at the next animation frame (never while the page is hidden or its clock paused);
 * - `sync`: in the change's own task (Svelte's microtask flush), as at first.
 * Tried and dropped: `scheduler.postTask` at background priority and no delay, so a command
 * arriving meanwhile would go first. Quiet A/B in bench 7's blocks: p95 23.6 ms against 18.6 for
 * `task`.
 * `__flashcueScreen` on the page picks one: a switch for `npm run bench`'s same-run A/B only.
 */
import type { ShowSnapshot } from '../../shared/show';
import { postLater } from '../../shared/time';

export type ScreenCatchUp = 'sync' | 'task' | 'frame' | 'settle';
/** `settle`: how long after the first change it has not drawn the screen catches up. */
export const SETTLE_MS = 40;
export const DEFAULT_CATCH_UP: ScreenCatchUp = 'settle';

const chosen = (): ScreenCatchUp =>
  (globalThis as { __flashcueScreen?: ScreenCatchUp }).__flashcueScreen ?? DEFAULT_CATCH_UP;

/** A scheduler that runs `fn` once for all the catch-ups asked for before it ran. */
export function screenCatchUp(fn: () => void): () => void {
  let queued = false;
  let channel: MessageChannel | null = null;
  const run = () => {
    if (!queued) return;
    queued = false;
    fn();
  };
  return () => {
    const how = chosen();
    if (how === 'sync' || typeof MessageChannel !== 'function') return fn();
    if (queued) return;
    queued = true;
    if (how === 'frame' && typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(run);
      return;
    }
    if (how === 'settle' && postLater(run, SETTLE_MS)) return;
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = run;
      // Node (unit tests): a listening port would keep the process alive.
      (channel.port1 as { unref?: () => void }).unref?.();
    }
    channel.port2.postMessage(null);
  };
}

interface Held {
  snapshot: ShowSnapshot | null;
  logSeq: number;
}

export class ShowOnScreen {
  #shown = $state.raw<Held>({ snapshot: null, logSeq: 0 });
  #current: Held = { snapshot: null, logSeq: 0 };
  #outQueued = false;
  #catchUp = screenCatchUp(() => (this.#shown = this.#current));

  constructor(private readonly out: () => void) {}

  /** The show's snapshot now; a reactive reader is re-run when the screen catches up. */
  get snapshot(): ShowSnapshot | null {
    void this.#shown;
    return this.#current.snapshot;
  }

  /** The seq of the last logged event the snapshot holds (read as `snapshot` is). */
  get logSeq(): number {
    void this.#shown;
    return this.#current.logSeq;
  }

  /** A show opened or closed: current and on screen at once. */
  set(snapshot: ShowSnapshot | null, logSeq: number): void {
    this.#shown = this.#current = { snapshot, logSeq };
  }

  /** The runner's snapshot changed: current now, out at the end of the microtasks, screen after. */
  changed(snapshot: ShowSnapshot, logSeq: number): void {
    this.#current = { snapshot, logSeq };
    if (!this.#outQueued) {
      this.#outQueued = true;
      queueMicrotask(() => {
        this.#outQueued = false;
        this.out();
      });
    }
    this.#catchUp();
  }
}
