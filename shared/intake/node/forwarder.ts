/**
 * The intake's side of the relay: orders go to the primary controller as command-API
 * messages injected into the relay (shared/relay/server.ts), and the controller's acks come
 * back the same way. The primary's heartbeat (`primary`, every second) says whether a show
 * is running: without one, the door answers 503 at once instead of waiting for acks that
 * will never come. A backup controller never answers relay commands (README "backup
 * controller"), so each order gets exactly one ack, from the primary.
 */
import { APP, INTAKE_SENDER, PROTOCOL_VERSION, parseMessage } from '../../protocol/messages.js';
import type { OrderCommand } from '../door.js';
import { outcomeOf, type AckLike, type OrderOutcome } from '../outcome.js';

export interface RelayLink {
  inject(message: object): void;
  listen(listener: (message: unknown) => void): () => void;
}

export interface LiveShow {
  showId: string;
  title: string;
  phase: 'ready' | 'live' | 'ended';
  term: number;
}

export interface ForwarderOptions {
  /** An order unanswered this long is reported unanswered (the sender retries). */
  ackTimeoutMs?: number;
  /** A primary silent this long is gone (it beats every second). */
  primaryStaleMs?: number;
  now?: () => number;
}

export interface Forwarder {
  /** The show the primary is running, or null: nobody to take orders. */
  liveShow(): LiveShow | null;
  forward(commands: OrderCommand[]): Promise<OrderOutcome[]>;
  stop(): void;
}

/** Command ids the primary said "ok" to, remembered so a resend is reported as a duplicate. */
const REMEMBER_OK = 100_000;

export function createForwarder(relay: RelayLink, options: ForwarderOptions = {}): Forwarder {
  const ackTimeoutMs = options.ackTimeoutMs ?? 5000;
  const staleMs = options.primaryStaleMs ?? 3500;
  const now = options.now ?? (() => Date.now());
  const waiting = new Map<string, Array<(ack: AckLike) => void>>();
  const okIds = new Set<string>();
  let primary: (LiveShow & { heardAt: number }) | null = null;

  const stopListening = relay.listen((data) => {
    const parsed = parseMessage(data);
    if (!parsed.ok) return;
    const message = parsed.message;
    if (message.kind === 'ack' || message.kind === 'acks') {
      for (const ack of message.kind === 'ack' ? [message] : message.acks) {
        const waiters = waiting.get(ack.id);
        if (!waiters) continue;
        waiting.delete(ack.id);
        for (const resolve of waiters) resolve(ack);
      }
    } else if (message.kind === 'primary') {
      // A stale primary from before a takeover must not win over the new one's term.
      const fresh = primary && now() - primary.heardAt < staleMs;
      if (fresh && primary!.term > message.term) return;
      primary = {
        showId: message.showId,
        title: message.title,
        phase: message.phase,
        term: message.term,
        heardAt: now(),
      };
    }
  });

  const liveShow = (): LiveShow | null => {
    if (!primary || now() - primary.heardAt >= staleMs || primary.phase !== 'live') return null;
    const { heardAt: _heardAt, ...show } = primary;
    return show;
  };

  const ackFor = (command: OrderCommand): Promise<AckLike | null> =>
    new Promise((resolve) => {
      let done = false;
      const finish = (ack: AckLike | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(ack);
      };
      const timer = setTimeout(() => {
        const list = waiting.get(command.id);
        const left = list?.filter((w) => w !== finish) ?? [];
        if (left.length) waiting.set(command.id, left);
        else waiting.delete(command.id);
        finish(null);
      }, ackTimeoutMs);
      waiting.set(command.id, [...(waiting.get(command.id) ?? []), finish]);
      relay.inject({
        app: APP,
        v: PROTOCOL_VERSION,
        kind: 'command',
        id: command.id,
        command: command.command,
        args: command.args,
        // Also asks the primary for its acks in batches (`acks`): see AcksMessage.
        sender: INTAKE_SENDER,
        origin: 'flashcue-intake',
      });
    });

  async function forward(commands: OrderCommand[]): Promise<OrderOutcome[]> {
    // All in flight at once: the controller queues them in order (one writer) and each ack
    // comes back on its own.
    const acks = await Promise.all(commands.map(ackFor));
    return commands.map((command, i) => {
      const ack = acks[i] ?? null;
      const seenBefore = okIds.has(command.id);
      if (ack?.ok) {
        okIds.add(command.id);
        if (okIds.size > REMEMBER_OK) okIds.delete(okIds.values().next().value!);
      }
      return outcomeOf(command.orderId, ack, seenBefore);
    });
  }

  return {
    liveShow,
    forward,
    stop: () => {
      stopListening();
      for (const list of waiting.values())
        for (const resolve of list) resolve({ ok: false, error: 'The server is stopping.' });
      waiting.clear();
    },
  };
}
