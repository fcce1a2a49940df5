/**
 * The controller's sending end: a full view on every change, again on a heartbeat, and at
 * once to any page that says hello — so a reloaded, hidden or late overlay is right within
 * one heartbeat. Framework-free; the controller's wiring module starts and stops it.
 */
import {
  APP,
  PROTOCOL_VERSION,
  parseMessage,
  type AssetMessage,
  type ViewMessage,
} from './messages';
import { isAssetRef } from '../view/assets';
import type { Transport } from './transport';
import { helloThrottle } from './helloThrottle';
import type { OverlayView } from '../view/overlayView';
import { trace } from '../perf/trace';

export interface PublisherOptions {
  transports: Transport[];
  showId: string;
  /** The current view at `now` (wall-clock ms, the machine's time base). */
  view: (now: number) => OverlayView;
  /** Events in the show's log so far: never goes back within a term. */
  logSeq: () => number;
  /** The show's term (raised by each takeover); 1 when omitted. */
  term?: () => number;
  now?: () => number;
  heartbeatMs?: number;
  session?: string;
  /** The uploaded image behind an `asset:` reference in a view. */
  asset?: (ref: string) => string | undefined;
}

export interface ViewPublisher {
  publish(): ViewMessage;
  setTransports(transports: Transport[]): void;
  stop(): void;
  readonly sent: number;
}

export const HEARTBEAT_MS = 1000;
/** Hellos that arrive within this long of an answered one share one answer, sent at its end. */
export const HELLO_WINDOW_MS = 200;
/** Pages that cannot say hello (inside OBS) get the current image again this often. */
export const ASSET_REFRESH_MS = 30_000;

export function createViewPublisher(options: PublisherOptions): ViewPublisher {
  const now = options.now ?? Date.now;
  const session = options.session ?? `c-${Math.random().toString(36).slice(2, 10)}`;
  let n = 0;
  let transports: Transport[] = [];
  let unsubscribers: Array<() => void> = [];
  let assetsSent = new Set<string>();

  const sendAsset = (ref: string | null | undefined) => {
    if (!ref || !isAssetRef(ref) || assetsSent.has(ref)) return;
    const data = options.asset?.(ref);
    if (!data) return;
    assetsSent.add(ref);
    const message: AssetMessage = { app: APP, v: PROTOCOL_VERSION, kind: 'asset', ref, data };
    for (const t of transports) t.send(message);
  };

  const publish = (): ViewMessage => {
    n += 1;
    const message: ViewMessage = {
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'view',
      showId: options.showId,
      session,
      term: options.term?.() ?? 1,
      logSeq: options.logSeq(),
      n,
      view: options.view(now()),
    };
    trace('select');
    sendAsset(message.view.product?.image);
    for (const t of transports) t.send(message);
    trace('publish');
    return message;
  };

  const hellos = helloThrottle(() => {
    assetsSent = new Set();
    publish();
  }, HELLO_WINDOW_MS);

  const setTransports = (next: Transport[]) => {
    unsubscribers.forEach((u) => u());
    transports = next;
    unsubscribers = next.map((t) =>
      t.subscribe((data) => {
        const parsed = parseMessage(data);
        // A backup (`remote`) says hello every second as its heartbeat to the primary and
        // rebuilds its show from the log, never from views: no view for it.
        if (!parsed.ok || parsed.message.kind !== 'hello' || parsed.message.role === 'remote')
          return;
        hellos.hello();
      }),
    );
  };

  setTransports(options.transports);
  const timer = setInterval(publish, options.heartbeatMs ?? HEARTBEAT_MS);
  const assetTimer = setInterval(() => (assetsSent = new Set()), ASSET_REFRESH_MS);

  return {
    publish,
    setTransports(next) {
      setTransports(next);
      assetsSent = new Set(); // a new transport (OBS came back) has seen nothing yet
    },
    stop() {
      clearInterval(timer);
      hellos.stop();
      clearInterval(assetTimer);
      unsubscribers.forEach((u) => u());
    },
    get sent() {
      return n;
    },
  };
}
