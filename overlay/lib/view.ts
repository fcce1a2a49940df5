/** Small readings of the overlay view that several overlays share. */
import type { OverlayView } from '../../shared/view/overlayView';

/** Live or paused: the show is on air (a pause is the host talking, not the end). */
export function isOnAir(view: OverlayView | null): view is OverlayView {
  return view !== null && (view.phase === 'live' || view.phase === 'paused');
}

/** The running deal when it is on the product in focus. */
export function dealOnProduct(view: OverlayView | null): OverlayView['deal'] {
  const deal = view?.deal ?? null;
  return deal && view?.product && deal.productId === view.product.id ? deal : null;
}
