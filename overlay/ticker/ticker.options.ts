/** URL options of the ticker page (social proof). */
import { number, parseOptions, type CommonOptions, type ParsedOptions } from '../lib/options';

export interface TickerOptions extends CommonOptions {
  /** At most this many buyer lines at once. */
  max: number;
  /** Seconds a buyer line stays up after the sale. */
  hold: number;
  /** "N sold in the last minute" from this many units; 0 never shows it. */
  minBurst: number;
}

export function parseTickerOptions(search: string | URLSearchParams): ParsedOptions<TickerOptions> {
  return parseOptions(search, { position: 'top-left' }, (r) => ({
    max: r.get('max', 3, number(1, 10, true)),
    hold: r.get('hold', 8, number(1, 600)),
    minBurst: r.get('minBurst', 5, number(0, 1_000_000, true)),
  }));
}
