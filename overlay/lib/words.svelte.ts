/**
 * The overlay's words: Paraglide's translation in the page's language (set once at boot from
 * `?lang=`), or the producer's own replacement once it has arrived from the controller.
 */
import { phrase, type CustomWords, type Params } from '../../shared/i18n/words';

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
export function say<P extends Params>(
  key: string,
  message: (params: P) => string,
  params: P = {} as P,
): string {
  return phrase(custom, key, message, params, plural);
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
export function sayParts<P extends Params>(
  key: string,
  message: (params: P) => string,
  params: P,
): Part[] {
  const names = Object.keys(params);
  const marks = Object.fromEntries(names.map((name, i) => [name, `\u0001${i}\u0002`])) as P;
  const parts: Part[] = [];
  say(key, message, marks)
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
