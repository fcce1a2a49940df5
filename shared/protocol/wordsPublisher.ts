/**
 * Sends the producer's custom words to every overlay: at once when they change (so previews
 * follow as the producer types), to any page that says hello, and on a heartbeat for pages
 * inside OBS, which hear through obs-browser's one-way `emit_event` and cannot say hello. A
 * few hundred bytes: far less than the views sent every second. Framework-free; the
 * controller's wiring module starts it. Independent of any show: the words belong to the look.
 */
import type { WordsByLang } from '../i18n/words';
import { APP, PROTOCOL_VERSION, parseMessage, type WordsMessage } from './messages';
import type { Transport } from './transport';
import { helloThrottle } from './helloThrottle';
import { HELLO_WINDOW_MS } from './viewPublisher';

export const WORDS_HEARTBEAT_MS = 3000;

export interface WordsPublisher {
  /** Sends the current words now (they changed, or OBS asked for a re-send). */
  publish(): void;
  setTransports(transports: Transport[]): void;
  stop(): void;
}

export function createWordsPublisher(options: {
  transports: Transport[];
  words: () => WordsByLang;
  heartbeatMs?: number;
}): WordsPublisher {
  let transports: Transport[] = [];
  let offs: Array<() => void> = [];
  const publish = () => {
    const message: WordsMessage = {
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'words',
      words: options.words(),
    };
    for (const t of transports) t.send(message);
  };
  const hellos = helloThrottle(publish, HELLO_WINDOW_MS);
  const setTransports = (next: Transport[]) => {
    offs.forEach((off) => off());
    transports = next;
    offs = next.map((t) =>
      t.subscribe((data) => {
        const parsed = parseMessage(data);
        if (parsed.ok && parsed.message.kind === 'hello' && parsed.message.role === 'overlay')
          hellos.hello();
      }),
    );
  };
  setTransports(options.transports);
  const timer = setInterval(publish, options.heartbeatMs ?? WORDS_HEARTBEAT_MS);
  return {
    publish,
    setTransports,
    stop() {
      clearInterval(timer);
      hellos.stop();
      offs.forEach((off) => off());
    },
  };
}
