/**
 * The overlay's words: Paraglide's translation in the page's language (loaded once at boot
 * from `?lang=`: only that language's strings, see shared/i18n/onAirBuild.ts), or the
 * producer's own replacement once it has arrived from the controller.
 */
import { loadOnAir } from './onAirLoader';
import type { Locale } from '../../shared/i18n/locale';
import type { OnAirMessageKey, OnAirTable } from '../../shared/i18n/onAirTable';
import { phrase, type CustomWords, type Params } from '../../shared/i18n/words';

let table: OnAirTable | null = null;

/** Fetches the page language's strings; every phrase is read from them afterwards. */
export async function loadOnAirWords(locale: Locale): Promise<void> {
  table = await loadOnAir(locale);
}

/** More messages of the page's language, loaded with a lazy part (the error box's). */
export function addOnAirWords(more: Partial<OnAirTable>): void {
  table = { ...onAir(), ...more };
}

/** The page language's messages (loaded by boot before anything is drawn). */
export function onAir(): OnAirTable {
  if (!table) throw new Error('Flashcue overlay: on-air strings used before they were loaded');
  return table;
}

type Input<K extends OnAirMessageKey> = Parameters<OnAirTable[K]>[0];

// Raw: replaced whole, never mutated, so no deep proxy (bytes on every overlay page).
let custom = $state.raw<CustomWords>({});
let plural: Intl.PluralRules | undefined;

/**
 * Where the producer's custom words for this page's language land (customWords.ts hears them
 * from the controller). `locale` picks a phrase's plural form by number.
 */
export function setCustomWords(words: CustomWords, locale: string): void {
  plural ??= new Intl.PluralRules(locale);
  // The same words again (every heartbeat) re-render nothing.
  if (JSON.stringify(words) !== JSON.stringify(custom)) custom = words;
}

/** One phrase; re-read by Svelte when custom words arrive. */
export function say<K extends OnAirMessageKey>(key: K, params?: Input<K>): string {
  const message = onAir()[key] as (params: Params) => string;
  return phrase(custom, key, message, (params ?? {}) as Params, plural);
}

export interface Part {
  text: string;
  /** The placeholder this part fills, for styling (a buyer's name in bold). */
  param?: string;
}

/**
 * A phrase cut where its placeholders go, so a card can style them ("**@anna** just bought
 * **Mask**") in whatever order the language puts them.
 */
export function sayParts<K extends OnAirMessageKey>(key: K, params: Input<K> & Params): Part[] {
  const names = Object.keys(params);
  const marks = Object.fromEntries(names.map((name, i) => [name, `\u0001${i}\u0002`]));
  const parts: Part[] = [];
  say(key, marks as Input<K>)
    // U+0001/U+0002 cannot occur in a translation: safe markers around each placeholder.
    // eslint-disable-next-line no-control-regex
    .split(/\u0001(\d+)\u0002/)
    .forEach((piece, i) => {
      if (i % 2 === 0) {
        if (piece) parts.push({ text: piece });
      } else {
        const name = names[Number(piece)]!;
        parts.push({ text: String(params[name]), param: name });
      }
    });
  return parts;
}
