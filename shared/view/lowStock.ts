/**
 * The one low-stock rule, for the producer's product panel and the stock overlay alike, so the
 * producer sees "low" exactly when the audience reads "Only N left".
 *
 * The default is 10 units left, not a share of the starting stock: scarcity on a live stream
 * is read as an absolute number ("only 8 left" moves buyers; "only 100 left", 10% of 1,000,
 * does not), and a fixed number is what the seller can say out loud. A stock overlay may still
 * ask for another threshold (`?low=5` or `?low=20%`).
 */

/** Low stock from a number of units left, or from a share of the starting stock. */
export type LowThreshold = { units: number } | { percent: number };

export const DEFAULT_LOW_STOCK: LowThreshold = { units: 10 };

/** Some left, and no more than the threshold. */
export function isLow(
  left: number,
  total: number,
  threshold: LowThreshold = DEFAULT_LOW_STOCK,
): boolean {
  if (left <= 0) return false;
  return 'units' in threshold ? left <= threshold.units : left <= (total * threshold.percent) / 100;
}
