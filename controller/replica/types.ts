/**
 * The words the two sides of the replica share: a device, what each side is told when it
 * starts, the backup's view of its primary, and the counters tests and the UI read.
 */
import type { PrimaryMessage } from '../../shared/protocol/messages';
import type { TermStart } from '../../shared/replica/terms';
import type { ShowCommandInput } from '../../shared/show';
import type { EventRow, ShowRow } from '../db/db';
import type { PollCopyChange } from './pollCopy';

/** A primary not heard for this long is shown as silent; the producer may take over. */
export const SILENT_AFTER_MS = 3000;

/** One browser among the show's controllers. */
export interface Device {
  id: string;
  name: string;
}

export interface ReplicaStats {
  /** Controller-to-controller messages that failed validation or came from an unknown writer. */
  refused: number;
  syncsAnswered: number;
  syncsDropped: number;
  entriesMirrored: number;
}

/** What the primary's side needs to know about the show it runs. */
export interface PrimaryOptions {
  showId: string;
  title: () => string;
  terms: () => readonly TermStart[];
  lastSeq: () => number;
  phase: () => 'ready' | 'live' | 'ended';
  /** How far the show's poll log runs here (its heartbeat tells the backups). */
  pollSeq?: () => number;
  /** A higher claim was heard for this show: step down and become its backup. */
  onDeposed: (primary: PrimaryMessage) => void;
}

/** What the backup's side reports while it copies the primary's log. */
export interface BackupOptions {
  showId: string;
  /** The local log changed: entries appended (in order), or cut back (`reset`). */
  onLog: (change: { added: EventRow[]; reset: boolean }) => void;
  /** The show's frozen sheet arrived (a backup that had none). */
  onShow: (show: ShowRow) => void;
  /** The copied poll log changed: entries appended in order, or the copy started again. */
  onPolls?: (change: PollCopyChange) => void;
  /** Orphans handed over or not carried over, in words for the producer. */
  onHandover: (summary: { handedOver: number; dropped: string[] }) => void;
}

/** How a backup sees its primary. */
export interface BackupStatus {
  showId: string;
  primary: PrimaryMessage | null;
  /** ms since the primary was last heard (null: never heard). */
  silentMs: number | null;
  lastSeq: number;
  hasShow: boolean;
}

/** A backup's way to reach the primary's command API (controller/replica/commandClient.ts). */
export type CommandSender = (command: {
  commandId: string;
  command: ShowCommandInput;
}) => Promise<{ ok: boolean; error?: string }>;
