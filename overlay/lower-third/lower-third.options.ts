/** URL options of the lower-third page (product card with price anchor and reveal). */
import {
  oneOf,
  parseOptions,
  text,
  type CommonOptions,
  type OptionReader,
  type ParsedOptions,
} from '../lib/options';

/** The call to action in English; each language has its own (the `ov_cta_default` message). */
export const DEFAULT_CTA = 'Tap the orange bag';

export const CURRENCY_DISPLAYS = ['symbol', 'narrowSymbol', 'code'] as const;
export const DECIMALS = ['auto', 'trim', 'always'] as const;

export interface PriceOptions {
  /** `symbol` (CN¥ outside China), `narrowSymbol` (¥), `code` (CNY). */
  currencyDisplay: (typeof CURRENCY_DISPLAYS)[number];
  /** `trim`: a whole price without `.00`; `always`: every decimal; `auto`: the language's habit. */
  decimals: (typeof DECIMALS)[number];
}

export interface LowerThirdOptions extends CommonOptions, PriceOptions {
  /** Call to action under the price; null = the language's own, empty hides it. */
  cta: string | null;
}

export function readPriceOptions(r: OptionReader): PriceOptions {
  return {
    currencyDisplay: r.get('currencyDisplay', 'symbol', oneOf(CURRENCY_DISPLAYS)),
    decimals: r.get('decimals', 'auto', oneOf(DECIMALS)),
  };
}

export function parseLowerThirdOptions(
  search: string | URLSearchParams,
): ParsedOptions<LowerThirdOptions> {
  return parseOptions(search, { position: 'bottom-left' }, (r) => ({
    cta: r.get<string | null>('cta', null, text(60)),
    ...readPriceOptions(r),
  }));
}
