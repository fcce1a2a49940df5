import { RunSheet, type RunSheetInput } from './schema';
import { parseWith, type Result } from '../validation';

export * from './schema';

export function parseRunSheet(input: unknown): Result<RunSheet> {
  return parseWith(RunSheet, input);
}

/** The sum of the planned segment durations, to compare with the show's planned length. */
export function plannedTotalSec(sheet: Pick<RunSheetInput, 'segments'>): number {
  return sheet.segments.reduce((sum, s) => sum + s.durationSec, 0);
}
