/**
 * The report's words for things shared/report names by key (a deal's end, an order's flags, a
 * figure of the comparison, a field of the platform's LIVE summary) and the default titles it
 * gives untitled segments ("Opening"), in the controller's language. shared/ keeps its English
 * words for the command API and the exports; the screen shows these.
 */
import type { LiveSummary } from '../../shared/orders/liveSummary';
import type { CommitOutcome } from './platform/orderImport';
import type { DealRow, OrderFlag } from '../../shared/report/types';
import type { SegmentKind } from '../../shared/runsheet/schema';
import * as m from '../i18n/paraglide/messages.js';

type Phrase = () => string;

/** shared/report's defaults are the kind capitalised ("Closing"), kept so in English. */
const SEGMENT_DEFAULTS: Record<SegmentKind, Phrase> = {
  opening: m.rep_run_opening,
  product: m.rep_run_product,
  flash: m.rep_run_flash,
  engagement: m.rep_run_engagement,
  break: m.rep_run_break,
  closing: m.rep_run_closing,
};

/**
 * A run's title: the seller's own as typed, else the default shared/report gave it (the kind,
 * capitalised: "Opening") in the controller's language.
 */
export function runTitle(title: string, kind?: string): string {
  // Without the kind (a marker, a room row), any kind's default is recognised.
  const guess = kind ?? title.toLowerCase();
  const phrase = SEGMENT_DEFAULTS[guess as SegmentKind] as Phrase | undefined;
  const englishDefault = guess.charAt(0).toUpperCase() + guess.slice(1);
  return phrase && title === englishDefault ? phrase() : title;
}

const END_REASONS: Record<NonNullable<DealRow['endReason']>, Phrase> = {
  expired: m.rep_deal_end_expired,
  soldout: m.rep_deal_end_soldout,
  ended: m.rep_deal_end_by_hand,
  'show-ended': m.rep_deal_end_show,
};

/** How a deal ended, "still running" while it runs, a dash when nobody knows. */
export function dealEnd(deal: Pick<DealRow, 'running' | 'endReason'>): string {
  if (deal.running) return m.rep_deal_running();
  return deal.endReason ? END_REASONS[deal.endReason]() : '—';
}

const FLAGS: Record<OrderFlag, Phrase> = {
  cancelled: m.rep_flag_cancelled,
  'off-sheet': m.rep_flag_off_sheet,
  'price-differs': m.rep_flag_price_differs,
  'over-stock': m.rep_flag_over_stock,
  'over-cap': m.rep_flag_over_cap,
};

/** An order's flags as one line: "cancelled, price differs". */
export function flagWords(flags: readonly OrderFlag[]): string {
  return flags.map((f) => FLAGS[f]()).join(m.rep_list_separator());
}

const COMPARE: Record<string, Phrase> = {
  gmv: m.rep_cmp_gmv,
  orders: m.rep_cmp_orders,
  units: m.rep_cmp_units,
  averageOrderValue: m.rep_cmp_aov,
  gmvVsTarget: m.rep_cmp_vs_target,
  actualMs: m.rep_cmp_length,
  onAirMs: m.rep_cmp_on_air,
  pausedMs: m.rep_cmp_paused,
  peakConcurrent: m.rep_cmp_peak,
  averageConcurrent: m.rep_cmp_average,
  uniqueViewers: m.rep_cmp_unique,
  conversionRate: m.rep_cmp_conversion,
  deals: m.rep_cmp_deals,
  totalHostCost: m.rep_cmp_host_cost,
  brandRoi: m.rep_cmp_roi,
};

/** A figure of the comparison by its key; a key this table lacks keeps shared's label. */
export function compareLabel(key: string, label: string): string {
  return COMPARE[key]?.() ?? label;
}

const SUMMARY: Record<keyof LiveSummary, Phrase> = {
  gmv: m.rep_sum_gmv,
  skuOrders: m.rep_sum_sku_orders,
  customers: m.rep_sum_customers,
  viewers: m.rep_sum_viewers,
  uniqueViewers: m.rep_sum_unique,
  avgWatchSeconds: m.rep_sum_watch,
  productClicks: m.rep_sum_clicks,
};

/** A field of the platform's LIVE summary. */
export function summaryLabel(field: keyof LiveSummary): string {
  return SUMMARY[field]();
}

/** A platform by its format key, as the platform spells its own name. */
export function platformName(format: 'tiktok' | 'shopify'): string {
  return format === 'tiktok' ? 'TikTok Shop' : 'Shopify';
}

/** Where an order came from: "hand" is ours to translate; a platform keeps its own name. */
export function sourceName(source: string | null | undefined): string {
  if (!source || source === 'hand') return m.rep_source_hand();
  if (source === 'tiktok') return 'TikTok';
  if (source === 'shopify') return 'Shopify';
  if (source === 'api') return 'API';
  return source;
}

/** What an import of the platform's orders did, for the producer (the API keeps its English). */
export function commitText(c: CommitOutcome): string {
  const parts = [
    m.rep_commit_in_window({ count: c.inWindow, platform: platformName(c.format) }),
    m.rep_commit_new({ count: c.added }),
  ];
  if (c.changed) parts.push(m.rep_commit_updated({ count: c.changed }));
  if (c.unchanged) parts.push(m.rep_commit_unchanged({ count: c.unchanged }));
  if (c.outside) parts.push(m.rep_commit_outside({ count: c.outside }));
  return `${parts.join(m.rep_clause_separator())}${m.rep_full_stop()}`;
}
