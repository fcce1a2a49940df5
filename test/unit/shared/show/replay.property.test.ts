/**
 * The promise the event log rests on: replaying the logged events rebuilds exactly the show
 * the live actor ran, timers included. On failure fast-check prints `{ seed, path }`; rerun
 * with FC_SEED=<seed> FC_PATH=<path> to replay that case (smallest counterexample first);
 * FC_RUNS=5000 hunts longer.
 */
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { SimulatedClock } from 'xstate';
import { describe, expect, test } from 'vitest';
import { appendEvent, createShow, loadEvents } from '../../../../controller/db/eventLog';
import { createShowRunner } from '../../../../controller/show/showRunner';
import {
  parseCommand,
  replay,
  type ShowCommandInput,
  type ShowSnapshot,
} from '../../../../shared/show';
import { runParameters, session, type Step } from '../../../support/commandArbitraries';
import { openTestDb } from '../../../support/db';
import { drive, T0 } from '../../../support/driver';
import { makeSheet, withSkus } from '../../../support/sheets';

// SKUs on the earbuds: the generated orders name products by seller and platform SKU too.
const sheet = makeSheet(withSkus);

/**
 * Runs a session through the live actor the way the controller does; malformed commands never
 * log. `after[i]` is the live snapshot right after log[i] was applied.
 */
function runLive(steps: Step[], tailMs: number) {
  const s = drive(sheet);
  const after: ShowSnapshot[] = [];
  for (const { ms, command } of steps) {
    s.advance(ms);
    if (!parseCommand(command).ok) {
      const logged = s.log.length;
      expect(() => s.run(command as ShowCommandInput)).toThrow(/bad command/);
      expect(s.log.length).toBe(logged);
      continue;
    }
    if (s.run(command as ShowCommandInput).ok) after.push(s.snapshot());
  }
  s.advance(tailMs);
  return { ...s, after };
}

/**
 * Replay settled to `now` against the live actor. The live context's `now` is the last moment
 * it was told about (an event or a timer), while replay is settled to the clock, so `now` is
 * compared on its own; everything else, the deal closed by the timer included, must match.
 */
function expectSameShow(replayed: ShowSnapshot, live: ShowSnapshot, now: number) {
  expect(replayed.value).toEqual(live.value);
  expect(replayed.context).toEqual({ ...live.context, now: replayed.context.now });
  expect(replayed.context.now).toBe(Math.max(now, live.context.now));
}

/** A couple of seconds normally; a long hunt (FC_RUNS) gets all the time it needs. */
const timeout = process.env.FC_RUNS ? 3_600_000 : 30_000;

const tail = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 * 60_000 }));

describe('replay equals the live show', () => {
  test('for random sessions on the live actor (200+ runs)', { timeout }, () => {
    let accepted = 0;
    let expired = 0;
    let frozen = 0;
    fc.assert(
      fc.property(session(), tail, fc.nat(), (steps, tailMs, pick) => {
        const s = runLive(steps, tailMs);
        accepted += s.log.length;
        expired += s.ctx().deals.filter((d) => d.endReason === 'expired').length;
        frozen += s.ctx().deals.filter((d) => d.frozenMs > 0).length;
        expectSameShow(replay(sheet, s.log, s.now()), s.snapshot(), s.now());
        // Any prefix of the log rebuilds the live show as it was right after that event.
        if (s.log.length > 0) {
          const k = 1 + (pick % s.log.length);
          const then = s.after[k - 1]!;
          const rebuilt = replay(sheet, s.log.slice(0, k));
          expect(rebuilt.value).toEqual(then.value);
          expect(rebuilt.context).toEqual(then.context);
        }
      }),
      runParameters(250),
    );
    // The generator must reach the interesting cases, or the property proves little.
    // (Typical totals over 250 runs: ~2 300 events, ~170 expired deals, ~10 frozen ones.)
    if (!process.env.FC_PATH && !process.env.FC_RUNS) {
      expect(accepted).toBeGreaterThan(1_500);
      expect(expired).toBeGreaterThan(50);
      expect(frozen).toBeGreaterThan(0);
    }
  });

  test('through the Dexie log: append every event, reopen, load, replay', { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(session(40), tail, async (steps, tailMs) => {
        const s = runLive(steps, tailMs);
        const factory = new IDBFactory();
        const db = openTestDb(factory);
        const show = await createShow(db, sheet, { now: T0 });
        for (const event of s.log) await appendEvent(db, show.id, event);
        db.close();
        const reopened = openTestDb(factory);
        const rows = await loadEvents(reopened, show.id);
        reopened.close();
        expect(rows.map((r) => r.seq)).toEqual(s.log.map((_, i) => i + 1));
        expectSameShow(
          replay(
            sheet,
            rows.map((r) => r.event),
            s.now(),
          ),
          s.snapshot(),
          s.now(),
        );
      }),
      runParameters(60),
    );
  });

  test(
    'the show runner answers like the live actor, and a reloaded runner resumes it',
    { timeout },
    async () => {
      await fc.assert(
        fc.asyncProperty(session(30), async (steps) => {
          const live = drive(sheet);
          const factory = new IDBFactory();
          const show = await createShow(openTestDb(factory), sheet, { now: T0 });
          const scheduler = new SimulatedClock();
          scheduler.set(T0);
          const runner = await createShowRunner({
            db: openTestDb(factory),
            showId: show.id,
            scheduler,
            clock: () => scheduler.now(),
          });
          for (const { ms, command } of steps) {
            live.advance(ms);
            scheduler.increment(ms);
            const expected = parseCommand(command).ok
              ? live.run(command as ShowCommandInput)
              : null;
            const got = await runner.dispatch(command);
            // A repeated order id: the runner answers with the first one's result.
            const duplicate = !!expected && !expected.ok && !!expected.duplicate;
            expect(got.ok).toBe((expected?.ok ?? false) || duplicate);
            if (duplicate && got.ok) expect(got.duplicate).toBe(true);
            if (expected && !expected.ok && !got.ok) expect(got.error).toBe(expected.error);
            if (expected?.ok && got.ok) expect(got.event).toEqual(expected.event);
          }
          expect(runner.getSnapshot().context).toEqual(live.ctx());
          runner.stop();
          const reloaded = await createShowRunner({
            db: openTestDb(factory),
            showId: show.id,
            scheduler,
            clock: () => scheduler.now(),
          });
          expectSameShow(reloaded.getSnapshot(), live.snapshot(), live.now());
          reloaded.stop();
        }),
        runParameters(40),
      );
    },
  );
});
