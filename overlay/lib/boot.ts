/**
 * The common start of every overlay page: parse the URL options (a bad one shows the error
 * box, never a blank overlay), open the transports, and hand the page its live view.
 */
import { baseLocale, matchLocale, useLocale } from '../../shared/i18n/locale';
import { createViewReceiver } from '../../shared/protocol/viewReceiver';
import { LiveView } from './liveView.svelte';
import type { ParsedOptions, TransportKind } from './options';
import type { Locale } from '../../shared/i18n/locale';
import { openTransports } from './transport';
import type { Transport } from '../../shared/protocol/transport';
import { listenForWords } from './customWords';
import { loadOnAirWords } from './words.svelte';

export interface Booted<O> {
  target: HTMLElement;
  options: O;
  live: LiveView;
  /** What the page should tell the producer about its transport, if anything. */
  note: string | null;
  /** The page's open transports, for a page that listens to more than views (the ticker). */
  transports: Transport[];
}

/** The Live preview (`still=1`) draws a newer view this long after it arrived (LiveView). */
const STILL_SETTLE_MS = 50;

function langOf(search: string) {
  const all = new URLSearchParams(search).getAll('lang');
  return (all.length === 1 && matchLocale(all[0]!)) || baseLocale;
}

export function bootOverlay<O extends { transport: TransportKind; lang: Locale; still?: boolean }>(
  overlay: string,
  parsed: ParsedOptions<O>,
  start: (page: Booted<O>) => void,
): void {
  const target = document.getElementById('overlay');
  if (!target) throw new Error(`Flashcue: #overlay element missing from overlay/${overlay}.html`);
  // The language first, even when another option is broken: the error box speaks it too.
  const locale = parsed.ok ? parsed.options.lang : langOf(location.search);
  useLocale(locale);
  // Listening starts at once (an OBS emit_event is never repeated for a page that was not
  // ready yet, only on the next heartbeat), while this language's strings arrive as a small
  // chunk; nothing is drawn before they are here.
  const opened = parsed.ok ? openTransports(parsed.options.transport) : null;
  // Words first: the controller answers the receiver's hello with them too.
  if (opened && parsed.ok) listenForWords(opened.transports, parsed.options.lang);
  const live =
    opened &&
    new LiveView(
      createViewReceiver({ transports: opened.transports }),
      parsed.ok && parsed.options.still ? STILL_SETTLE_MS : 0,
    );
  // The error box only when an option is wrong, fetched beside the strings with its own
  // words: its code (and the Svelte list block it alone uses on most pages) and its sentences
  // stay out of every correct page's script and strings.
  const errorBox = parsed.ok ? null : import('./errorBox').then((m) => m.errorBox(locale));
  Promise.all([loadOnAirWords(locale), errorBox]).then(
    ([, showErrors]) => {
      if (!parsed.ok) showErrors!(target, overlay, parsed.errors);
      else
        start({
          target,
          options: parsed.options,
          live: live!,
          note: opened!.note?.() ?? null,
          transports: opened!.transports,
        });
    },
    (error: unknown) => {
      // Never a blank source in OBS: the one English line left, with the cause.
      target.textContent = `Flashcue ${overlay}: the ${locale} strings could not be loaded (${String(error)}). Reload the browser source.`;
    },
  );
}
