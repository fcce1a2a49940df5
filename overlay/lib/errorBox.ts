/**
 * The error box and the words it says, one lazy chunk: only a page with a wrong option
 * fetches them (beside the page's own strings), so every correct page's script and strings
 * chunk carry neither.
 */
import { mount } from 'svelte';
import { loadOnAirErrors as load } from 'virtual:flashcue-onair-errors';
import type { Locale } from '../../shared/i18n/locale';
import type { OnAirTable } from '../../shared/i18n/onAirTable';
import ErrorBox from './ErrorBox.svelte';
import type { OptionError } from './options';
import { addOnAirWords } from './words.svelte';

// Typed here (onAir.d.ts), as onAirLoader.ts does, so type-aware lint sees the types.
const loadOnAirErrors: (locale: Locale) => Promise<Partial<OnAirTable>> = load;

/** Fetches the box's words in `locale`; the answer draws the box once the page's are in. */
export async function errorBox(locale: Locale) {
  const words = await loadOnAirErrors(locale);
  return (target: HTMLElement, overlay: string, errors: OptionError[]) => {
    addOnAirWords(words);
    mount(ErrorBox, { target, props: { overlay, errors } });
  };
}
