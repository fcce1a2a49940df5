/**
 * Figure 7w's lane: the least a command path in a dedicated Worker could do — hear a `sale` on
 * an obs-websocket socket of its own, write a sale-sized row in one strict readwrite transaction
 * (the events store's real key and indexes, the previous row read in the same transaction, as
 * controller/db/appendAt.ts does), then post on BroadcastChannel — with none of the show's own
 * work (no decide, no view). It runs in the controller's page, beside the real controller that
 * handles the same sales, so both see the same load. Where the structural fix (the show
 * runner in a Worker, the page a mirror) would land, measured before it is built.
 * Blob workers need the page's CSP relaxed (the bench's context bypasses it); a real one would be
 * a same-origin module script.
 */
import type { Page } from '@playwright/test';

export const LANE_CHANNEL = 'bench-lane';

const source = (url: string, password: string) => `
const sha = async (s) => btoa(String.fromCharCode(...new Uint8Array(
  await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)))));
const open = indexedDB.open('bench-lane-' + Math.random(), 1);
open.onupgradeneeded = () => {
  const s = open.result.createObjectStore('events', { keyPath: ['showId', 'seq'] });
  s.createIndex('[showId+commandId]', ['showId', 'commandId'], { unique: true });
  s.createIndex('showId', 'showId');
};
let db;
open.onsuccess = () => { db = open.result; };
const channel = new BroadcastChannel(${JSON.stringify(LANE_CHANNEL)});
let seq = 0;
let hello = true;
const ws = new WebSocket(${JSON.stringify(url)}, 'obswebsocket.json');
ws.onmessage = async (e) => {
  const m = JSON.parse(e.data);
  if (hello) {
    hello = false;
    const auth = m.d.authentication;
    const authentication = auth
      ? await sha((await sha(${JSON.stringify(password)} + auth.salt)) + auth.challenge)
      : undefined;
    // eventSubscriptions 1 = General: custom events only.
    ws.send(JSON.stringify({ op: 1, d: { rpcVersion: 1, authentication, eventSubscriptions: 1 } }));
    return;
  }
  if (m.op === 2) return postMessage('ready');
  if (m.op !== 5 || m.d.eventType !== 'CustomEvent') return;
  const c = m.d.eventData;
  if (!c || c.kind !== 'command' || c.command !== 'sale' || !db) return;
  const t0 = performance.now();
  seq += 1;
  const at = Date.now();
  const row = { showId: 'lane', seq, at, commandId: c.id, loggedAt: at,
    event: { type: 'sale', at, qty: 1, productId: 'p1', priceCents: 1999, source: 'api' } };
  const tx = db.transaction('events', 'readwrite', { durability: 'strict' });
  const store = tx.objectStore('events');
  if (seq > 1) store.get(['lane', seq - 1]);
  store.add(row);
  tx.oncomplete = () => channel.postMessage({ id: c.id, commitMs: performance.now() - t0 });
};
`;

/** Starts the lane's worker in `page` (resolves once it is identified to OBS). */
export async function startWorkerLane(
  page: Page,
  obs: { url: string; password: string },
): Promise<void> {
  await page.evaluate(
    async (src) => {
      const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      (window as unknown as { __benchLane: Worker }).__benchLane = worker;
      await new Promise<void>((ok, ko) => {
        worker.onmessage = () => ok();
        worker.onerror = (e) => ko(new Error(`bench lane worker: ${e.message}`));
        setTimeout(() => ko(new Error('bench lane worker: not identified to OBS in 10 s')), 10_000);
      });
    },
    source(obs.url, obs.password),
  );
}

/** A bare page that marks each lane message ('lane' = command id) and keeps the worker's commit times. */
export async function laneReceiver(page: Page): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { __laneCommit: Record<string, number> };
    w.__laneCommit = {};
    new BroadcastChannel(name).onmessage = (e: MessageEvent<{ id: string; commitMs: number }>) => {
      window.__bench.mark('lane', e.data.id);
      w.__laneCommit[e.data.id] = e.data.commitMs;
    };
  }, LANE_CHANNEL);
}
