/**
 * The shape both small side publishers share (the custom words, the room's screens): send a
 * message at once when asked, to a page that says hello (throttled), and on a heartbeat for
 * pages inside OBS, which hear through a one-way channel and cannot say hello.
 */
import { parseMessage, type HelloMessage } from './messages';
import type { Transport } from './transport';
import { helloThrottle } from './helloThrottle';
import { HELLO_WINDOW_MS } from './viewPublisher';

export interface RepeatingPublisher {
  /** Sends the current message now (it changed, or OBS asked for a re-send). */
  publish(): void;
  setTransports(transports: Transport[]): void;
  stop(): void;
}

export function createRepeatingPublisher(options: {
  transports: Transport[];
  message: () => unknown;
  /** Which hellos get an answer (by the page's role). */
  answers: (role: HelloMessage['role']) => boolean;
  heartbeatMs: number;
}): RepeatingPublisher {
  let transports: Transport[] = [];
  let offs: Array<() => void> = [];
  const publish = () => {
    const message = options.message();
    for (const t of transports) t.send(message);
  };
  const hellos = helloThrottle(publish, HELLO_WINDOW_MS);
  const setTransports = (next: Transport[]) => {
    offs.forEach((off) => off());
    transports = next;
    offs = next.map((t) =>
      t.subscribe((data) => {
        const parsed = parseMessage(data);
        if (parsed.ok && parsed.message.kind === 'hello' && options.answers(parsed.message.role))
          hellos.hello();
      }),
    );
  };
  setTransports(options.transports);
  const timer = setInterval(publish, options.heartbeatMs);
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
