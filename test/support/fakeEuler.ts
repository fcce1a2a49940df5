/**
 * A stand-in for Euler Stream's live WebSocket (test tool only). It follows Euler's
 * "WebSocket Server" docs page (`wss://ws.eulerstream.com?uniqueId=<creator>&apiKey=<key>`)
 * and EulerStream/Euler-WebSocket-SDK: frames are JSON bundles `{timestamp, messages: [{type,
 * data}]}` (its `ClientMessageBundle`, `bundleEvents` on by default), `type` a webcast message
 * name and `data` that message's fields as in the SDK's `tiktok-schema-v2.ts`; a wrong key is
 * closed with 4401 (INVALID_AUTH), a creator who is not live with 4404 (NOT_LIVE), and a test
 * can close with any other of Euler's codes (4429 too many connections, 4005 stream end).
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeEuler {
  url: string;
  clients(): number;
  /** Every connection's query (uniqueId, apiKey), in order. */
  queries: Array<Record<string, string>>;
  /** One bundle of webcast messages to every client. */
  send(messages: Array<{ type: string; data?: unknown }>): void;
  sendRaw(text: string): void;
  /** Closes every client with one of Euler's close codes. */
  closeAll(code: number): void;
  close(): Promise<void>;
}

export interface FakeEulerOptions {
  apiKey: string;
  /** Creators who are live; any other is closed with 4404. */
  live: string[];
}

export const user = (uniqueId: string, nickname = uniqueId) => ({
  userId: '7' + uniqueId.length,
  uniqueId,
  nickname,
});

export async function startFakeEuler(options: FakeEulerOptions): Promise<FakeEuler> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const sockets = new Set<WebSocket>();
  const queries: Array<Record<string, string>> = [];
  server.on('connection', (ws, req) => {
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
    queries.push(query);
    if (query.apiKey !== options.apiKey) return ws.close(4401, 'Invalid Auth');
    if (!options.live.includes(query.uniqueId ?? '')) return ws.close(4404, 'Streamer is not live');
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // Euler's own first message on a new socket (its `workerInfo` custom event).
    ws.send(
      JSON.stringify({ timestamp: Date.now(), messages: [{ type: 'workerInfo', data: {} }] }),
    );
  });
  const sendRaw = (text: string) => sockets.forEach((ws) => ws.send(text));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clients: () => sockets.size,
    queries,
    send: (messages) => sendRaw(JSON.stringify({ timestamp: Date.now(), messages })),
    sendRaw,
    closeAll: (code) => sockets.forEach((ws) => ws.close(code)),
    close: () => {
      sockets.forEach((ws) => ws.terminate());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
