/** Choices offered by the plan screen's selects. */

/** Where live shopping happens most, first; every other ISO 4217 code after them. */
export const COMMON_CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'KRW',
  'HKD',
  'TWD',
  'SGD',
  'MYR',
  'THB',
  'IDR',
  'VND',
  'PHP',
  'AUD',
  'CAD',
];

export function currencyChoices(current = ''): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  const rest = all.filter((c) => !COMMON_CURRENCIES.includes(c));
  const list = [...COMMON_CURRENCIES, ...rest];
  return current && !list.includes(current) ? [current, ...list] : list;
}

export function timeZoneChoices(current = ''): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const list = all.includes('UTC') ? [...all] : ['UTC', ...all];
  return current && !list.includes(current) ? [current, ...list] : list;
}

export const ACTIVITY_LABELS = {
  poll: 'Poll',
  giveaway: 'Giveaway',
  mystery: 'Mystery reveal',
  qa: 'Q&A',
} as const;

export const FORMAT_SUGGESTIONS = [
  'product_showcase_with_flash_sales',
  'product_launch_premiere',
  'flash_sale',
  'educational_sales_hybrid',
];

export const IMPORT_KIND_LABELS = {
  flashcue: 'Flashcue run sheet',
  csv: 'CSV product list',
  pinghuman: 'PingHuman task',
} as const;
