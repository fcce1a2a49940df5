import type { SegmentKind } from '../../shared/runsheet';

export const KIND_LABEL: Record<SegmentKind, string> = {
  opening: 'Opening',
  product: 'Product slot',
  flash: 'Flash sale',
  engagement: 'Engagement',
  break: 'Break',
  closing: 'Last call',
};
