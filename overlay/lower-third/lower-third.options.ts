/** URL options of the lower-third page (product card with price anchor and reveal). */
import { parseOptions, text, type CommonOptions, type ParsedOptions } from '../lib/options';

export const DEFAULT_CTA = 'Tap the orange bag';

export interface LowerThirdOptions extends CommonOptions {
  /** Call to action under the price; empty hides it. */
  cta: string;
}

export function parseLowerThirdOptions(
  search: string | URLSearchParams,
): ParsedOptions<LowerThirdOptions> {
  return parseOptions(search, { position: 'bottom-left' }, (r) => ({
    cta: r.get('cta', DEFAULT_CTA, text(60)),
  }));
}
