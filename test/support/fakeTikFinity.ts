/**
 * A stand-in for TikFinity's local WebSocket (test tool only). It speaks the format TikFinity
 * serves on ws://localhost:21213/: one JSON `{event, data}` per message, data shaped like
 * TikTok-Live-Connector's events (its README, "Events": roomUser {viewerCount}, chat {uniqueId,
 * nickname, comment}, gift {giftName, giftType, repeatCount, repeatEnd, diamondCount}, like
 * {likeCount, totalLikeCount}, member, follow, share, streamEnd). Tests push events, or raw
 * text for hostile payloads, to every connected client.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

export interface FakeTikFinity {
  url: string;
  clients(): number;
  send(event: string, data?: unknown): void;
  sendRaw(text: string): void;
  /** Drops every client (TikFinity closed or restarted). */
  drop(): void;
  close(): Promise<void>;
}

export async function startFakeTikFinity(port = 0): Promise<FakeTikFinity> {
  const server = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const sockets = new Set<WebSocket>();
  server.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
  });
  const sendRaw = (text: string) => sockets.forEach((ws) => ws.send(text));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    clients: () => sockets.size,
    send: (event, data) =>
      sendRaw(JSON.stringify(data === undefined ? { event } : { event, data })),
    sendRaw,
    drop: () => sockets.forEach((ws) => ws.terminate()),
    close: () => {
      sockets.forEach((ws) => ws.terminate());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
