/** URL options of the countdown page. */
import {
  number,
  oneOf,
  parseOptions,
  text,
  type CommonOptions,
  type ParsedOptions,
} from '../lib/options';

export const COUNTDOWN_MODES = ['deal', 'slot', 'show'] as const;
export type CountdownMode = (typeof COUNTDOWN_MODES)[number];

export interface CountdownOptions extends CommonOptions {
  /** deal: the running flash deal; slot: the segment on air (+m:ss overtime); show: the show. */
  mode: CountdownMode;
  /** Urgency styling from this many seconds left. */
  urgent: number;
  /** Label above the digits; null = the mode's own, empty = none. */
  label: string | null;
}

export function parseCountdownOptions(
  search: string | URLSearchParams,
): ParsedOptions<CountdownOptions> {
  return parseOptions(search, { position: 'top-right' }, (r) => ({
    mode: r.get('mode', 'deal', oneOf(COUNTDOWN_MODES)),
    urgent: r.get('urgent', 10, number(0, 600, true)),
    label: r.get<string | null>('label', null, text(40)),
  }));
}
