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
import * as m from '../i18n/paraglide/messages.js';

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

/** The engagement activities, named in the controller's language. */
export const activityLabels = () =>
  ({
    poll: m.plan_act_poll(),
    giveaway: m.plan_act_giveaway(),
    mystery: m.plan_act_mystery(),
    qa: m.plan_act_qa(),
  }) as const;

export const FORMAT_SUGGESTIONS = [
  'product_showcase_with_flash_sales',
  'product_launch_premiere',
  'flash_sale',
  'educational_sales_hybrid',
];

export function importKindLabel(kind: 'flashcue' | 'csv' | 'pinghuman'): string {
  return kind === 'flashcue'
    ? m.plan_kind_flashcue()
    : kind === 'csv'
      ? m.plan_kind_csv()
      : m.plan_kind_pinghuman();
}
