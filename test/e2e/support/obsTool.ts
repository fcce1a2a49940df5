/**
 * An outside tool on the obs-websocket (as Streamer.bot or a script would be): sends Flashcue
 * commands with BroadcastCustomEvent and waits for the matching ack.
 */
import OBSWebSocket, { type OBSRequestTypes } from 'obs-websocket-js/json';

type JsonObject = OBSRequestTypes['BroadcastCustomEvent']['eventData'];

export interface Ack {
  id: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export async function connectTool(url: string, password: string) {
  const obs = new OBSWebSocket();
  await obs.connect(url, password);
  const waiting = new Map<string, (ack: Ack) => void>();
  obs.on('CustomEvent', (data: Record<string, unknown>) => {
    if (data.app === 'flashcue' && data.kind === 'ack' && typeof data.id === 'string')
      waiting.get(data.id)?.(data as unknown as Ack);
  });
  let n = 0;
  return {
    obs,
    async command(
      command: string,
      args: JsonObject = {},
      id = `tool-${Date.now()}-${n++}`,
    ): Promise<Ack> {
      const ack = new Promise<Ack>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${command} (${id})`)), 5000);
        waiting.set(id, (a) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(a);
        });
      });
      await obs.call('BroadcastCustomEvent', {
        eventData: { app: 'flashcue', v: 1, kind: 'command', id, command, args },
      });
      return ack;
    },
    close: () => obs.disconnect(),
  };
}
