// The Euler Stream link on the server, against the stand-in (test/support/fakeEuler.ts) and
// the stand-in primary on the relay: key in, room out as room.events, key never out.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startFakeEuler, user, type FakeEuler } from '../../../../support/fakeEuler';
import {
  fakePrimary,
  startIntake,
  type FakePrimary,
  type Running,
} from '../../../../support/intakeServer';
import { waitFor } from '../../../../support/relay';

const KEY = 'euler_live_key_123456';
let running: Running | undefined;
let primary: FakePrimary | undefined;
let fake: FakeEuler | undefined;
afterEach(async () => {
  primary?.stop();
  await running?.close();
  await fake?.close();
  primary = running = fake = undefined;
});

async function setUp() {
  fake = await startFakeEuler({ apiKey: KEY, live: ['shop_ann'] });
  running = await startIntake({ euler: { url: fake.url, flushMs: 50 } });
}
const api = (body?: unknown) =>
  fetch(`${running!.base}/api/euler`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const state = () => running!.intake.euler.status().state;

describe('Euler Stream link', () => {
  test('key entered → connected with it; the room reaches the primary; the key never comes back', async () => {
    await setUp();
    primary = await fakePrimary(running!.relayUrl);
    expect(state()).toBe('off');
    const saved = await api({ apiKey: KEY, creator: '@shop_ann', on: true });
    const text = await saved.text();
    expect(saved.status).toBe(200);
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toMatchObject({ keySet: true, creator: 'shop_ann', on: true });
    await waitFor(() => state() === 'live', 3000, 'the link live');
    expect(fake!.queries.at(-1)).toMatchObject({ uniqueId: 'shop_ann', apiKey: KEY });
    await waitFor(() => running!.intake.forwarder.liveShow(), 2000, 'the primary heartbeat');

    fake!.send([
      { type: 'WebcastRoomUserSeqMessage', data: { viewerCount: 640 } },
      { type: 'WebcastChatMessage', data: { user: user('bo', 'Bo'), comment: 'price?' } },
      { type: 'WebcastChatMessage', data: { user: user('x', 'N'.repeat(10_240)), comment: '?' } },
      { type: 'WebcastEmoteChatMessage', data: {} },
    ]);
    await waitFor(() => primary!.commands.length > 0, 3000, 'room.events');
    expect(primary.commands[0]).toMatchObject({
      command: 'room.events',
      args: {
        events: [
          { type: 'viewers', count: 640 },
          { type: 'chat', user: { id: 'bo', name: 'Bo' }, text: 'price?' },
        ],
      },
    });
    expect(running!.intake.euler.status()).toMatchObject({ taken: 2, ignored: 2, refused: 1 });

    const file = join(running!.intake.store.file, '..', 'euler.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const view = await (await api()).text();
    expect(view).not.toContain(KEY);

    // Removing the key disconnects.
    expect(await (await api({ apiKey: null })).json()).toMatchObject({ keySet: false, on: false });
    expect(state()).toBe('off');
    await waitFor(() => fake!.clients() === 0, 2000, 'the socket closed');
  });

  test("a wrong key is Euler's 4401: bad key, and no reconnect loop", async () => {
    await setUp();
    await api({ apiKey: 'wrong_key_0000', creator: 'shop_ann', on: true });
    await waitFor(() => state() === 'bad-key', 3000, 'bad key');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake!.queries).toHaveLength(1);
    expect(running!.intake.euler.status().lastClose).toBe(4401);
  });

  test('not live is offline; a rate limit is reported; no show drops and counts', async () => {
    await setUp();
    await api({ apiKey: KEY, creator: 'someone_else', on: true });
    await waitFor(() => state() === 'offline', 3000, 'offline');
    await api({ creator: 'shop_ann' });
    await waitFor(() => state() === 'live', 3000, 'live');
    fake!.send([{ type: 'WebcastRoomUserSeqMessage', data: { viewerCount: 3 } }]);
    await waitFor(() => running!.intake.euler.status().dropped === 1, 2000, 'dropped');
    fake!.closeAll(4429);
    await waitFor(() => state() === 'rate-limited', 3000, 'rate limited');
  });

  test('a bad @name or key is refused in words', async () => {
    await setUp();
    const res = await api({ apiKey: 'has space in it', creator: '<b>' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toContain('apiKey');
    expect(error).toContain('creator');
  });
});
