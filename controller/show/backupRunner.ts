/**
 * The show as a backup controller holds it: the same machine, rebuilt from the copied log,
 * with commands going to the primary instead of into a local log. It has the ShowRunner's
 * shape, so the live screen works the same on either device.
 */
import {
  applyToActor,
  replay,
  startShowActor,
  type ShowActor,
  type ShowSnapshot,
} from '../../shared/show';
import type { EventRow, FlashcueDb } from '../db/db';
import { getShow, loadEvents, UnknownShowError } from '../db/eventLog';
import type { DispatchResult, ShowRunner } from './showRunner';
import type { CommandReply } from '../replica/commandClient';
import { refusal } from '../../shared/show/refusal';

export interface BackupRunner extends ShowRunner {
  /** The copied log changed: apply the new entries, or rebuild after a cut. */
  applyLog(change: { added: EventRow[]; reset: boolean }): Promise<void>;
}

export async function createBackupRunner(options: {
  db: FlashcueDb;
  showId: string;
  send: (command: unknown, commandId: string) => Promise<CommandReply>;
  clock?: () => number;
}): Promise<BackupRunner> {
  const { db, showId } = options;
  const now = options.clock ?? Date.now;
  const show = await getShow(db, showId);
  if (!show) throw new UnknownShowError(showId);
  const listeners = new Set<(snapshot: ShowSnapshot) => void>();
  const emit = (snapshot: ShowSnapshot) => listeners.forEach((l) => l(snapshot));
  let applied = 0;
  let actor: ShowActor;
  let subscription: { unsubscribe(): void };

  const rebuild = async () => {
    const rows = await loadEvents(db, showId);
    subscription?.unsubscribe();
    actor?.stop();
    actor = startShowActor(
      replay(
        show.sheet,
        rows.map((r) => r.event),
      ),
      { now },
    );
    subscription = actor.subscribe(emit);
    applied = rows.at(-1)?.seq ?? 0;
  };
  await rebuild();
  let stopped = false;

  return {
    showId,
    async dispatch(command, { commandId } = {}): Promise<DispatchResult> {
      if (stopped) return refusal('This show is no longer open here.', 'sw_show_closed');
      const reply = await options.send(command, commandId ?? crypto.randomUUID());
      return reply;
    },
    getSnapshot: () => actor.getSnapshot(),
    logSeq: () => applied,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async applyLog({ added: all, reset }) {
      if (stopped) return;
      // Entries the runner was built with already are skipped; a gap or a cut rebuilds it.
      const added = all.filter((row) => row.seq > applied);
      if (reset || added.some((row, i) => row.seq !== applied + 1 + i)) {
        await rebuild();
        emit(actor.getSnapshot());
        return;
      }
      for (const row of added) {
        applied = row.seq; // before the apply: the snapshot it emits reflects this entry
        applyToActor(actor, row.event);
      }
    },
    stop() {
      stopped = true;
      subscription.unsubscribe();
      listeners.clear();
      actor.stop();
    },
  };
}
