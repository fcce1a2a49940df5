/**
 * Text that fits its card: a long product name first shrinks (down to a floor the back row
 * can still read), then loses its tail at a grapheme boundary with an ellipsis — never half a
 * Thai cluster, a surrogate pair or an emoji sequence. Measuring is the caller's (the DOM);
 * the search is here, pure.
 */

/** One segmenter per locale: making one costs more than segmenting a name (bench 8, a busy room). */
const segmenters = new Map<string | undefined, Intl.Segmenter>();

/** The user-perceived characters of `text` (Intl.Segmenter; OBS 28+'s Chromium has it). */
export function graphemes(text: string, locale?: string): string[] {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'grapheme' });
    segmenters.set(locale, segmenter);
  }
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export const ELLIPSIS = '…';

/** The first `count` graphemes and an ellipsis, or the text itself when it is that short. */
export function truncateGraphemes(text: string, count: number, locale?: string): string {
  // A grapheme is at least one UTF-16 unit: text this short needs no segmenting.
  if (text.length <= count) return text;
  const all = graphemes(text, locale);
  if (all.length <= count) return text;
  return all.slice(0, Math.max(0, count)).join('').trimEnd() + ELLIPSIS;
}

export interface FitLimits {
  /** Font size in px the design asks for. */
  max: number;
  /** The smallest size allowed before truncating. */
  min: number;
  /** Shrink in steps of this many px. */
  step: number;
}

export interface Fitted {
  fontSize: number;
  text: string;
  truncated: boolean;
}

/**
 * The largest size within `limits` at which `fits(size, text)` holds; failing that, the
 * longest grapheme prefix (plus ellipsis) that fits at the smallest size.
 */
export function fitText(
  text: string,
  fits: (fontSize: number, text: string) => boolean,
  limits: FitLimits,
  locale?: string,
): Fitted {
  for (let size = limits.max; size > limits.min; size -= limits.step)
    if (fits(size, text)) return { fontSize: size, text, truncated: false };
  const size = limits.min;
  if (fits(size, text)) return { fontSize: size, text, truncated: false };
  const all = graphemes(text, locale);
  // Binary search for the longest prefix that fits: whether it fits only grows with length
  // taken off, so this is exact in ~log2(n) measurements.
  let lo = 0;
  let hi = all.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(size, all.slice(0, mid).join('').trimEnd() + ELLIPSIS)) lo = mid;
    else hi = mid - 1;
  }
  return { fontSize: size, text: all.slice(0, lo).join('').trimEnd() + ELLIPSIS, truncated: true };
}
