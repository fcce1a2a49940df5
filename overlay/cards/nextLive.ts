/**
 * The recap's next-live line, apart from closingCards.ts: only the recap card says it, and the
 * composite page loads that card when it first shows (overlay/lib/lazyPart.svelte.ts).
 */
import type { NextShow } from '../../shared/cards/cards';
import { say } from '../lib/words.svelte';

/** "Next live: Tue, Apr 14, 7:00 PM GMT+8" in the page's language and the show's zone. */
export function nextLiveText(next: NextShow, locale: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  let date: string;
  try {
    date = new Intl.DateTimeFormat(locale, { ...options, timeZone: next.timeZone }).format(next.at);
  } catch {
    // A zone this browser does not know (an old OBS): UTC, said so by the zone name.
    date = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(next.at);
  }
  return say('ov_next_live', { date });
}
