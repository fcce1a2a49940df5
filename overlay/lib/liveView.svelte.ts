/**
 * The runes bridge to the view receiver: components read `live.view` and re-render when a
 * newer view arrives. Subscribes only while something on screen reads it.
 *
 * `settleMs` (the Live preview, `still=1`): a newer view is drawn that long after it arrived,
 * with any others in that time. A sale's view reaches the overlays, OBS and the preview at
 * once; on a two-core machine the preview's re-render (its renderer, then the GPU process's
 * compositing) took the cores the on-air pages needed in those milliseconds, once per sale.
 * Through `postLater` (shared/time.ts); at once where the platform cannot delay a task.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { ReceivedView, ViewReceiver } from '../../shared/protocol/viewReceiver';
import type { OverlayView } from '../../shared/view/overlayView';
import { isAssetRef } from '../../shared/view/assets';
import { postLater } from '../../shared/time';

export class LiveView {
  readonly #receiver: ViewReceiver;
  readonly #subscribe: () => void;

  constructor(receiver: ViewReceiver, settleMs = 0) {
    this.#receiver = receiver;
    this.#subscribe = createSubscriber((update) => {
      // The receiver replays its current view to a new listener at once; that view is
      // already what the getter returns, so only later arrivals need a re-render.
      let started = false;
      let held = false;
      const off = receiver.subscribe(() => {
        if (!started || held) return;
        held = !!settleMs && postLater(() => ((held = false), update()), settleMs);
        if (!held) update();
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

  /**
   * The view with an uploaded image resolved: views carry `asset:` references and the image
   * arrives apart (once), so the card shows its monogram until then. Memoised so readers see
   * the same object until something changes.
   */
  get view(): OverlayView | null {
    const view = this.received?.view ?? null;
    const ref = view?.product?.image;
    if (!view || !view.product || !isAssetRef(ref)) return view;
    const data = this.#receiver.asset(ref) ?? null;
    if (this.#resolved?.from !== view || this.#resolved.data !== data) {
      this.#resolved = {
        from: view,
        data,
        view: { ...view, product: { ...view.product, image: data } },
      };
    }
    return this.#resolved.view;
  }

  #resolved: { from: OverlayView; data: string | null; view: OverlayView } | null = null;

  close(): void {
    this.#receiver.close();
  }
}
