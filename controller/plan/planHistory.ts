/** The seller's history as the playbook checks want it: shows held and per-product figures. */
import type { PlanHistory } from '../../shared/playbook/check';
import { endedShows, productHistoryOf, type EntryLike } from '../report/across/acrossData';

export function planHistoryOf(entries: readonly EntryLike[]): PlanHistory {
  return { showCount: endedShows(entries).length, products: productHistoryOf(entries) };
}
