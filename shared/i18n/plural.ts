/**
 * Paraglide's plural rule (its registry.plural), which every message with a `{count}` calls,
 * with one Intl.PluralRules per locale and kind: Paraglide builds one per call (~0.5 ms in
 * Chromium), and the Live screen says "{count} left" on every sale. The one definition for
 * both catalogues: an overlay's strings chunk takes it through locale.ts (onAirBuild.ts), and
 * shared/i18n/compile.mjs points each compiled registry's `plural` here.
 */
const pluralRules = new Map<string, Intl.PluralRules>();

export function plural(locale: string, input: unknown, options?: Intl.PluralRulesOptions): string {
  const key = options?.type === 'ordinal' ? `${locale}|ordinal` : locale;
  let rules = pluralRules.get(key);
  if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale, options)));
  return rules.select(Number(input));
}
