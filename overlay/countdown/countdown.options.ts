/** URL options of the countdown page. */
import {
  flag,
  number,
  oneOf,
  parseOptions,
  text,
  type CommonOptions,
  type ParsedOptions,
} from '../lib/options';

export const COUNTDOWN_MODES = ['deal', 'slot', 'show', 'start'] as const;
export type CountdownMode = (typeof COUNTDOWN_MODES)[number];

export interface CountdownOptions extends CommonOptions {
  /**
   * deal: the running flash deal; slot: the segment on air (+m:ss overtime); show: the show;
   * start: "starting soon", to the run sheet's scheduled start, before the show goes live.
   */
  mode: CountdownMode;
  /** Urgency styling from this many seconds left. */
  urgent: number;
  /** Label above the digits; null = the mode's own, empty = none. */
  label: string | null;
  /** Start mode: tease the plan's first flash deal under the show's title. */
  teaser: boolean;
}

export function parseCountdownOptions(
  search: string | URLSearchParams,
): ParsedOptions<CountdownOptions> {
  return parseOptions(search, { position: 'top-right' }, (r) => ({
    mode: r.get('mode', 'deal', oneOf(COUNTDOWN_MODES)),
    urgent: r.get('urgent', 10, number(0, 600, true)),
    label: r.get<string | null>('label', null, text(40)),
    teaser: r.get('teaser', true, flag),
  }));
}
