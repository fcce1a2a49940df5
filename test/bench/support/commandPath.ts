/**
 * Figure 7's measuring loop, shared by its paths (7a obs-websocket in, 7c relay in): send
 * `sale` commands one at a time from the bench process, wait for the stock overlay's count,
 * and split each command's time into stages from the controller's stamps (shared/perf/trace.ts).
 * Also the relay's raw hop (7c's floor): a tool's WebSocket in this process → the relay → a
 * bare page's WebSocket, the same bytes with no Flashcue code in between.
 */
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from '@playwright/test';
import { WebSocket } from 'ws';
import type { ObsInstance } from '../../obs/obsHarness';
import {
  benchSheet,
  must,
  openController,
  openTool,
  sleep,
  summarize,
  type Summary,
} from './bench';
import { calibrate } from './clocks';
import { installProbe, markTold, type Mark } from './probe';

export const STAGES = ['parse', 'decide', 'write', 'apply', 'select', 'publish'] as const;

export interface PathRun {
  totals: number[];
  parts: Record<string, number[]>;
  viewSends: { bc: number; ws: number };
  /** Every message the controller sent / received per sale, by transport and kind. */
  messagesPerSale: { out: Record<string, number>; in: Record<string, number> };
  /** IndexedDB work per sale on the controller: read-write / read-only transactions, requests. */
  idbPerSale: { rw: number; ro: number; req: number; roStores: Record<string, number> };
  /** Per command: its send and the controller's receipt of it, on the controller page's clock. */
  windows: Array<[number, number]>;
  /** Per measured command (warm-up left out): its id and its send, on the bench's clock. */
  sent: Array<{ id: string; at: number }>;
}

export interface PathSetup {
  controller: Page;
  overlay: Page;
  /** Sends one command message from the bench process (resolves once it is handed over). */
  send: (eventData: Record<string, unknown>) => Promise<unknown>;
  prefix: string;
  /** Quiet time after each command's count is shown, before the next is sent (default none). */
  gapMs?: number;
  /** Called just before the first command and just after the last count: the sales alone. */
  around?: { start(): void; end(): void };
  warmup: number;
  steps: number;
  /** The overlay's count before the first command, and the product's initial stock. */
  left: number;
  total: number;
}

export interface LiveShow {
  controller: Page;
  overlay: Page;
  /** The command API tool page (bench/support openTool). */
  tool: Page;
  /** The product on air as the controller has it now. */
  left(): Promise<{ stock: number; initialStock: number }>;
  total: number;
}

/**
 * Figure 7's stage: the controller (probed, connected to OBS, its preview in its own process as
 * on a machine with cores to spare — controller/live/previewSite.ts keeps it in-process on two
 * cores, which 7a-inline measures), a show live on a product with `stock` units, the stock
 * overlay on BroadcastChannel showing its count, and the controller in front, as a producer's is.
 */
export async function liveShow(
  home: BrowserContext,
  obs: ObsInstance,
  id: string,
  stock: number,
  overlayMessages = false,
): Promise<LiveShow> {
  const controller = await home.newPage();
  await installProbe(controller, { messages: true, idb: true, trace: true });
  await controller.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 8 });
  });
  await openController(controller, obs);
  const tool = await openTool(home);
  await must(tool, 'runsheet.load', {
    runSheet: benchSheet({ id, products: 2, stock, slots: 2, slotSec: 4 * 3600 }),
  });
  await must(tool, 'show.start');
  await must(tool, 'show.next');
  const overlay = await home.newPage();
  await installProbe(overlay, {
    watch: [{ name: 'count', selector: '.fc-stock-count' }],
    messages: overlayMessages,
  });
  await overlay.goto('/overlay/stock.html?transport=broadcast');
  const left = async () =>
    ((await must(tool, 'state.get')).result as { product: { stock: number; initialStock: number } })
      .product;
  const start = await left();
  await overlay.evaluate(
    (v) => window.__bench.waitFor('count', v, 10_000),
    `${start.stock}/${start.initialStock}`,
  );
  // The preview is loaded from the other loopback name: its own renderer.
  await controller.locator('iframe[title="Overlay preview"][src^="http://127.0.0.1:"]').waitFor();
  await controller.bringToFront();
  return { controller, overlay, tool, left, total: start.initialStock };
}

