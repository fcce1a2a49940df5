/** The report overview's own state: which tab, which shows are picked, how lists are sorted. */
import { SvelteSet } from 'svelte/reactivity';
import type { ProductSortKey } from '../../../shared/report/history';
import type { SeriesBy } from './acrossData';
import * as m from '../../i18n/paraglide/messages.js';

export type OverviewTab = 'shows' | 'compare' | 'series' | 'products';

export const TABS: Array<{ key: OverviewTab; label: () => string }> = [
  { key: 'shows', label: m.rep_tab_shows },
  { key: 'compare', label: m.rep_tab_compare },
  { key: 'series', label: m.rep_tab_series },
  { key: 'products', label: m.rep_tab_products },
];

export class OverviewState {
  tab = $state<OverviewTab>('shows');
  /** Shows picked for comparison, by id. */
  selected = new SvelteSet<string>();
  seriesBy = $state<SeriesBy>('sheet');
  seriesKey = $state<string | null>(null);
  sort = $state<ProductSortKey>('gmv');
  direction = $state<'asc' | 'desc'>('desc');
  search = $state('');

  toggle(showId: string, on: boolean): void {
    if (on) this.selected.add(showId);
    else this.selected.delete(showId);
  }

  /** A second click on the same column turns the order round; a new column starts high to low (names A→Z). */
  sortBy(key: ProductSortKey): void {
    if (this.sort === key) this.direction = this.direction === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = key;
      this.direction = key === 'name' || key === 'averagePosition' ? 'asc' : 'desc';
    }
  }
}
