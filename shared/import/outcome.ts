/** What every run-sheet importer hands back, and conventions they share. */
import type { RunSheet } from '../runsheet/schema';
import type { LocatedError, Result } from '../validation';

export interface ImportOutcome {
  result: Result<RunSheet>;
  /** Things imported on an assumption (a guessed separator, a placeholder stock): check them. */
  warnings: LocatedError[];
}

/**
 * Stock given to a product whose stock the file does not say. Not 0: stock 0 means sold out
 * and would block every sale. Large enough never to run out or trigger "only N left" urgency
 * in a show, round enough to be recognised as a placeholder; each use comes with a warning.
 */
export const PLACEHOLDER_STOCK = 999;

/** Show length when a product list comes without one: ~5 min per product plus opening and close. */
export function suggestDurationSec(productCount: number): number {
  const minutes = Math.ceil((productCount * 5 + 20) / 15) * 15;
  return Math.min(24 * 60, Math.max(30, minutes)) * 60;
}