export async function measurePath(setup: PathSetup): Promise<PathRun> {
  const { controller, overlay, warmup, steps, total } = setup;
  await controller.evaluate(() => {
    for (const key of Object.keys(window.__bench.marks)) delete window.__bench.marks[key];
  });
  const counted = await markTold(overlay, 'count');
  const cal0 = [await calibrate(controller), await calibrate(overlay)];
  const sentAt: number[] = [];
  const ids: string[] = [];
  let left = setup.left;
  setup.around?.start();
  for (let i = 0; i < warmup + steps; i++) {
    left -= 1;
    const id = `${setup.prefix}-${i}`;
    ids.push(id);
    const shown = counted(`${left}/${total}`);
    sentAt.push(performance.now());
    await setup.send({ app: 'flashcue', v: 1, kind: 'command', id, command: 'sale', args: {} });
    await shown;
    if (setup.gapMs) await sleep(setup.gapMs);
  }
  setup.around?.end();
  const cal1 = [await calibrate(controller), await calibrate(overlay)];
  const offC = (cal0[0]!.offset + cal1[0]!.offset) / 2;
  const offO = (cal0[1]!.offset + cal1[1]!.offset) / 2;
  const cm = await controller.evaluate(() => window.__bench.marks);
  const om = await overlay.evaluate(() => window.__bench.marks);

  const after = (list: Mark[] | undefined, t: number) => list?.find((m) => m.t >= t);
  const totals: number[] = [];
  const parts: Record<string, number[]> = Object.fromEntries(
    ['hopIn', ...STAGES, 'commit', 'transport', 'overlay'].map((k) => [k, []]),
  );
  const windows: Array<[number, number]> = [];
  let shownLeft = setup.left;
  for (let i = 0; i < warmup + steps; i++) {
    shownLeft -= 1;
    const shown = (om.count ?? []).find((m) => m.v === `${shownLeft}/${total}`)!.t;
    if (i < warmup) continue;
    totals.push(shown + offO - sentAt[i]!);
    const recv = cm['recv:cmd']?.find((m) => m.v === ids[i]);
    if (!recv) continue;
    windows.push([sentAt[i]! - offC, recv.t]);
    const stamps = STAGES.map((s) => after(cm[`trace:${s}`], recv.t));
    const idbStart = after(cm['idb:start'], recv.t);
    const idbDone = idbStart && cm['idb:done']?.find((m) => m.v === idbStart.v);
    const sent = after(cm['send:bc'], stamps[4]?.t ?? recv.t);
    const received = sent && om['recv:bc']?.find((m) => m.v === sent.v);
    if (stamps.some((s) => !s) || !idbDone || !sent || !received) continue;
    parts.hopIn!.push(recv.t + offC - sentAt[i]!);
    let previous = recv.t;
    STAGES.forEach((s, k) => {
      parts[s]!.push(stamps[k]!.t - previous);
      previous = stamps[k]!.t;
    });
    parts.commit!.push(idbDone.t - idbStart.t);
    parts.transport!.push(received.t + offO - (sent.t + offC));
    parts.overlay!.push(shown - received.t);
  }
  const from = sentAt[warmup]! - offC;
  const perSale = (name: string) =>
    Math.round(((cm[name] ?? []).filter((m) => m.t >= from).length / steps) * 100) / 100;
  const roStores: Record<string, number> = {};
  for (const m of (cm['idb:ro'] ?? []).filter((m) => m.t >= from))
    roStores[m.v] = (roStores[m.v] ?? 0) + 1 / steps;
  for (const k of Object.keys(roStores)) roStores[k] = Math.round(roStores[k]! * 100) / 100;
  const byKind = (name: string) => {
    const out: Record<string, number> = {};
    for (const m of (cm[name] ?? []).filter((m) => m.t >= from)) out[m.v] = (out[m.v] ?? 0) + 1;
    for (const k of Object.keys(out)) out[k] = Math.round((out[k]! / steps) * 100) / 100;
    return out;
  };
  return {
    totals,
    parts,
    windows,
    sent: ids.slice(warmup).map((id, i) => ({ id, at: sentAt[warmup + i]! })),
    viewSends: { bc: perSale('send:bc'), ws: perSale('send:ws') },
    messagesPerSale: { out: byKind('out'), in: byKind('in') },
    idbPerSale: {
      rw: perSale('idb:rw'),
      ro: perSale('idb:ro'),
      req: perSale('idb:req'),
      roStores,
    },
  };
}

/** A tool on the relay, as a script or Companion would be: `ws` in this process, no Origin. */
export async function relayTool(url: string): Promise<{
  send: (message: Record<string, unknown>) => Promise<void>;
  close: () => void;
}> {
  const ws = new WebSocket(url);
  await new Promise<void>((ok, ko) => {
    ws.once('open', () => ok());
    ws.once('error', ko);
  });
  return {
    send: (message) =>
      new Promise<void>((ok, ko) => ws.send(JSON.stringify(message), (e) => (e ? ko(e) : ok()))),
    close: () => ws.close(),
  };
}

