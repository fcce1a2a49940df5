/** The live actor: started from a snapshot with its timers re-armed, and fed accepted events. */
import { createActor } from 'xstate';
import { showMachine } from './showMachine';
import type { ShowActor, ShowClock, ShowSnapshot } from './snapshot';
import type { ShowEvent } from './types';

/**
 * Starts a live actor from a snapshot (fresh or replayed) and re-arms its timers from the
 * deadlines in context: XState does not restore delayed transitions by itself.
 */
export function startShowActor(
  snapshot: ShowSnapshot,
  options: { clock?: ShowClock; now?: () => number } = {},
): ShowActor {
  const actor = createActor(showMachine, {
    snapshot,
    input: { sheet: snapshot.context.sheet },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  actor.start();
  const clock = options.clock;
  const now = options.now ?? (clock?.now ? () => clock.now!() : Date.now);
  actor.send({ type: 'clock.sync', at: now() });
  return actor;
}

/** Settles the live actor to the event's moment, then applies the event. */
export function applyToActor(actor: ShowActor, event: ShowEvent): void {
  actor.send({ type: 'clock.sync', at: event.at });
  actor.send(event);
}
