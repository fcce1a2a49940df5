/**
 * The name of a kind of segment in the controller's language, the one place it is worded.
 */
import type { SegmentKind } from '../../shared/runsheet/schema';
import * as m from './paraglide/messages.js';

const LABELS: Record<SegmentKind, () => string> = {
  opening: m.kind_opening,
  product: m.kind_product,
  flash: m.kind_flash,
  engagement: m.kind_engagement,
  break: m.kind_break,
  closing: m.kind_closing,
};

/** The kind's name; a kind this build does not know (an old export) is shown as written. */
export function kindLabel(kind: string): string {
  return LABELS[kind as SegmentKind]?.() ?? kind;
}