/** The raw relay hop: `tool` → relay → a bare page's WebSocket on the same relay. */
export async function relayFloor(
  receiver: Page,
  tool: { send: (message: Record<string, unknown>) => Promise<void> },
  count: number,
): Promise<Summary> {
  await receiver.evaluate(
    () =>
      new Promise<void>((ok) => {
        const ws = new WebSocket(`ws://${location.host}/relay`);
        ws.onmessage = (e) => {
          const i = /"benchFloor":(\d+)/.exec(typeof e.data === 'string' ? e.data : '')?.[1];
          if (i !== undefined) window.__bench.mark('floor', i);
        };
        ws.onopen = () => ok();
      }),
  );
  const heard = await markTold(receiver, 'floor');
  const cal0 = await calibrate(receiver);
  const sent: number[] = [];
  const got: number[] = [];
  for (let i = 0; i < count; i++) {
    const arrived = heard(String(i));
    sent.push(performance.now());
    // A Flashcue envelope (the relay forwards nothing else) of a kind no page acts on.
    await tool.send({
      app: 'flashcue',
      v: 1,
      kind: 'bench-floor',
      id: 'cmd-path-0000',
      benchFloor: i,
    });
    got.push(await arrived);
  }
  const cal1 = await calibrate(receiver);
  const off = (cal0.offset + cal1.offset) / 2;
  return summarize(got.map((t, i) => t + off - sent[i]!).slice(10));
}

/**
 * A stand-in backup device for the A/B of issue 13 §3: it says hello (`role: 'remote'`, the
 * backup's heartbeat) every second on all three transports — BroadcastChannel from `page` (a page
 * of the controller's browser), the relay and obs-websocket from this process — so the primary
 * streams every logged entry on all three, as it did for every show before it sent `log` only
 * where a backup is heard. It never asks for the log (no `sync`): only the primary's cost moves.
 */
export async function standInBackup(
  page: Page,
  relay: { send: (message: Record<string, unknown>) => Promise<void> },
  obsSend: (message: Record<string, unknown>) => Promise<unknown>,
): Promise<() => Promise<void>> {
  const hello = { app: 'flashcue', v: 1, kind: 'hello', sender: 'bench-backup', role: 'remote' };
  const say = () => Promise.all([relay.send(hello), obsSend(hello)]);
  await page.evaluate((hello) => {
    const channel = new BroadcastChannel('flashcue');
    channel.postMessage(hello);
    (window as unknown as { __benchBackup: number }).__benchBackup = window.setInterval(
      () => channel.postMessage(hello),
      1000,
    );
  }, hello);
  await say();
  const timer = setInterval(() => void say().catch(() => undefined), 1000);
  return async () => {
    clearInterval(timer);
    await page.evaluate(() =>
      clearInterval((window as unknown as { __benchBackup: number }).__benchBackup),
    );
  };
}

/** Runs of the same path in blocks, as one: samples joined, per-sale counts averaged. */
export function mergeRuns(runs: PathRun[]): PathRun {
  const parts: Record<string, number[]> = {};
  for (const run of runs)
    for (const [k, v] of Object.entries(run.parts)) (parts[k] ??= []).push(...v);
  const mean = (pick: (run: PathRun) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const run of runs)
      for (const [k, v] of Object.entries(pick(run))) out[k] = (out[k] ?? 0) + v / runs.length;
    for (const k of Object.keys(out)) out[k] = Math.round(out[k]! * 100) / 100;
    return out;
  };
  const idb = mean((r) => ({ rw: r.idbPerSale.rw, ro: r.idbPerSale.ro, req: r.idbPerSale.req }));
  return {
    totals: runs.flatMap((r) => r.totals),
    windows: runs.flatMap((r) => r.windows),
    sent: runs.flatMap((r) => r.sent),
    parts,
    viewSends: mean((r) => r.viewSends) as PathRun['viewSends'],
    messagesPerSale: {
      out: mean((r) => r.messagesPerSale.out),
      in: mean((r) => r.messagesPerSale.in),
    },
    idbPerSale: {
      rw: idb.rw ?? 0,
      ro: idb.ro ?? 0,
      req: idb.req ?? 0,
      roStores: mean((r) => r.idbPerSale.roStores),
    },
  };
}
