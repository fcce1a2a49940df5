/**
 * The runes bridge to the view receiver: components read `live.view` and re-render when a
 * newer view arrives. Subscribes only while something on screen reads it.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { ReceivedView, ViewReceiver } from '../../shared/protocol/viewReceiver';
import type { OverlayView } from '../../shared/view/overlayView';

export class LiveView {
  readonly #receiver: ViewReceiver;
  readonly #subscribe: () => void;

  constructor(receiver: ViewReceiver) {
    this.#receiver = receiver;
    this.#subscribe = createSubscriber((update) => {
      // The receiver replays its current view to a new listener at once; that view is
      // already what the getter returns, so only later arrivals need a re-render.
      let started = false;
      const off = receiver.subscribe(() => {
        if (started) update();
      });
      started = true;
      return () => void off();
    });
  }

  /** The newest valid view and the performance.now() it arrived at. */
  get received(): ReceivedView | null {
    this.#subscribe();
    return this.#receiver.current();
  }

  get view(): OverlayView | null {
    return this.received?.view ?? null;
  }

  close(): void {
    this.#receiver.close();
  }
}
