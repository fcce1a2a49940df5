/** URL options of the next-up page. */
import { number, parseOptions, text, type CommonOptions, type ParsedOptions } from '../lib/options';

export interface NextUpOptions extends CommonOptions {
  /** Under this many seconds the time gives way to "Up next". */
  soon: number;
  /** Label above the title; null = "Coming up" (or "Flash sale next"), empty = none. */
  label: string | null;
}

export function parseNextUpOptions(search: string | URLSearchParams): ParsedOptions<NextUpOptions> {
  return parseOptions(search, { position: 'bottom-right' }, (r) => ({
    soon: r.get('soon', 10, number(0, 600, true)),
    label: r.get<string | null>('label', null, text(40)),
  }));
}
