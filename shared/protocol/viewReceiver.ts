/**
 * The receiving end of view messages, for overlays and the host view: validates, orders,
 * and maps remaining times onto this machine's monotonic clock. Framework-free; a page wraps
 * it in a small runes class. Validation is messageCheck.ts (the catalogue's rules without zod,
 * so an overlay page stays small).
 */
import { APP, PROTOCOL_VERSION } from './envelope';
import { checkViewMessage } from './messageCheck';
import type { ViewMessage } from './messages';
import type { Transport } from './transport';
import type { OverlayView } from '../view/overlayView';

export interface ReceivedView {
  view: OverlayView;
  /** performance.now() when it arrived: remaining times count from here. */
  receivedAt: number;
  showId: string;
}

export interface ReceiverStats {
  accepted: number;
  foreign: number;
  invalid: number;
  stale: number;
  /** Kinds this receiver does not know (added to the protocol later): ignored. */
  unknown: number;
}

export interface ViewReceiver {
  current(): ReceivedView | null;
  /** An uploaded image received as an asset message, by the reference views carry. */
  asset(ref: string): string | undefined;
  subscribe(listener: (received: ReceivedView) => void): () => void;
  stats(): ReceiverStats;
  close(): void;
}

export interface ReceiverOptions {
  transports: Transport[];
  role?: 'overlay' | 'host' | 'remote';
  now?: () => number;
  /** Pin to one show; by default the newest show heard wins. */
  showId?: string;
}

/**
 * A session that has sent nothing accepted for this long (over three heartbeats) no longer
 * holds the page. Otherwise one forged or mis-replayed view with a huge logSeq would make the
 * real controller's views "stale" for the rest of the show, freezing the overlay on air.
 */
export const SILENT_SESSION_MS = 3_500;

/**
 * Is `next` newer than `last`? A higher term wins (a backup took over); within a term logSeq
 * never goes back; `n` orders sends of one session.
 */
export function isNewer(last: ViewMessage | null, next: ViewMessage): boolean {
  if (!last || last.showId !== next.showId) return true;
  const lastTerm = last.term ?? 1;
  const nextTerm = next.term ?? 1;
  if (nextTerm !== lastTerm) return nextTerm > lastTerm;
  if (next.logSeq !== last.logSeq) return next.logSeq > last.logSeq;
  return next.session !== last.session || next.n > last.n;
}

export function createViewReceiver(options: ReceiverOptions): ViewReceiver {
  const now = options.now ?? (() => performance.now());
  const stats: ReceiverStats = { accepted: 0, foreign: 0, invalid: 0, stale: 0, unknown: 0 };
  const listeners = new Set<(received: ReceivedView) => void>();
  const sender = `${options.role ?? 'overlay'}-${Math.random().toString(36).slice(2, 10)}`;
  let last: ViewMessage | null = null;
  let current: ReceivedView | null = null;
  const assets = new Map<string, string>();
  const ASSETS_KEPT = 16;

  const onData = (data: unknown) => {
    const parsed = checkViewMessage(data);
    if (!parsed.ok) {
      stats[parsed.reason] += 1;
      return;
    }
    const message = parsed.message;
    if (message.kind === 'asset') {
      if (assets.get(message.ref) === message.data) return;
      assets.delete(message.ref);
      assets.set(message.ref, message.data);
      if (assets.size > ASSETS_KEPT) assets.delete(assets.keys().next().value!);
      if (current) for (const listener of listeners) listener(current);
      return;
    }
    if (message.kind !== 'view') return; // commands, acks and hellos are for others
    const heldBySilentSession =
      last !== null &&
      message.session !== last.session &&
      now() - (current?.receivedAt ?? 0) > SILENT_SESSION_MS;
    if (
      (options.showId && message.showId !== options.showId) ||
      !(isNewer(last, message) || heldBySilentSession)
    ) {
      stats.stale += 1;
      return;
    }
    last = message;
    stats.accepted += 1;
    current = { view: message.view, receivedAt: now(), showId: message.showId };
    for (const listener of listeners) listener(current);
  };

  const unsubscribers = options.transports.map((t) => t.subscribe(onData));
  const hello = {
    app: APP,
    v: PROTOCOL_VERSION,
    kind: 'hello',
    sender,
    role: options.role ?? 'overlay',
  };
  for (const t of options.transports) t.send(hello);

  return {
    current: () => current,
    asset: (ref) => assets.get(ref),
    subscribe(listener) {
      listeners.add(listener);
      if (current) listener(current);
      return () => listeners.delete(listener);
    },
    stats: () => ({ ...stats }),
    close() {
      unsubscribers.forEach((u) => u());
      listeners.clear();
    },
  };
}
