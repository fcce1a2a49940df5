/** Where each planned segment sits on the show's clock, in seconds from the start. */
import type { RunSheet, Segment } from '../runsheet/schema';

export interface PlacedSegment {
  segment: Segment;
  index: number;
  startSec: number;
  endSec: number;
}

export function placeSegments(segments: readonly Segment[]): PlacedSegment[] {
  let at = 0;
  return segments.map((segment, index) => {
    const placed = { segment, index, startSec: at, endSec: at + segment.durationSec };
    at = placed.endSec;
    return placed;
  });
}

export function productOf(segment: Segment): string | undefined {
  return 'productId' in segment ? segment.productId : undefined;
}

/** "Educational" formats (the seeds' educational_sales_hybrid) get longer product slots. */
export function isEducational(sheet: Pick<RunSheet, 'show'>): boolean {
  return /educat/i.test(sheet.show.format ?? '');
}

export const minutes = (sec: number): string => {
  const m = sec / 60;
  return Number.isInteger(m) ? `${m} min` : `${m.toFixed(1)} min`;
};
