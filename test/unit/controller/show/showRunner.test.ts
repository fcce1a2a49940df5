import { IDBFactory } from 'fake-indexeddb';
import { SimulatedClock } from 'xstate';
import { describe, expect, test } from 'vitest';
import type { FlashcueDb } from '../../../../controller/db/db';
import { createShow, getShow, loadEvents } from '../../../../controller/db/eventLog';
import { createShowRunner } from '../../../../controller/show/showRunner';
import { replay, showState } from '../../../../shared/show';
import { beforeEventWrite, failEventWrites, openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

/** A runner on a SimulatedClock whose `clock` reads the same time, like the driver's. */
async function open(db: FlashcueDb, showId: string, at: number) {
  const scheduler = new SimulatedClock();
  scheduler.set(at);
  const runner = await createShowRunner({ db, showId, scheduler, clock: () => scheduler.now() });
  const ok = async (command: unknown, commandId?: string) => {
    const result = await runner.dispatch(command, commandId ? { commandId } : {});
    if (!result.ok) throw new Error(`refused: ${result.error}`);
    return result;
  };
  return { runner, scheduler, ok, ctx: () => runner.getSnapshot().context };
}

async function freshShow(factory = new IDBFactory()) {
  const db = openTestDb(factory);
  const show = await createShow(db, makeSheet(), { now: T0 });
  return { db, show, factory };
}

describe('dispatch', () => {
  test('accepted commands are logged with their seq, then applied; refusals log nothing', async () => {
    const { db, show } = await freshShow();
    const s = await open(db, show.id, T0);
    expect(await s.runner.dispatch({ type: 'show.next' })).toEqual({
      ok: false,
      error: 'Start the show before you move to the next segment.',
      code: 'need_start',
      params: { action: 'next' },
    });
    expect(await s.runner.dispatch({ type: 'show.start' })).toEqual({
      ok: true,
      event: { type: 'show.start', at: T0 },
      seq: 1,
    });
    expect(showState(s.runner.getSnapshot()).phase).toBe('live');
    expect(await getShow(db, show.id)).toMatchObject({ status: 'live', startedAt: T0 });
    expect((await loadEvents(db, show.id)).map((r) => r.event.type)).toEqual(['show.start']);
  });

  test('a malformed command is answered with one sentence naming each problem', async () => {
    const { db, show } = await freshShow();
    const s = await open(db, show.id, T0);
    expect(await s.runner.dispatch({ type: 'deal.start', seconds: 0, price: -1 })).toEqual({
      ok: false,
      error: 'Not a valid command: price must not be negative; seconds must be at least 1 second.',
      // The code + params the controller words in its own language (controller/i18n).
      code: 'invalid_command',
      params: {
        n: 2,
        path0: 'price',
        message0: 'must not be negative',
        path1: 'seconds',
        message1: 'must be at least 1 second',
      },
    });
    expect(await s.runner.dispatch({ type: 'teleport' })).toMatchObject({
      ok: false,
      error: 'Not a valid command: type is not a command Flashcue knows.',
      code: 'invalid_command',
    });
    expect(await s.runner.dispatch(42)).toMatchObject({
      ok: false,
      error: 'Not a valid command: it is not a command Flashcue knows.',
      code: 'invalid_command',
    });
    expect(await db.events.count()).toBe(0);
  });

  test('concurrent dispatches are decided one after another, never against the same snapshot', async () => {
    const { db, show } = await freshShow();
    const s = await open(db, show.id, T0);
    await s.ok({ type: 'show.start' });
    await s.ok({ type: 'show.goto', index: 3 });
    // Five masks in stock: fired together, exactly five single orders may be accepted.
    const results = await Promise.all(
      Array.from({ length: 12 }, () => s.runner.dispatch({ type: 'sale' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && /sold out/.test(r.error))).toBe(true);
    expect(results.flatMap((r) => (r.ok ? [r.seq] : []))).toEqual([3, 4, 5, 6, 7]);
    expect(s.ctx().stock.mask).toBe(0);
  });

  test('a repeated commandId gets the earlier answer and is not applied again, even after a reload', async () => {
    const { db, show, factory } = await freshShow();
    const s = await open(db, show.id, T0);
    await s.ok({ type: 'show.start' });
    await s.ok({ type: 'show.goto', index: 3 });
    const first = await s.runner.dispatch({ type: 'sale', quantity: 2 }, { commandId: 'sd-1' });
    s.scheduler.increment(1_000);
    const again = await s.runner.dispatch({ type: 'sale', quantity: 2 }, { commandId: 'sd-1' });
    expect(again).toEqual(first);
    expect(s.ctx().stock.mask).toBe(3);
    // A refused command id is answered with the same refusal.
    const refused = await s.runner.dispatch({ type: 'sale', quantity: 9 }, { commandId: 'sd-2' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/Only 3/) });
    expect(await s.runner.dispatch({ type: 'sale', quantity: 1 }, { commandId: 'sd-2' })).toEqual(
      refused,
    );
    s.runner.stop();
    db.close();
    const reloaded = await open(openTestDb(factory), show.id, T0 + 2_000);
    expect(
      await reloaded.runner.dispatch({ type: 'sale', quantity: 2 }, { commandId: 'sd-1' }),
    ).toEqual(first);
    expect(reloaded.ctx().stock.mask).toBe(3);
  });

  test('a failed write refuses the command and leaves the snapshot and the log untouched', async () => {
    // The failing storage layer goes in before the database opens (Dexie builds its stack then).
    const db = openTestDb();
    let full = false;
    failEventWrites(db, () => full);
    const show = await createShow(db, makeSheet(), { now: T0 });
    const s = await open(db, show.id, T0);
    await s.ok({ type: 'show.start' });
    await s.ok({ type: 'show.next' });
    const before = s.runner.getSnapshot();
    const seen: unknown[] = [];
    s.runner.subscribe((snapshot) => seen.push(snapshot));
    full = true;
    s.scheduler.increment(1_000);
    expect(await s.runner.dispatch({ type: 'sale', quantity: 2 })).toEqual({
      ok: false,
      error:
        'Could not save sale to the show log: The quota has been exceeded. Nothing was recorded.',
      code: 'store_not_saved',
      params: { event: 'sale', reason: 'The quota has been exceeded' },
    });
    expect(s.runner.getSnapshot()).toBe(before);
    expect(s.runner.logSeq()).toBe(2);
    expect(seen).toEqual([]);
    expect((await loadEvents(db, show.id)).map((r) => r.seq)).toEqual([1, 2]);
    // Once space is back, the same command goes through with the next seq.
    full = false;
    expect(await s.runner.dispatch({ type: 'sale', quantity: 2 })).toMatchObject({
      ok: true,
      seq: 3,
    });
    expect(s.ctx().stock.buds).toBe(98);
  });

  test('a deal deadline passing while a command is being saved does not change what it did', async () => {
    // The sale is decided 5 ms before the deadline; the write takes 10 ms, so the live timer
    // closes the deal before the sale is applied. The actor must still match the log.
    const db = openTestDb();
    let slow = false;
    // The write hook is set before the runner (and its clock) exists.
    const clock: { scheduler?: SimulatedClock } = {};
    beforeEventWrite(db, () => void (slow && clock.scheduler!.increment(10)));
    const show = await createShow(db, makeSheet(), { now: T0 });
    const s = await open(db, show.id, T0);
    clock.scheduler = s.scheduler;
    await s.ok({ type: 'show.start' });
    await s.ok({ type: 'show.next' });
    await s.ok({ type: 'deal.start', seconds: 60 });
    s.scheduler.increment(59_995);
    const heard: unknown[] = [];
    s.runner.subscribe((snapshot) => heard.push(snapshot));
    slow = true;
    await s.ok({ type: 'sale', quantity: 2 });
    slow = false;
    expect(heard.at(-1)).toBe(s.runner.getSnapshot());
    expect(s.ctx().sales[0]).toMatchObject({
      priceKind: 'deal',
      unitPrice: 14900,
      at: T0 + 59_995,
    });
    const rows = await loadEvents(db, show.id);
    const replayed = replay(
      makeSheet(),
      rows.map((r) => r.event),
      s.scheduler.now(),
    );
    expect(s.runner.getSnapshot().value).toEqual(replayed.value);
    expect(s.ctx()).toEqual({ ...replayed.context, now: s.ctx().now });
    // The restarted actor still runs deal timers.
    await s.ok({ type: 'deal.start', seconds: 10 });
    s.scheduler.increment(10_000);
    expect(s.ctx().deals.map((d) => d.endReason)).toEqual(['expired', 'expired']);
  });

  test('logSeq is the log position the snapshot reflects: set when an event is applied, kept across a reload', async () => {
    const { db, show, factory } = await freshShow();
    const s = await open(db, show.id, T0);
    expect(s.runner.logSeq()).toBe(0);
    const seen: number[] = [];
    s.runner.subscribe(() => seen.push(s.runner.logSeq()));
    await s.ok({ type: 'show.start' });
    await s.ok({ type: 'show.next' });
    expect(s.runner.logSeq()).toBe(2);
    // Every snapshot a subscriber hears already carries its event's seq.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.slice(0, seen.lastIndexOf(1) + 1).every((seq) => seq === 1)).toBe(true);
    expect(seen.at(-1)).toBe(2);
    await s.runner.dispatch({ type: 'show.goto', index: 99 });
    expect(s.runner.logSeq()).toBe(2);
    s.runner.stop();
    db.close();
    const reloaded = await open(openTestDb(factory), show.id, T0 + 1_000);
    expect(reloaded.runner.logSeq()).toBe(2);
  });

  test('a stopped runner refuses further commands', async () => {
    const { db, show } = await freshShow();
    const s = await open(db, show.id, T0);
    s.runner.stop();
    expect(await s.runner.dispatch({ type: 'show.start' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/reload/),
    });
    expect(await db.events.count()).toBe(0);
  });

  test('an unknown show cannot be opened', async () => {
    await expect(createShowRunner({ db: openTestDb(), showId: 'ghost' })).rejects.toThrow(
      'There is no show "ghost"',
    );
  });
});

describe('reload', () => {
  /** Start, move to the buds slot, start a 60 s deal at +10 s, sell at +30 s. */
  async function midDeal() {
    const { db, show, factory } = await freshShow();
    const s = await open(db, show.id, T0);
    await s.ok({ type: 'show.start' });
    await s.ok({ type: 'show.next' });
    s.scheduler.increment(10_000);
    await s.ok({ type: 'deal.start', seconds: 60 });
    s.scheduler.increment(20_000);
    await s.ok({ type: 'sale', quantity: 3 }, 'c-sale');
    return { db, show, factory, s };
  }

  test('a new runner on the reopened database resumes with an identical context and deadline', async () => {
    const { db, show, factory, s } = await midDeal();
    const live = s.runner.getSnapshot();
    s.runner.stop();
    db.close();
    const r = await open(openTestDb(factory), show.id, s.scheduler.now());
    expect(r.runner.getSnapshot().context).toEqual(live.context);
    expect(r.runner.getSnapshot().value).toEqual(live.value);
    expect(r.ctx().deal?.endsAt).toBe(T0 + 70_000);
  });

  test('after a mid-deal reload, the deal still ends at its original deadline', async () => {
    const { db, show, factory, s } = await midDeal();
    s.runner.stop();
    db.close();
    const r = await open(openTestDb(factory), show.id, T0 + 45_000);
    r.scheduler.increment(24_999);
    expect(r.runner.getSnapshot().matches({ live: { deal: 'running' } })).toBe(true);
    r.scheduler.increment(1);
    expect(r.runner.getSnapshot().matches({ live: { deal: 'idle' } })).toBe(true);
    expect(r.ctx().deals).toMatchObject([{ endReason: 'expired', endedAt: T0 + 70_000, sold: 3 }]);
    // A sale now is at the live price, and the log goes on from seq 5.
    expect(await r.ok({ type: 'sale' })).toMatchObject({ seq: 5 });
    expect(r.ctx().sales.at(-1)).toMatchObject({ priceKind: 'live', unitPrice: 19900 });
  });

  test('reopened long after the deadline, the deal is closed at the deadline, not at the reload', async () => {
    const { db, show, factory, s } = await midDeal();
    s.runner.stop();
    db.close();
    const r = await open(openTestDb(factory), show.id, T0 + 10 * 60_000);
    expect(r.ctx().deal).toBeNull();
    expect(r.ctx().deals).toMatchObject([{ endReason: 'expired', endedAt: T0 + 70_000 }]);
    const rows = await loadEvents(openTestDb(factory), show.id);
    expect(
      replay(
        makeSheet(),
        rows.map((x) => x.event),
        T0 + 10 * 60_000,
      ).context,
    ).toEqual(r.ctx());
  });

  test('subscribers hear accepted commands and the deal timer', async () => {
    const { db, show } = await freshShow();
    const s = await open(db, show.id, T0);
    const phases: string[] = [];
    const off = s.runner.subscribe((snapshot) => phases.push(JSON.stringify(snapshot.value)));
    await s.ok({ type: 'show.start' });
    await s.ok({ type: 'show.next' });
    await s.ok({ type: 'deal.start', seconds: 5 });
    s.scheduler.increment(5_000);
    off();
    await s.ok({ type: 'deal.start', seconds: 5 });
    expect(phases.at(-1)).toContain('"deal":"idle"');
    expect(phases.some((p) => p.includes('"deal":"running"'))).toBe(true);
  });
});
