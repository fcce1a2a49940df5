/**
 * Sends the room's screens message (roomMessage.ts) — the pinned question for the host view and
 * the latest thanks for the ticker — at once when it changes, to a page that says hello, and on
 * a heartbeat for pages inside OBS that cannot say hello. Framework-free; the controller's
 * room store starts it while this tab runs the show.
 */
import { APP, PROTOCOL_VERSION, parseMessage } from './messages';
import type { RoomMessage, RoomScreens } from './roomMessage';
import type { Transport } from './transport';
import { createRepeatingPublisher, type RepeatingPublisher } from './repeatingPublisher';

export const ROOM_HEARTBEAT_MS = 2000;

export type RoomPublisher = RepeatingPublisher;

export function createRoomPublisher(options: {
  transports: Transport[];
  screens: () => RoomScreens;
  heartbeatMs?: number;
}): RoomPublisher {
  const session = `r${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
  let n = 0;
  return createRepeatingPublisher({
    transports: options.transports,
    message: (): RoomMessage => ({
      app: APP,
      v: PROTOCOL_VERSION,
      kind: 'room',
      session,
      n: n++,
      ...options.screens(),
    }),
    // A backup (`remote`) says hello every second as its heartbeat: it needs no room message.
    answers: (role) => role !== 'tool' && role !== 'remote',
    heartbeatMs: options.heartbeatMs ?? ROOM_HEARTBEAT_MS,
  });
}

/** The newest room message heard (per session, `n` orders sends; another session takes over). */
export function createRoomListener(transports: Transport[], onRoom: (m: RoomMessage) => void) {
  let last: RoomMessage | null = null;
  const offs = transports.map((t) =>
    t.subscribe((data) => {
      const parsed = parseMessage(data);
      if (!parsed.ok || parsed.message.kind !== 'room') return;
      const message = parsed.message;
      if (last && last.session === message.session && message.n <= last.n) return;
      last = message;
      onRoom(message);
    }),
  );
  return () => offs.forEach((off) => off());
}
