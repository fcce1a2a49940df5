/**
 * The show file's log checked as the show itself would have run it: order, uniqueness, status,
 * then a replay through the machine's own decisions (split from archive.ts, which reads the
 * file's shape). Each problem carries a code (controller message `imp_<code>`) and its values.
 */
import type { RunSheet } from '../../shared/runsheet';
import { decideAt, initialSnapshot, parseCommand, step, type ShowEvent } from '../../shared/show';
import { located, type LocatedError } from '../../shared/validation';
import type { ShowRow } from '../db/db';

export interface ArchivedEvent {
  seq: number;
  commandId: string | null;
  event: ShowEvent;
}

/** What the log check reads of a show file. */
interface LoggedShow {
  show: Pick<ShowRow, 'status' | 'startedAt' | 'endedAt'>;
  sheet: RunSheet;
  events: ArchivedEvent[];
}

/** Where an event is, in words: "events[4] (seq 5, sale)". */
const where = (i: number, e: ArchivedEvent) => `events[${i}] (seq ${e.seq}, ${e.event.type})`;

/** Order, uniqueness, status, then a replay through the machine's own decisions. */
export function checkLog(archive: LoggedShow): LocatedError[] {
  const { events, show } = archive;
  const errors: LocatedError[] = [];
  const commandIds = new Set<string>();
  events.forEach((e, i) => {
    if (e.seq !== i + 1) {
      const seen = events.findIndex((o) => o.seq === e.seq);
      const at = `events[${i}].seq`;
      errors.push(
        seen < i
          ? located(
              at,
              `is ${e.seq}, which events[${seen}] already has: every event needs its own number`,
              'arch_seq_taken',
              { seq: e.seq, other: `events[${seen}]` },
            )
          : located(
              at,
              `is ${e.seq} where ${i + 1} was expected: the log must run 1, 2, 3… with no gaps`,
              'arch_seq_gap',
              { seq: e.seq, expected: i + 1 },
            ),
      );
    }
    if (i > 0 && e.event.at < events[i - 1]!.event.at) {
      errors.push({
        path: `events[${i}].event.at`,
        message: `is earlier than the event before it: a show log never runs backwards`,
        code: 'arch_backwards',
      });
    }
    if (e.commandId !== null) {
      if (commandIds.has(e.commandId))
        errors.push({
          path: `events[${i}].commandId`,
          message: `"${e.commandId}" is used by an earlier event`,
          code: 'arch_command_reused',
          params: { id: e.commandId },
        });
      commandIds.add(e.commandId);
    }
  });
  if (errors.length) return errors;

  const start = events.find((e) => e.event.type === 'show.start')?.event.at ?? null;
  const end = events.find((e) => e.event.type === 'show.end')?.event.at ?? null;
  if (show.status === 'live') {
    errors.push({
      path: 'show.status',
      message:
        'is "live": the file was saved while the show was on air. End the show, then export it again',
      code: 'arch_live',
    });
  } else if (show.status === 'ready' && start !== null) {
    const message = 'is "ready", but the log starts the show';
    errors.push({ path: 'show.status', message, code: 'arch_ready_started' });
  } else if (end !== null && show.status !== 'ended') {
    const message = `is "${show.status}", but the log ends the show`;
    errors.push(located('show.status', message, 'arch_not_ended', { status: show.status }));
  }
  if (start !== show.startedAt)
    errors.push({
      path: 'show.startedAt',
      message: `does not match the log's show.start (${start ?? 'none'})`,
      ...(start === null ? { code: 'arch_start_none' } : { code: 'arch_start', params: { start } }),
    });
  if (end !== null && end !== show.endedAt)
    errors.push(
      located('show.endedAt', `does not match the log's show.end (${end})`, 'arch_end', { end }),
    );
  if (errors.length) return errors;

  // Each logged event must be one the show would have accepted at that moment.
  let snapshot = initialSnapshot(archive.sheet);
  for (const [i, entry] of events.entries()) {
    const command = parseCommand(commandOf(entry.event));
    if (!command.ok) {
      return command.errors.map((e) => ({
        ...e,
        path: `${where(i, entry)}${e.path === '(top level)' ? '' : `.${e.path}`}`,
      }));
    }
    const decision = decideAt(snapshot, command.value, entry.event.at);
    if (!decision.ok) {
      // The refusal's own code travels as `of` with its values, worded by the controller.
      const { error, code, params } = decision;
      const of = code ? { of: code, ...params } : {};
      const message = `could not have happened: ${error}`;
      return [located(where(i, entry), message, 'arch_impossible', { reason: error, ...of })];
    }
    snapshot = step(snapshot, entry.event);
  }
  return [];
}

/** The command that, accepted, logs this event (defaults given explicitly). */
function commandOf(event: ShowEvent): Record<string, unknown> {
  const { at: _at, ...rest } = event;
  const defined = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
  switch (rest.type) {
    case 'deal.start':
      return defined({
        type: rest.type,
        productId: rest.productId,
        price: rest.price,
        seconds: rest.seconds,
        quantity: rest.quantity,
      });
    case 'sale': {
      // The order's placed time is the command's `at` (the event's own `at` is its arrival).
      const { placedAt, ...sale } = rest;
      return defined({ ...sale, at: placedAt });
    }
    case 'viewers':
      return defined(rest);
    case 'marker.add':
      // decide fills in the show time, segment and product; the command carries the rest.
      return defined({ type: rest.type, label: rest.label, recordMs: rest.recordMs });
    default:
      return rest;
  }
}
