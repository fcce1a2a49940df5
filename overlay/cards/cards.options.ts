/** URL options of the closing-cards page (the SOLD OUT card and the last call's recap). */
import { flag, number, parseOptions, type CommonOptions, type ParsedOptions } from '../lib/options';

export interface CardsOptions extends CommonOptions {
  /** Seconds the SOLD OUT card stays up after the sale that emptied the stock. */
  soldHold: number;
  /** Show the SOLD OUT card / the recap (a producer may want only one on this source). */
  soldOut: boolean;
  recap: boolean;
}

export const DEFAULT_SOLD_HOLD = 6;

export function parseCardsOptions(search: string | URLSearchParams): ParsedOptions<CardsOptions> {
  return parseOptions(search, { position: 'top-center' }, (r) => ({
    soldHold: r.get('soldHold', DEFAULT_SOLD_HOLD, number(1, 60)),
    soldOut: r.get('soldOut', true, flag),
    recap: r.get('recap', true, flag),
  }));
}
