/**
 * The floors: one raw hop of the same bytes over the same path, between two plain clients
 * with no application in between — what no Flashcue code could beat.
 * - obs-websocket: two pages, each a bare obs-websocket v5 client on a WebSocket (identify
 *   with auth, then BroadcastCustomEvent from one, CustomEvent at the other); the time runs
 *   from just before JSON encoding at the sender to just after JSON decoding at the receiver.
 * - BroadcastChannel: two pages of one browser context; postMessage to the message event.
 * - obs-websocket-js in Node (for reference): two clients in this process, one clock.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import OBSWebSocket from 'obs-websocket-js/json';
import type { ObsInstance } from '../../obs/obsHarness';
import { calibrate } from './clocks';
import { summarize, type Summary } from './bench';
import { markTold } from './probe';

declare global {
  interface Window {
    __raw?: { send(i: number): number };
  }
}

/** Connects `page` to OBS as a bare client; received floor events are marked 'floor'. */
export async function rawObsClient(page: Page, obs: ObsInstance, payload: object): Promise<void> {
  await page.evaluate(
    async ({ url, password, payload }) => {
      const ws = new WebSocket(url, 'obswebsocket.json');
      const next = () =>
        new Promise<{ op: number; d: Record<string, unknown> }>((resolve, reject) => {
          ws.onmessage = (e) => resolve(JSON.parse(String(e.data)));
          ws.onerror = () => reject(new Error('raw obs-websocket client: socket error'));
        });
      const hello = await next();
      const auth = hello.d.authentication as { salt: string; challenge: string } | undefined;
      let authentication: string | undefined;
      if (auth) {
        const sha = async (s: string) =>
          btoa(
            String.fromCharCode(
              ...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))),
            ),
          );
        authentication = await sha((await sha(password + auth.salt)) + auth.challenge);
      }
      const identified = next();
      // eventSubscriptions 1 = General (custom events only).
      ws.send(
        JSON.stringify({ op: 1, d: { rpcVersion: 1, authentication, eventSubscriptions: 1 } }),
      );
      const reply = await identified;
      if (reply.op !== 2)
        throw new Error(`raw obs-websocket client: not identified (${JSON.stringify(reply)})`);
      ws.onmessage = (e) => {
        const message = JSON.parse(String(e.data)) as {
          op: number;
          d: { eventType?: string; eventData?: { benchFloor?: number } };
        };
        const i =
          message.op === 5 && message.d.eventType === 'CustomEvent'
            ? message.d.eventData?.benchFloor
            : undefined;
        if (i !== undefined) window.__bench.mark('floor', String(i));
      };
      let n = 0;
      window.__raw = {
        send(i: number) {
          const t = window.__bench.now();
          ws.send(
            JSON.stringify({
              op: 6,
              d: {
                requestType: 'BroadcastCustomEvent',
                requestId: `r${n++}`,
                requestData: { eventData: { ...payload, benchFloor: i } },
              },
            }),
          );
          return t;
        },
      };
    },
    { url: obs.url, password: obs.password, payload },
  );
}

/** Hops `count` times from `a` to `b` (pages with the probe), returning one-way times in ms. */
async function hops(a: Page, b: Page, count: number): Promise<number[]> {
  const heard = await markTold(b, 'floor');
  const before = [await calibrate(a), await calibrate(b)] as const;
  const sent: number[] = [];
  const received: number[] = [];
  for (let i = 0; i < count; i++) {
    const arrived = heard(String(i));
    sent.push(await a.evaluate((i) => window.__raw!.send(i), i));
    received.push(await arrived);
  }
  const after = [await calibrate(a), await calibrate(b)] as const;
  const offA = (before[0].offset + after[0].offset) / 2;
  const offB = (before[1].offset + after[1].offset) / 2;
  return sent.map((s, i) => received[i]! + offB - (s + offA));
}

/** The raw obs-websocket hop between two pages (a: sender, b: receiver, in other contexts). */
export async function obsFloor(
  a: Page,
  b: Page,
  obs: ObsInstance,
  payload: object,
  count: number,
): Promise<Summary> {
  // Not 'flashcue': the controller and overlays connected to the same OBS drop it unparsed.
  const tagged = { ...payload, app: 'bench-floor' };
  await rawObsClient(a, obs, tagged);
  await rawObsClient(b, obs, tagged);
  return summarize((await hops(a, b, count)).slice(10));
}

/** The raw BroadcastChannel hop between two pages of one context. */
export async function broadcastFloor(
  a: Page,
  b: Page,
  payload: object,
  count: number,
): Promise<Summary> {
  const setUp = (page: Page) =>
    page.evaluate((payload) => {
      // Its own channel name: the controller never sees these.
      const channel = new BroadcastChannel('bench-floor');
      channel.onmessage = (e) =>
        window.__bench.mark('floor', String((e.data as { benchFloor: number }).benchFloor));
      window.__raw = {
        send(i: number) {
          const t = window.__bench.now();
          channel.postMessage({ ...payload, benchFloor: i });
          return t;
        },
      };
    }, payload);
  await setUp(a);
  await setUp(b);
  return summarize((await hops(a, b, count)).slice(10));
}

/** obs-websocket-js to obs-websocket-js in this Node process: the notes' figure, re-measured. */
export async function nodeObsFloor(
  obs: ObsInstance,
  payload: object,
  count: number,
): Promise<Summary> {
  const a = new OBSWebSocket();
  const b = new OBSWebSocket();
  await a.connect(obs.url, obs.password);
  await b.connect(obs.url, obs.password);
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const got = new Promise<number>((resolve) => {
        // obs-websocket-js hands over the custom event's data itself.
        const on = (data: unknown) => {
          if ((data as { benchFloor?: number }).benchFloor === i) {
            b.off('CustomEvent', on);
            resolve(performance.now());
          }
        };
        b.on('CustomEvent', on);
      });
      const t0 = performance.now();
      await a.call('BroadcastCustomEvent', {
        eventData: { ...payload, app: 'bench-floor', benchFloor: i },
      });
      times.push((await got) - t0);
    }
    return summarize(times.slice(10));
  } finally {
    await a.disconnect();
    await b.disconnect();
  }
}
