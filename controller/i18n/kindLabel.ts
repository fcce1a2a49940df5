/**
 * The name of a kind of segment in the controller's language. shared/runsheet/kindLabels
 * keeps the English names for places outside the controller (exports, the README).
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
