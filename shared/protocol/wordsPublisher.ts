/**
 * Sends the producer's custom words to every overlay: at once when they change (so previews
 * follow as the producer types), to any page that says hello, and on a heartbeat for pages
 * inside OBS, which hear through obs-browser's one-way `emit_event` and cannot say hello. A
 * few hundred bytes: far less than the views sent every second. Framework-free; the
 * controller's wiring module starts it. Independent of any show: the words belong to the look.
 */
import type { WordsByLang } from '../i18n/words';
import { APP, PROTOCOL_VERSION, type WordsMessage } from './messages';
import type { Transport } from './transport';
import { createRepeatingPublisher, type RepeatingPublisher } from './repeatingPublisher';

export const WORDS_HEARTBEAT_MS = 3000;

export type WordsPublisher = RepeatingPublisher;

export function createWordsPublisher(options: {
  transports: Transport[];
  words: () => WordsByLang;
  heartbeatMs?: number;
}): WordsPublisher {
  return createRepeatingPublisher({
    transports: options.transports,
    message: (): WordsMessage => ({
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'words',
      words: options.words(),
    }),
    answers: (role) => role === 'overlay',
    heartbeatMs: options.heartbeatMs ?? WORDS_HEARTBEAT_MS,
  });
}
