/**
 * A message with a count picks its plural form through Intl.PluralRules, on every render (the
 * Live screen's "{count} left" on every sale). Building the rules costs ~0.5 ms in Chromium, so
 * both plural() functions keep one per locale and kind — and must still answer per kind.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { plural as controllerPlural } from '../../../../controller/i18n/paraglide/registry.js';
import { plural as onAirPlural } from '../../../../shared/i18n/locale';

const RealRules = Intl.PluralRules;
let built = 0;
/** Real rules, counted (a spy's instances would be kept by the cache under test). */
class CountedRules extends RealRules {
  constructor(...args: ConstructorParameters<typeof RealRules>) {
    super(...args);
    built += 1;
  }
}
const setRules = (rules: typeof Intl.PluralRules) =>
  Object.defineProperty(Intl, 'PluralRules', { value: rules, configurable: true, writable: true });
const countBuilds = () => {
  built = 0;
  setRules(CountedRules as typeof Intl.PluralRules);
};
afterEach(() => setRules(RealRules));

/** Both take any locale tag at run time (the controller's is typed to its two languages). */
type Plural = (locale: string, input: unknown, options?: Intl.PluralRulesOptions) => string;

describe.each([
  ['the controller (Paraglide registry, patched by compile.mjs)', controllerPlural as Plural],
  ['the overlays (shared/i18n/locale.ts)', onAirPlural],
])('plural() of %s', (_, plural) => {
  test('builds the rules of a locale once, however many counts it reads', () => {
    countBuilds();
    const forms = [1, 2, 5, 1, 0].map((n) => plural('en', n, {}));
    expect(forms).toEqual(['one', 'other', 'other', 'one', 'other']);
    plural('en', 3, {});
    // At most the first call builds (another test may have built English's rules already).
    expect(built).toBeLessThanOrEqual(1);
  });

  test('keeps each locale and each kind apart', () => {
    expect(plural('en', 1, {})).toBe('one');
    expect(plural('zh-CN', 1, {})).toBe('other');
    expect(plural('en', 2, { type: 'ordinal' })).toBe('two');
    expect(plural('en', 2, {})).toBe('other');
    expect(plural('ru', 2, {})).toBe('few');
    expect(plural('en', 3, { type: 'ordinal' })).toBe('few');
  });
});
