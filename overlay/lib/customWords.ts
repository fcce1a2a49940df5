/**
 * The producer's custom words reach a page as `words` messages on the page's transports (the
 * same paths as its views: inside OBS through obs-browser, no password in the URL). Only this
 * page's language is kept; a message that fails the catalogue's checks is ignored.
 */
import { checkViewMessage } from '../../shared/protocol/messageCheck';
import type { Transport } from '../../shared/protocol/transport';
import type { Locale } from '../../shared/i18n/locale';
import { setCustomWords } from './words.svelte';

export function listenForWords(transports: Transport[], locale: Locale): () => void {
  const offs = transports.map((t) =>
    t.subscribe((data) => {
      // Views arrive every second: look at the kind before checking the whole message.
      if ((data as { kind?: unknown } | null)?.kind !== 'words') return;
      const checked = checkViewMessage(data);
      if (checked.ok && checked.message.kind === 'words')
        setCustomWords(checked.message.words[locale] ?? {}, locale);
    }),
  );
  return () => offs.forEach((off) => off());
}
