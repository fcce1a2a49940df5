/**
 * The composite page's cards that show only now and then — the buyer lines and the closing
 * cards — and their words, out of the page's own script and strings: fetched when one of them
 * first has something to show (All.svelte), so what is on air at start draws no later.
 */
import { loadOnAirLazy as load } from 'virtual:flashcue-onair-lazy';
import ClosingCards from '../cards/ClosingCards.svelte';
import TickerCard from '../ticker/TickerCard.svelte';
import { pageLocale, type Locale } from '../../shared/i18n/locale';
import type { OnAirTable } from '../../shared/i18n/onAirTable';
import { addOnAirWords } from '../lib/words.svelte';

// Typed here (onAir.d.ts), as onAirLoader.ts does, so type-aware lint sees the types.
const loadOnAirLazy: (locale: Locale) => Promise<Partial<OnAirTable>> = load;

let words: Promise<void> | null = null;
/** This page language's words of both cards, fetched once (again after a failure). */
function wordsIn(): Promise<void> {
  words ??= loadOnAirLazy(pageLocale()).then(addOnAirWords, (error: unknown) => {
    words = null;
    throw error;
  });
  return words;
}

export const tickerCard = () => wordsIn().then(() => TickerCard);
export const closingCards = () => wordsIn().then(() => ClosingCards);
