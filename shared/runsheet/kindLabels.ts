import type { SegmentKind } from './schema';

/**
 * The one name of each kind of segment, wherever a person reads it (plan editor, live screen,
 * scene mapping, report). The words of the run sheet's own vocabulary: a show has product
 * slots, flash sales and a last call.
 */
export const SEGMENT_KIND_LABELS: Record<SegmentKind, string> = {
  opening: 'Opening',
  product: 'Product slot',
  flash: 'Flash sale',
  engagement: 'Engagement',
  break: 'Break',
  closing: 'Last call',
};
