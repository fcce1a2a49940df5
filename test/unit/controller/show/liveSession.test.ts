/**
 * Work per sale on the live session (issue 13 §3): one view per transport, then the change
 * listeners (the OBS scene switch, room, polls) once — after the view is out, not before it
 * for each of the two snapshots an applied event makes — and one view selection for the
 * screen and the scene switcher together.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Clock } from '../../../../controller/app/clock.svelte';
import type { Notices } from '../../../../controller/app/notices.svelte';
import { createShow } from '../../../../controller/db/eventLog';
import { LiveSession } from '../../../../controller/show/liveSession.svelte';
import type { Transport } from '../../../../shared/protocol/transport';
import { openTestDb } from '../../../support/db';
import { makeSheet } from '../../../support/sheets';

const sessions: LiveSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

describe('one sale on the live session', () => {
  test('one view sent, then the change listeners once; the view selected once for its readers', async () => {
    const db = openTestDb();
    const order: string[] = [];
    const wire: Transport = {
      name: 'test',
      send: (message) => order.push(`send:${(message as { kind: string }).kind}`),
      subscribe: () => () => undefined,
      close: () => undefined,
    };
    const clock = { now: Date.now() } as Clock;
    const notices = { error: vi.fn() } as unknown as Notices;
    const live = new LiveSession(db, clock, notices, [wire]);
    sessions.push(live);
    const show = await createShow(db, makeSheet());
    await live.open(show.id);
    for (const type of ['show.start', 'show.next'] as const)
      expect(await live.send({ type })).toMatchObject({ ok: true });
    await Promise.resolve();
    live.onChange(() => order.push('changed'));
    order.length = 0;

    expect(await live.send({ type: 'sale', quantity: 2 })).toMatchObject({ ok: true });
    await new Promise((ok) => setTimeout(ok, 0));
    expect(order).toEqual(['send:view', 'changed']);
    // The screen's read and the scene switcher's read of the same snapshot and clock tick share one view.
    expect(live.view).toBe(live.view);
    const before = live.view;
    clock.now += 250;
    expect(live.view).not.toBe(before);
  });
});
