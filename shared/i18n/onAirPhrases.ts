/**
 * The on-air phrases a producer may replace (custom words), each with its English wording and
 * the placeholders its messages fill. messages/en.json stays the source of the wording: the
 * unit test holds this list to it. The error box's phrases are left out: a page with a broken
 * URL shows its box before it hears anything from the controller.
 */
export const ON_AIR_PHRASES = {
  ov_flash_deal: { en: 'Flash deal', params: [] },
  ov_deal_ends_in: { en: 'Flash deal ends in', params: [] },
  ov_live_ends_in: { en: 'Live ends in', params: [] },
  ov_on_air: { en: 'On air', params: [] },
  ov_paused: { en: 'Paused', params: [] },
  ov_overtime: { en: 'Overtime', params: [] },
  ov_cta_default: { en: 'Tap the orange bag', params: [] },
  ov_sold_out: { en: 'Sold out', params: [] },
  ov_stock_left: { en: '{count} left', params: ['count'] },
  ov_stock_only_left: { en: 'Only {count} left', params: ['count'] },
  ov_stock_left_deal: { en: '{count} left at this price', params: ['count'] },
  ov_stock_only_left_deal: { en: 'Only {count} left at this price', params: ['count'] },
  ov_just_bought: { en: '{buyer} just bought {product}', params: ['buyer', 'product'] },
  ov_someone: { en: 'Someone', params: [] },
  ov_thanks_gift: { en: 'Thank you {name} for the {gift}!', params: ['name', 'gift'] },
  ov_thanks_follow: { en: 'Thanks for the follow, {name}!', params: ['name'] },
  ov_thanks_share: { en: 'Thanks for sharing, {name}!', params: ['name'] },
  ov_sold_last_minute: { en: '{count} sold in the last minute', params: ['count'] },
  ov_coming_up: { en: 'Coming up', params: [] },
  ov_flash_sale_next: { en: 'Flash sale next', params: [] },
  ov_up_next: { en: 'Up next', params: [] },
  ov_poll_hint: { en: 'Comment {numbers} to vote', params: ['numbers'] },
  ov_poll_votes: { en: '{count} votes', params: ['count'] },
  ov_poll_closed: { en: 'Voting closed', params: [] },
  ov_winner: { en: 'Winner', params: [] },
  ov_poll_tie: { en: "It's a tie!", params: [] },
  ov_giveaway: { en: 'Giveaway', params: [] },
  ov_giveaway_enter: { en: 'Comment {keyword} to enter', params: ['keyword'] },
  ov_giveaway_entrants: { en: '{count} entered', params: ['count'] },
  ov_giveaway_closed: { en: 'Entries closed', params: [] },
  ov_starts_in: { en: 'in {time}', params: ['time'] },
  ov_starting_soon: { en: 'Starting soon', params: [] },
  ov_first_deal: { en: 'First deal: {product}', params: ['product'] },
  ov_sold_out_in_s: { en: 'Sold out in {seconds} s', params: ['seconds'] },
  ov_sold_out_in: { en: 'Sold out in {time}', params: ['time'] },
  ov_last_call: { en: 'Last call', params: [] },
  ov_top_sellers: { en: 'Top sellers', params: [] },
  ov_still_open: { en: 'Still on offer', params: [] },
  ov_units_sold: { en: '{units} sold', params: ['units'] },
  ov_next_live: { en: 'Next live: {date}', params: ['date'] },
} as const satisfies Record<string, { en: string; params: readonly string[] }>;

export type OnAirKey = keyof typeof ON_AIR_PHRASES;

export const ON_AIR_KEYS = Object.keys(ON_AIR_PHRASES) as OnAirKey[];

export function isOnAirKey(key: string): key is OnAirKey {
  return Object.hasOwn(ON_AIR_PHRASES, key);
}

/** A phrase with `{count}` reads differently by number: it may have one replacement per form. */
export function isPlural(key: OnAirKey): boolean {
  return (ON_AIR_PHRASES[key].params as readonly string[]).includes('count');
}
