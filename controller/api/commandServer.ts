/**
 * The primary controller's answer to the command API: any transport may carry
 * `{app:'flashcue', v:1, kind:'command', id, command, args}`; each gets exactly one ack on
 * the transport it came from. Show commands take the same path as a click (LiveSession.send
 * with the command id, so a re-sent id is answered again, never applied twice).
 */
import {
  APP,
  INTAKE_SENDER,
  type AcksMessage,
  PROTOCOL_VERSION,
  parseMessage,
  type AckMessage,
  type CommandMessage,
} from '../../shared/protocol/messages';
import {
  ROOM_COMMANDS,
  translateApiCommand,
  type QueryCommand,
} from '../../shared/protocol/commandApi';
import type { Transport } from '../../shared/protocol/transport';
import type { ShowCommandInput } from '../../shared/show';
import type { DispatchResult } from '../show/showRunner';
import { refusalText } from '../i18n/refusal';
import { commandThrew } from '../show/runnerErrors';
import { isPollCommand, type Decision, type PollCommandName } from '../../shared/poll/decide';
import type { Refusal } from '../../shared/show/refusal';

export interface CommandTarget {
  /**
   * Whether to answer a command that came on `transport`. A backup controller answers only
   * tools in its own browser (passing their commands on to the primary); on shared transports
   * the primary answers, and a backup stays silent rather than ack twice.
   */
  answers?(transport: Transport): boolean;
  currency(): string | null;
  send(command: ShowCommandInput, options: { commandId: string }): Promise<DispatchResult>;
  query(
    command: QueryCommand,
    args: Record<string, unknown>,
    id: string,
  ): Promise<{ ok: true; result: unknown } | Refusal>;
  /** `room.events` (POST /api/audience via the relay): the live room, counted, not logged. */
  room?(args: unknown): { ok: true; result: unknown } | { ok: false; error: string };
  /** `poll.*` and `giveaway.*` (controller/poll): logged in the show's poll log. */
  poll?(command: PollCommandName, args: unknown): Decision;
}

export interface CommandServerStats {
  answered: number;
  refused: number;
  ignored: number;
}

/** Query answers remembered by id, so a re-sent runsheet.load is not loaded twice. */
const REMEMBER = 200;

export function createCommandServer(transports: Transport[], target: CommandTarget) {
  const stats: CommandServerStats = { answered: 0, refused: 0, ignored: 0 };
  const answers = new Map<string, Promise<AckMessage>>();

  const ack = (
    id: string,
    body: { ok: true; result?: unknown } | { ok: false; error: string },
  ): AckMessage => ({
    app: APP,
    v: PROTOCOL_VERSION,
    kind: 'ack',
    id,
    ...body,
  });

  async function answer(message: CommandMessage): Promise<AckMessage> {
    if (message.command === ROOM_COMMANDS[0] && target.room)
      return ack(message.id, target.room(message.args));
    if (isPollCommand(message.command) && target.poll) {
      const decided = target.poll(message.command, message.args);
      return decided.ok
        ? ack(message.id, { ok: true, result: { events: decided.events } })
        : ack(message.id, { ok: false, error: refusalText(decided) });
    }
    const translated = translateApiCommand(message.command, message.args, target.currency());
    // A refusal's sentence follows the controller's language; the ack's fields never change.
    if (!translated.ok) return ack(message.id, { ok: false, error: refusalText(translated) });
    if (translated.kind === 'query') {
      const result = await target.query(translated.command, translated.args, message.id);
      return ack(message.id, result.ok ? result : { ok: false, error: refusalText(result) });
    }
    const result = await target.send(translated.command, { commandId: message.id });
    return result.ok
      ? ack(message.id, {
          ok: true,
          result: {
            seq: result.seq,
            event: result.event,
            ...(result.duplicate ? { duplicate: true } : {}),
          },
        })
      : ack(message.id, { ok: false, error: refusalText(result) });
  }

  /**
   * A load is remembered from the moment it starts, so the same id re-sent while the first is
   * still being saved waits for that answer instead of loading the sheet twice. Show commands
   * are de-duplicated by the show's log (one at a time, ids unique). A command that throws
   * still gets its ack, never an unhandled rejection.
   */
  function answerOnce(message: CommandMessage): Promise<AckMessage> {
    const earlier = answers.get(message.id);
    if (earlier) return earlier;
    const reply = answer(message).catch((error: unknown) =>
      ack(message.id, { ok: false, error: refusalText(commandThrew(error)) }),
    );
    // A poll command has no show log to de-duplicate it: remembered here like a load.
    if (message.command === 'runsheet.load' || isPollCommand(message.command)) {
      answers.set(message.id, reply);
      if (answers.size > REMEMBER) answers.delete(answers.keys().next().value!);
      // A refused poll command changed nothing: the same id sent again is decided again (as a
      // refused show command is, since only the log de-duplicates), e.g. a draw retried until
      // the giveaway's window has ended.
      if (message.command !== 'runsheet.load')
        void reply.then((r) => {
          if (!r.ok && answers.get(message.id) === reply) answers.delete(message.id);
        });
    }
    return reply;
  }

  const listen = (transport: Transport) =>
    transport.subscribe((data) => {
      const parsed = parseMessage(data);
      if (!parsed.ok) {
        if (parsed.reason === 'invalid') stats.ignored += 1;
        return;
      }
      if (parsed.message.kind !== 'command') return;
      if (target.answers?.(transport) === false) return;
      const batched = parsed.message.sender === INTAKE_SENDER;
      void answerOnce(parsed.message).then((reply) => {
        if (reply.ok) stats.answered += 1;
        else stats.refused += 1;
        if (batched) sendBatched(transport, reply);
        else transport.send(reply);
      });
    });

  /** Acks for the order intake that are ready together go as one `acks` message. */
  const batches = new Map<Transport, AckMessage[]>();
  function sendBatched(transport: Transport, reply: AckMessage): void {
    const waiting = batches.get(transport);
    if (waiting) return void waiting.push(reply);
    batches.set(transport, [reply]);
    queueMicrotask(() => {
      const acks = batches.get(transport) ?? [];
      batches.delete(transport);
      for (let i = 0; i < acks.length; i += 500) {
        const message: AcksMessage = {
          app: APP,
          v: PROTOCOL_VERSION,
          kind: 'acks',
          acks: acks
            .slice(i, i + 500)
            .map(({ id, ok, result, error }) => ({ id, ok, result, error })),
        };
        transport.send(message);
      }
    });
  }
  let unsubscribers = transports.map(listen);

  return {
    stats: () => ({ ...stats }),
    /** Listens on a new set of transports (OBS connected or gone). */
    setTransports(next: Transport[]) {
      unsubscribers.forEach((u) => u());
      unsubscribers = next.map(listen);
    },
    stop: () => unsubscribers.forEach((u) => u()),
  };
}
