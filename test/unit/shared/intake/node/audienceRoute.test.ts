// POST /api/audience over real HTTP, with the stand-in primary controller on the relay.
import { afterEach, describe, expect, test } from 'vitest';
import {
  fakePrimary,
  startIntake,
  type FakePrimary,
  type Running,
} from '../../../../support/intakeServer';
import { waitFor } from '../../../../support/relay';

let running: Running | undefined;
let primary: FakePrimary | undefined;
afterEach(async () => {
  primary?.stop();
  primary = undefined;
  await running?.close();
  running = undefined;
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${running!.base}/api/audience`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const auth = () => ({ authorization: `Bearer ${running!.intake.store.get().token}` });
const events = {
  events: [
    { type: 'viewers', count: 312 },
    { type: 'chat', user: { id: 'ann', name: '<b>Ann</b>' }, text: 'how much?' },
    { type: 'emote', id: 7 },
  ],
};

describe('POST /api/audience', () => {
  test('a wrong or missing token is 401, and nothing reaches the controller', async () => {
    running = await startIntake();
    primary = await fakePrimary(running.relayUrl);
    await waitFor(() => running!.intake.forwarder.liveShow(), 2000, 'the primary heartbeat');
    expect((await post(events)).status).toBe(401);
    expect((await post(events, { authorization: 'Bearer nope' })).status).toBe(401);
    expect(primary.commands).toEqual([]);
  });

  test('a wrong shape is 400 saying where; no live show is 503', async () => {
    running = await startIntake();
    const bad = await post({ events: [{ type: 'viewers', count: 'lots' }] }, auth());
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('events[0].count');
    expect((await post(events, auth())).status).toBe(503);
  });

  test('events reach the primary as one room.events command; unknown types are counted', async () => {
    running = await startIntake();
    primary = await fakePrimary(running.relayUrl);
    await waitFor(() => running!.intake.forwarder.liveShow(), 2000, 'the primary heartbeat');
    const res = await post(events, auth());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ taken: 2, ignored: 1 });
    expect(primary.commands).toHaveLength(1);
    expect(primary.commands[0]).toMatchObject({
      command: 'room.events',
      args: {
        events: [
          { type: 'viewers', count: 312 },
          { type: 'chat', user: { id: 'ann', name: '<b>Ann</b>' }, text: 'how much?' },
        ],
      },
    });
  });
});
