/**
 * URL options of the composite page: the common ones plus each card's own. `position` is
 * accepted (it is common) but the composite places its cards itself.
 */
import { parseOptions, type ParsedOptions } from '../lib/options';
import { flag, number, oneOf, text } from '../lib/options';
import { COUNTDOWN_MODES, type CountdownOptions } from '../countdown/countdown.options';
import { readPriceOptions, type LowerThirdOptions } from '../lower-third/lower-third.options';
import type { NextUpOptions } from '../next-up/next-up.options';
import { parseLow, type StockOptions } from '../stock/stock.options';
import type { TickerOptions } from '../ticker/ticker.options';
import { DEFAULT_SOLD_HOLD, type CardsOptions } from '../cards/cards.options';

export type AllOptions = LowerThirdOptions &
  Omit<CountdownOptions, 'label'> &
  StockOptions &
  TickerOptions &
  Omit<NextUpOptions, 'label'> &
  Pick<CardsOptions, 'soldHold'>;

export function parseAllOptions(search: string | URLSearchParams): ParsedOptions<AllOptions> {
  return parseOptions(search, { position: 'bottom-left' }, (r) => ({
    cta: r.get<string | null>('cta', null, text(60)),
    ...readPriceOptions(r),
    mode: r.get('mode', 'deal', oneOf(COUNTDOWN_MODES)),
    urgent: r.get('urgent', 10, number(0, 600, true)),
    teaser: r.get('teaser', true, flag),
    low: r.get('low', { units: 10 }, parseLow),
    max: r.get('max', 3, number(1, 10, true)),
    hold: r.get('hold', 8, number(1, 600)),
    minBurst: r.get('minBurst', 5, number(0, 1_000_000, true)),
    soon: r.get('soon', 10, number(0, 600, true)),
    soldHold: r.get('soldHold', DEFAULT_SOLD_HOLD, number(1, 60)),
  }));
}
