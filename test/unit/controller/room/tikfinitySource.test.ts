// The TikFinity adapter against the stand-in server (test/support/fakeTikFinity.ts).
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import {
  checkSourceUrl,
  createTikFinitySource,
  type SocketFactory,
  type SourceStatus,
  type TikFinitySource,
} from '../../../../controller/room/tikfinitySource';
import type { RoomEvent } from '../../../../shared/room/events';
import { startFakeTikFinity, type FakeTikFinity } from '../../../support/fakeTikFinity';
import { waitFor } from '../../../support/relay';

let fake: FakeTikFinity | undefined;
let source: TikFinitySource | undefined;
afterEach(async () => {
  source?.disconnect();
  await fake?.close();
  fake = source = undefined;
});

const socket: SocketFactory = (url) => new WebSocket(url) as unknown as ReturnType<SocketFactory>;

function start(events: RoomEvent[], statuses: SourceStatus[] = []) {
  source = createTikFinitySource({
    socket,
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    backoffMs: { first: 50, max: 200 },
  });
  return source;
}

describe('TikFinity adapter', () => {
  test('goes live, takes events, and refuses and counts hostile payloads', async () => {
    fake = await startFakeTikFinity();
    const events: RoomEvent[] = [];
    const s = start(events);
    expect(s.connect(fake.url)).toEqual({ ok: true });
    await waitFor(() => s.status().state === 'live' && fake!.clients() === 1, 2000, 'live');
    fake.send('roomUser', { viewerCount: 120 });
    fake.send('chat', { uniqueId: 'a', nickname: '<script>x</script>', comment: 'size?' });
    fake.send('chat', { uniqueId: 'a', nickname: 'N'.repeat(10_240), comment: 'hi' });
    fake.send('chat', { comment: 42 });
    fake.sendRaw('not json');
    fake.sendRaw('x'.repeat(70_000));
    fake.send('linkMicBattle', {});
    await waitFor(() => s.status().refused === 4, 2000, 'four refusals');
    expect(s.status()).toMatchObject({ taken: 2, ignored: 1, refused: 4 });
    expect(events[1]).toMatchObject({ kind: 'chat', user: { name: '<script>x</script>' } });
  });

  test('reconnects after TikFinity drops the link, saying so', async () => {
    fake = await startFakeTikFinity();
    const statuses: SourceStatus[] = [];
    const s = start([], statuses);
    s.connect(fake.url);
    await waitFor(() => s.status().state === 'live', 2000, 'live');
    fake.drop();
    await waitFor(() => statuses.some((x) => x.state === 'closed'), 2000, 'closed');
    expect(statuses.find((x) => x.state === 'closed')?.problem).toMatchObject({
      code: 'closed',
      url: fake.url,
    });
    await waitFor(() => s.status().state === 'live', 3000, 'live again');
  });

  test('refuses an address that is not ws://', () => {
    expect(checkSourceUrl('http://localhost:21213')).toMatchObject({
      ok: false,
      problem: { code: 'not_ws' },
    });
    expect(checkSourceUrl('nonsense')).toMatchObject({
      ok: false,
      problem: { code: 'not_address', raw: 'nonsense' },
    });
    expect(checkSourceUrl('ws://localhost:21213/')).toEqual({
      ok: true,
      url: 'ws://localhost:21213/',
    });
  });
});
