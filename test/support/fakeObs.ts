// A small obs-websocket v5 server (JSON protocol) for unit tests: Hello/Identify/Identified,
// Request/RequestResponse, RequestBatch and Events (op 0/1/2/5/6/7/8/9), with a table of
// request handlers, as obs-websocket-js tests itself. It can refuse a password, close with
// any code, answer 207, or freeze (stop answering without closing: a dead link).
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

// `ws` ships with obs-websocket-js (isomorphic-ws) but without types; only this much is used.
interface WsSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', fn: (data: Buffer) => void): void;
  on(event: 'close', fn: () => void): void;
}
interface WsServer {
  on(event: 'connection', fn: (socket: WsSocket) => void): void;
  on(event: 'listening', fn: () => void): void;
  address(): { port: number };
  close(done?: () => void): void;
}
type WsServerCtor = new (options: { port: number; host: string }) => WsServer;
const { WebSocketServer } = createRequire(import.meta.url)('ws') as {
  WebSocketServer: WsServerCtor;
};

export type Reply =
  { data?: Record<string, unknown> } | { status: number; comment?: string } | 'ignore';
export type Handler = (data: Record<string, unknown> | undefined, client: FakeClient) => Reply;

export interface FakeClient {
  id: number;
  identified: boolean;
  socket: WsSocket;
}

export interface FakeObsOptions {
  password?: string;
  /** Close right after Identify with this code (4010, 4011…), as OBS would. */
  closeOnIdentify?: { code: number; reason: string };
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64');

export async function startFakeObs(options: FakeObsOptions = {}) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.on('listening', resolve));
  const clients = new Set<FakeClient>();
  const requests: string[] = [];
  let frozen = false;
  let nextId = 1;
  let identifies = 0;

  const handlers: Record<string, Handler> = {
    GetVersion: () => ({
      data: { obsVersion: '29.0.2', obsWebSocketVersion: '5.1.0', rpcVersion: 1 },
    }),
    GetStudioModeEnabled: () => ({ data: { studioModeEnabled: false } }),
    // Like OBS: every identified client gets it, the sender included.
    BroadcastCustomEvent: (data) => {
      emit('CustomEvent', (data?.eventData ?? {}) as Record<string, unknown>);
      return {};
    },
  };

  const send = (client: FakeClient, op: number, d: unknown) =>
    client.socket.send(JSON.stringify({ op, d }));

  const answer = (
    request: { requestType: string; requestId?: string; requestData?: Record<string, unknown> },
    client: FakeClient,
  ) => {
    requests.push(request.requestType);
    const handler = handlers[request.requestType];
    const reply: Reply = handler
      ? handler(request.requestData, client)
      : { status: 204, comment: 'Unknown request type.' };
    if (reply === 'ignore') return null;
    const base = { requestType: request.requestType, requestId: request.requestId };
    return 'status' in reply
      ? {
          ...base,
          requestStatus: { result: false, code: reply.status, comment: reply.comment ?? 'refused' },
        }
      : { ...base, requestStatus: { result: true, code: 100 }, responseData: reply.data };
  };

  function emit(eventType: string, eventData: Record<string, unknown>) {
    for (const client of clients)
      if (client.identified) send(client, 5, { eventType, eventIntent: 1, eventData });
  }

  server.on('connection', (socket) => {
    const client: FakeClient = { id: nextId++, identified: false, socket };
    clients.add(client);
    socket.on('close', () => clients.delete(client));
    const salt = randomBytes(8).toString('base64');
    const challenge = randomBytes(8).toString('base64');
    if (frozen) return; // never says Hello: what a stopped OBS looks like
    send(client, 0, {
      obsWebSocketVersion: '5.1.0',
      rpcVersion: 1,
      ...(options.password ? { authentication: { salt, challenge } } : {}),
    });
    socket.on('message', (raw) => {
      if (frozen) return;
      const { op, d } = JSON.parse(raw.toString()) as { op: number; d: Record<string, unknown> };
      if (op === 1) {
        identifies += 1;
        if (options.closeOnIdentify)
          return socket.close(options.closeOnIdentify.code, options.closeOnIdentify.reason);
        const expected = options.password
          ? hash(hash(options.password + salt) + challenge)
          : undefined;
        if (expected && d.authentication !== expected)
          return socket.close(4009, 'Authentication failed.');
        client.identified = true;
        send(client, 2, { negotiatedRpcVersion: 1 });
      } else if (op === 6) {
        const response = answer(d as never, client);
        if (response) send(client, 7, response);
      } else if (op === 8) {
        const list =
          (d.requests as Array<{ requestType: string; requestData?: Record<string, unknown> }>) ??
          [];
        const results = list.map((r) => answer(r, client)).filter((r) => r !== null);
        send(client, 9, { requestId: d.requestId, results });
      }
    });
  });

  return {
    url: `ws://127.0.0.1:${server.address().port}`,
    handlers,
    /** Request types received, in order. */
    requests,
    emit,
    get identifies() {
      return identifies;
    },
    get connections() {
      return clients.size;
    },
    /** Stop answering anything, without closing: a dead link. */
    freeze(on = true) {
      frozen = on;
    },
    /** Close every connection with a code, as OBS does on exit (1001) or on a kick (4011). */
    closeAll(code = 1001, reason = 'Server stopping.') {
      for (const client of clients) client.socket.close(code, reason);
    },
    /** Drop every connection with no close frame: the client sees 1006, as when OBS is killed. */
    killAll() {
      for (const client of clients) client.socket.terminate();
    },
    stop(): Promise<void> {
      for (const client of clients) client.socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeObs = Awaited<ReturnType<typeof startFakeObs>>;
