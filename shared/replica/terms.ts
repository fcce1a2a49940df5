/**
 * Terms: who wrote which part of a show's log. The primary controller writes in a term; a
 * backup that takes over starts the next term at the seq after the last entry it mirrored.
 * Two controllers that disagree settle it here, without a round of votes: the higher term
 * leads, a tie goes to the smaller device id, and the loser's entries past the point where
 * the two logs part are its orphans — handed to the leader as commands, never dropped
 * silently. Pure: the controller's replica module does the I/O.
 */
import type { ShowCommandInput, ShowEvent } from '../show';

export interface TermStart {
  term: number;
  /** The first seq written in this term. */
  startSeq: number;
  /** The device that wrote it: two backups that took over at once share a term number, never a device. */
  device: string;
}

export interface Claim {
  term: number;
  device: string;
}

/** The log of a new show: term 1 from seq 1, written by the device that created it. */
export function firstTerms(device: string): TermStart[] {
  return [{ term: 1, startSeq: 1, device }];
}

/**
 * The history of a show row or file that held only its current term (before the one term
 * field): term 1 is the empty history; a higher term (never stored without its history, but
 * kept if found) starts at seq 1 on an unknown device.
 */
export function termsFromCurrent(term: unknown): TermStart[] {
  return typeof term === 'number' && term > 1 ? [{ term, startSeq: 1, device: '' }] : [];
}

/** Does claim `a` lead over `b`? Higher term first, then the smaller device id. */
export function leads(a: Claim, b: Claim): boolean {
  if (a.term !== b.term) return a.term > b.term;
  return a.device < b.device;
}

/** The term that wrote `seq` according to `terms` (sorted by startSeq). */
export function termAt(terms: readonly TermStart[], seq: number): TermStart | undefined {
  let found: TermStart | undefined;
  for (const t of terms) {
    if (t.startSeq > seq) break;
    found = t;
  }
  return found;
}

const sameWriter = (a: TermStart | undefined, b: TermStart | undefined) =>
  !!a && !!b && a.term === b.term && a.device === b.device;

/** The current term: the last one started. */
export function currentTerm(terms: readonly TermStart[]): number {
  return terms.at(-1)?.term ?? 1;
}

/** The terms after `device` takes over: the new term starts right after the last entry held. */
export function takeOver(
  terms: readonly TermStart[],
  lastSeq: number,
  seenTerm: number,
  device: string,
): TermStart[] {
  const term = Math.max(currentTerm(terms), seenTerm) + 1;
  // A term that never wrote (it starts past the log) is superseded by the new one.
  const kept = terms.filter((t) => t.startSeq <= lastSeq);
  return [...kept, { term, startSeq: lastSeq + 1, device }];
}

/** Are the histories well formed: terms rising, start seqs rising, starting at seq 1? */
export function validTerms(terms: readonly TermStart[]): boolean {
  if (!terms.length || terms[0]!.startSeq !== 1) return false;
  for (let i = 1; i < terms.length; i += 1) {
    if (terms[i]!.term <= terms[i - 1]!.term || terms[i]!.startSeq <= terms[i - 1]!.startSeq)
      return false;
  }
  return true;
}

/**
 * The first seq at which a local log (`mine`, `myLastSeq` entries) stops agreeing with the
 * leader's history (`theirs`): entries from there on are orphans. Returns `myLastSeq + 1`
 * when every local entry is part of the leader's log (nothing to hand over). Two logs agree
 * on an entry when the same term of the same device wrote it: one term, one writer, one
 * entry per seq. Entries past the leader's last heartbeat that its own term wrote are not
 * orphans: they are simply newer than that heartbeat.
 */
export function divergence(
  mine: readonly TermStart[],
  myLastSeq: number,
  theirs: readonly TermStart[],
): number {
  const points = new Set<number>([1]);
  for (const t of mine) points.add(t.startSeq);
  for (const t of theirs) points.add(t.startSeq);
  let first = myLastSeq + 1;
  for (const p of points) {
    if (p > myLastSeq) continue;
    if (!sameWriter(termAt(mine, p), termAt(theirs, p))) first = Math.min(first, p);
  }
  return first;
}

export interface OrphanEntry {
  /** The command id it is handed over under: its own, or one derived from where it was logged. */
  id: string;
  seq: number;
  event: ShowEvent;
}

/** The command id for an orphan: the original when it had one, else its term and seq. */
export function orphanId(
  showId: string,
  term: number,
  seq: number,
  commandId: string | null,
): string {
  return commandId ?? `recovered:${showId.slice(0, 64)}:${term}:${seq}`;
}

export interface Recovery {
  /** Sales to send to the leader, each with a command id so it is applied once. */
  resend: Array<{ commandId: string; command: ShowCommandInput }>;
  /** What is not carried over, in words for the producer. */
  dropped: string[];
}

/**
 * What an orphaned stretch of log turns into. Sales are what must never be lost: each is
 * re-sent as a sale command under its original command id (or one derived from its place in
 * the log), so sending it twice, or to a leader that already took the same command from a
 * tool, still counts it once. An undo cancels the orphan sale before it. Show flow, deals,
 * stock, viewers and cues are the producer's decisions on a device that was no longer on air:
 * the leader has made its own since, so they are listed, not replayed.
 */
export function recoverOrphans(orphans: readonly OrphanEntry[]): Recovery {
  const resend: Recovery['resend'] = [];
  const dropped: string[] = [];
  for (const { id, event } of orphans) {
    if (event.type === 'sale') {
      resend.push({
        commandId: id,
        command: {
          type: 'sale',
          productId: event.productId,
          quantity: event.quantity,
          ...(event.buyer ? { buyer: event.buyer } : {}),
        },
      });
    } else if (event.type === 'sale.undo' && resend.length) {
      resend.pop();
    } else {
      dropped.push(describeEvent(event));
    }
  }
  return { resend, dropped };
}

function describeEvent(event: ShowEvent): string {
  switch (event.type) {
    case 'show.goto':
      return `go to segment ${event.index + 1}`;
    case 'deal.start':
      return 'start a flash deal';
    case 'stock.set':
      return `set stock of ${event.productId} to ${event.remaining}`;
    case 'cue':
      return `cue "${event.text}"`;
    case 'sale.undo':
      return 'undo a sale made before the takeover';
    default:
      return event.type;
  }
}
