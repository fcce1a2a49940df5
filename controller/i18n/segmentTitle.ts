/**
 * A segment's title for the producer and the host: the seller's own title as typed, else the
 * default the view gave it ("Opening", "Last call") in the controller's language. The view
 * is shared with the overlays and carries the English default, so it is recognised here.
 */
import type { SegmentKind } from '../../shared/runsheet/schema';
import { segmentTitle } from '../../shared/view/overlayView';
import * as m from './paraglide/messages.js';

export function localSegmentTitle(
  kind: SegmentKind,
  title: string,
  productName: string | null,
): string {
  if (title !== segmentTitle(kind, undefined, productName)) return title;
  switch (kind) {
    case 'opening':
      return m.seg_opening();
    case 'product':
      return productName ?? m.seg_product();
    case 'flash':
      return productName ? m.seg_flash_of({ name: productName }) : m.seg_flash();
    case 'engagement':
      return m.seg_engagement();
    case 'break':
      return m.seg_break();
    case 'closing':
      return m.seg_closing();
  }
}
