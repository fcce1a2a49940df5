/**
 * Snapshots are values: once handed out (to the UI, a report, a subscriber) nothing changes
 * them, however the show goes on — even though replay grows its private working context in
 * place (shared/show/owned.ts).
 */
import fc from 'fast-check';
import { SimulatedClock } from 'xstate';
import { describe, expect, test } from 'vitest';
import {
  applyToActor,
  parseCommand,
  replay,
  startShowActor,
  type ShowCommandInput,
  type ShowEvent,
  type ShowSnapshot,
} from '../../../../shared/show';
import { runParameters, session } from '../../../support/commandArbitraries';
import { drive, T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const sheet = makeSheet();

/** Every snapshot the actor hands out, with a deep copy taken the moment it was handed out. */
function keep(handed: Array<[ShowSnapshot, unknown]>, snapshot: ShowSnapshot) {
  handed.push([snapshot, structuredClone(snapshot.context)]);
}

function expectUnchanged(handed: Array<[ShowSnapshot, unknown]>) {
  for (const [snapshot, copy] of handed) expect(snapshot.context).toEqual(copy);
}

/** Resumes a live actor from `snapshot` and applies `events` to it, keeping what it hands out. */
function resume(
  snapshot: ShowSnapshot,
  events: ShowEvent[],
  handed: Array<[ShowSnapshot, unknown]>,
) {
  const clock = new SimulatedClock();
  clock.set(snapshot.context.now || T0);
  const actor = startShowActor(snapshot, { clock });
  actor.subscribe((s) => keep(handed, s));
  for (const event of events) applyToActor(actor, event);
  const last = actor.getSnapshot();
  actor.stop();
  return last;
}

describe('a snapshot handed out is never changed later', () => {
  test('a busy show: replayed, resumed live, replayed again', () => {
    const s = drive(sheet);
    s.ok({ type: 'show.start' });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'deal.start', seconds: 60, quantity: 5 });
    for (let i = 0; i < 4; i++) s.ok({ type: 'sale', buyer: `b${i}` });
    s.ok({ type: 'viewers', concurrent: 120 });
    s.ok({ type: 'sale.undo' });
    s.advance(61_000);
    s.ok({ type: 'stock.set', productId: 'lamp', remaining: 7 });
    s.ok({ type: 'show.next' });
    s.ok({ type: 'sale', productId: 'lamp', quantity: 2 });
    const log = s.log.slice();
    const half = Math.floor(log.length / 2);

    const early = replay(sheet, log.slice(0, half));
    const earlyCopy = structuredClone(early.context);
    const handed: Array<[ShowSnapshot, unknown]> = [[early, earlyCopy]];
    const resumed = resume(early, log.slice(half), handed);
    // The resumed live show is the one replay rebuilds, and replaying again touches nothing.
    const full = replay(sheet, log);
    expect(resumed.context).toEqual(full.context);
    keep(handed, full);
    resume(
      full,
      [{ type: 'sale', productId: 'lamp', quantity: 1, buyer: null, at: full.context.now + 1000 }],
      handed,
    );
    expect(handed.length).toBeGreaterThan(log.length - half);
    expectUnchanged(handed);
  });

  test('each change gives the changed lists a new identity (the UI relies on it)', () => {
    const s = drive(sheet);
    s.ok({ type: 'show.start' });
    const start = replay(sheet, s.log);
    const clock = new SimulatedClock();
    clock.set(T0);
    const actor = startShowActor(start, { clock });
    const before = actor.getSnapshot().context;
    applyToActor(actor, { type: 'sale', productId: 'buds', quantity: 1, buyer: null, at: T0 + 1 });
    applyToActor(actor, { type: 'viewers', concurrent: 10, unique: null, at: T0 + 2 });
    applyToActor(actor, { type: 'show.next', at: T0 + 3 });
    const after = actor.getSnapshot().context;
    actor.stop();
    expect(after.sales).not.toBe(before.sales);
    expect(after.stock).not.toBe(before.stock);
    expect(after.viewerSamples).not.toBe(before.viewerSamples);
    expect(after.history).not.toBe(before.history);
    expect(before.sales).toEqual([]);
    expect(before.history).toHaveLength(1);
    expect(before.history[0]!.endedAt).toBeNull();
  });

  test('for random sessions: live snapshots, replayed prefixes and actors resumed from them', () => {
    fc.assert(
      fc.property(session(), fc.nat(), (steps, pick) => {
        const s = drive(sheet);
        const handed: Array<[ShowSnapshot, unknown]> = [];
        s.actor.subscribe((snapshot) => keep(handed, snapshot));
        for (const { ms, command } of steps) {
          s.advance(ms);
          if (parseCommand(command).ok) s.run(command as ShowCommandInput);
        }
        const k = s.log.length === 0 ? 0 : pick % (s.log.length + 1);
        const prefix = replay(sheet, s.log.slice(0, k));
        keep(handed, prefix);
        resume(prefix, s.log.slice(k), handed);
        keep(handed, replay(sheet, s.log, s.now()));
        expectUnchanged(handed);
      }),
      runParameters(100),
    );
  });
});
