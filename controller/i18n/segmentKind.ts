/**
 * The name of each kind of segment in the controller's language (the English words are those
 * of shared/runsheet/kindLabels.ts, which stays the one English source for shared/).
 */
import type { SegmentKind } from '../../shared/runsheet/schema';
import * as m from './paraglide/messages.js';
import { getLocale } from './paraglide/runtime.js';

const LABELS: Record<SegmentKind, () => string> = {
  opening: m.live_kind_opening,
  product: m.live_kind_product,
  flash: m.live_kind_flash,
  engagement: m.live_kind_engagement,
  break: m.live_kind_break,
  closing: m.live_kind_closing,
};

export const segmentKindLabel = (kind: SegmentKind): string => LABELS[kind]();

/** A clock time (hh:mm) on the show's clock: English keeps the browser's own form. */
export function clockFormat(timeZone: string): Intl.DateTimeFormat {
  const locale = getLocale() === 'en' ? undefined : getLocale();
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
}
