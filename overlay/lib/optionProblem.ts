/**
 * The error box's detail lines in the page's language: each option problem (options.ts) as
 * its message, the option's name and the value typed kept as written (they are what the
 * producer must find in the URL).
 */
import { onAir } from './words.svelte';
import type { OptionError } from './options';

export function optionProblemText({ key, problem: p }: OptionError): string {
  const m = onAir();
  switch (p.code) {
    case 'repeated':
      return m.ov_opt_repeated({ key, count: p.count });
    case 'unknown':
      return m.ov_opt_unknown({ key, near: p.near });
    case 'unknownList':
      return m.ov_opt_unknown_list({ key, known: p.known });
    case 'oneOf':
      return m.ov_opt_one_of({ key, raw: p.raw, values: p.values });
    case 'language':
      return m.ov_opt_language({ key, raw: p.raw, values: p.values });
    case 'number':
      return m.ov_opt_number({ key, raw: p.raw, min: p.min, max: p.max });
    case 'whole':
      return m.ov_opt_whole({ key, raw: p.raw, min: p.min, max: p.max });
    case 'tooLong':
      return m.ov_opt_too_long({ key, raw: p.raw, max: p.max });
    case 'flag':
      return m.ov_opt_flag({ key, raw: p.raw });
    case 'colour':
      return m.ov_opt_colour({ key, raw: p.raw });
    case 'low':
      return m.ov_opt_low({ key, raw: p.raw });
  }
}
