/**
 * The public command API's vocabulary: `{command, args}` as other tools send it (prices as
 * decimal numbers in the show's currency) turned into the machine's commands (minor units).
 * Pure; the controller's command server does the sending and the acks.
 */
import { toMinor } from '../money';
import { POLL_COMMANDS } from '../poll/decide';
import type { ShowCommandInput } from '../show/commands';
import { refusal, type Refusal } from '../show/refusal';

/** Commands the controller answers itself rather than passing to the show machine. */
export const QUERY_COMMANDS = [
  'state.get',
  'report.get',
  'runsheet.load',
  'orders.import',
  'show.advice',
] as const;
export type QueryCommand = (typeof QUERY_COMMANDS)[number];

export const SHOW_COMMANDS = [
  'show.start',
  'show.next',
  'show.prev',
  'show.goto',
  'show.pause',
  'show.resume',
  'show.end',
  'deal.start',
  'deal.extend',
  'deal.end',
  'sale',
  'sale.undo',
  'sale.cancel',
  'stock.set',
  'viewers',
  'lowerThird.show',
  'lowerThird.hide',
  'cue',
  'show.replan',
  'marker.add',
] as const;

/** The live room's events (POST /api/audience through the relay): counted, not logged. */
export const ROOM_COMMANDS = ['room.events'] as const;

/**
 * Every command the controller answers, in the order the README's table lists them: the one
 * registry the "Known commands" sentence is built from, so a new command cannot be missing
 * from it. (Closing cards have no command: they follow the show by themselves.)
 */
export const API_COMMANDS = [
  ...SHOW_COMMANDS,
  ...POLL_COMMANDS,
  ...ROOM_COMMANDS,
  ...QUERY_COMMANDS,
] as const;

export type ApiTranslation =
  | { ok: true; kind: 'show'; command: ShowCommandInput }
  | { ok: true; kind: 'query'; command: QueryCommand; args: Record<string, unknown> }
  | Refusal;

const showOrQuery = new Set<string>([...SHOW_COMMANDS, ...QUERY_COMMANDS]);

export function isQuery(command: string): command is QueryCommand {
  return (QUERY_COMMANDS as readonly string[]).includes(command);
}

/**
 * Translates an API command. Argument validation beyond prices is left to the machine's zod
 * schema (`parseCommand`), so a bad argument gets the same located message as anywhere else.
 */
export function translateApiCommand(
  command: string,
  args: Record<string, unknown> | undefined,
  currency: string | null,
): ApiTranslation {
  if ((API_COMMANDS as readonly string[]).includes(command) && !showOrQuery.has(command))
    // Poll and room commands are answered before this translation (controller/api): one that
    // reaches it has no handler on this controller (a tool or test wired without one).
    return refusal(`"${command}" is not answered by this controller.`, 'command_unavailable', {
      command,
    });
  if (!showOrQuery.has(command)) {
    const list = API_COMMANDS.join(', ');
    return refusal(
      `Unknown command "${command.slice(0, 64)}". Known commands: ${list}.`,
      'unknown_command',
      {
        command: command.slice(0, 64),
        known: list,
      },
    );
  }
  const a = { ...(args ?? {}) };
  if (isQuery(command)) return { ok: true, kind: 'query', command, args: a };
  if ((command === 'deal.start' || command === 'sale') && a.price !== undefined) {
    if (currency === null)
      return refusal(
        `No show is loaded: load a run sheet before ${command === 'sale' ? 'recording a sale' : 'starting a deal'}.`,
        command === 'sale' ? 'no_show_sale' : 'no_show_deal',
      );
    if (typeof a.price !== 'number')
      return refusal(`price must be a number in ${currency}, e.g. 99.5.`, 'price_number', {
        currency,
      });
    const minor = toMinor(a.price, currency);
    if (minor === null)
      return refusal(
        `price ${a.price} is not an amount in ${currency} (not negative, at most the currency's decimals).`,
        'price_amount',
        { price: a.price, currency },
      );
    a.price = minor;
  }
  // The command names the type: a `type` among the args must not turn a cue into show.end.
  return { ok: true, kind: 'show', command: { ...a, type: command } as ShowCommandInput };
}
