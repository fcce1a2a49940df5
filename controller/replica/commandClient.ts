/**
 * A backup controller's way to act: each command goes to the primary through the public
 * command API (the same path Streamer.bot takes) under a command id, and resolves with the
 * primary's ack. The id makes re-sending safe: the primary answers a known id from its log
 * instead of applying it again.
 */
import {
  APP,
  PROTOCOL_VERSION,
  parseMessage,
  type CommandMessage,
} from '../../shared/protocol/messages';
import type { Transport } from '../../shared/protocol/transport';
import type { ShowCommandInput, ShowEvent } from '../../shared/show';
import { toMajor } from '../../shared/money';
import { refusal, type Refusal } from '../../shared/show/refusal';

export const ACK_TIMEOUT_MS = 4000;
/** A command not yet answered is sent again (same id: applied once) this often, for a message lost on the way. */
export const RESEND_MS = 1000;

export type CommandReply = { ok: true; seq: number; event: ShowEvent; duplicate?: true } | Refusal;

export interface CommandClient {
  send(
    request: { commandId: string; command: ShowCommandInput },
    currency: string | null,
  ): Promise<CommandReply>;
  setTransports(transports: Transport[]): void;
  close(): void;
}

export function createCommandClient(sender: string, timeoutMs = ACK_TIMEOUT_MS): CommandClient {
  let transports: Transport[] = [];
  let unsubscribers: Array<() => void> = [];
  const waiting = new Map<string, Array<(reply: CommandReply) => void>>();

  const onData = (data: unknown) => {
    const parsed = parseMessage(data);
    if (!parsed.ok || parsed.message.kind !== 'ack') return;
    const ack = parsed.message;
    const resolvers = waiting.get(ack.id);
    if (!resolvers) return;
    waiting.delete(ack.id);
    const result = ack.result as
      { seq?: unknown; event?: ShowEvent; duplicate?: unknown } | undefined;
    const reply: CommandReply = ack.ok
      ? typeof result?.seq === 'number' && result.event
        ? {
            ok: true,
            seq: result.seq,
            event: result.event,
            ...(result.duplicate === true ? { duplicate: true as const } : {}),
          }
        : refusal('The primary answered without a logged event.', 'sw_primary_no_event')
      : ack.error
        ? // The primary's own sentence, already in its producer's language.
          { ok: false, error: ack.error }
        : refusal('The primary refused the command.', 'sw_primary_refused');
    resolvers.forEach((resolve) => resolve(reply));
  };

  return {
    send({ commandId, command }, currency) {
      const { type, ...args } = command as ShowCommandInput & Record<string, unknown>;
      // The API takes prices in the show's currency, as a tool would send them.
      if ((type === 'deal.start' || type === 'sale') && typeof args.price === 'number' && currency)
        args.price = toMajor(args.price, currency);
      const message: CommandMessage = {
        app: APP,
        v: PROTOCOL_VERSION,
        kind: 'command',
        id: commandId,
        command: type,
        args,
        sender,
      };
      return new Promise<CommandReply>((resolve) => {
        const resend = setInterval(() => {
          for (const t of transports) t.send(message);
        }, RESEND_MS);
        const timer = setTimeout(() => {
          clearInterval(resend);
          const list = waiting.get(commandId)?.filter((r) => r !== done);
          if (list?.length) waiting.set(commandId, list);
          else waiting.delete(commandId);
          resolve(
            refusal(
              `The primary controller did not answer in ${timeoutMs / 1000} s: check its OBS link, or take over.`,
              'sw_primary_silent',
              { seconds: timeoutMs / 1000 },
            ),
          );
        }, timeoutMs);
        const done = (reply: CommandReply) => {
          clearTimeout(timer);
          clearInterval(resend);
          resolve(reply);
        };
        waiting.set(commandId, [...(waiting.get(commandId) ?? []), done]);
        for (const t of transports) t.send(message);
      });
    },
    setTransports(next) {
      unsubscribers.forEach((u) => u());
      transports = next;
      unsubscribers = next.map((t) => t.subscribe(onData));
    },
    close() {
      unsubscribers.forEach((u) => u());
      unsubscribers = [];
    },
  };
}
