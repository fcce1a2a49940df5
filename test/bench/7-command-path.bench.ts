/**
 * Figure 7 — a command through the command API → the overlay's DOM, against the write path's
 * floor (issue 13 §3). A tool in the bench process sends `sale`; the controller (in front,
 * connected to real OBS, Live screen with its preview) decides, logs the sale in IndexedDB
 * (strict durability), applies it and publishes; the stock overlay (same browser,
 * BroadcastChannel) shows the new count. Three paths, one run:
 * - 7a: the tool on obs-websocket (BroadcastCustomEvent), as Streamer.bot or a script is;
 * - 7c: the tool on the `npm start` server's relay (a WebSocket), as Companion or a script can be;
 * - 7a with the Live preview forced back into the controller's own process (as before the
 *   preview moved to the other loopback name), for comparison.
 * The floors, same run: each path's raw hop from this process to a bare page client, plus ONE
 * durable IndexedDB commit of a real sale row (the log write must land before any view goes
 * out, so no path can beat their sum).
 */
import OBSWebSocket from 'obs-websocket-js/json';
import type { Page, TestInfo } from '@playwright/test';
import {
  QUICK,
  expect,
  gotoBlank,
  ms,
  record,
  roundSummary,
  summarize,
  test,
  type Summary,
} from './support/bench';
import { calibrate } from './support/clocks';
import {
  liveShow,
  measurePath,
  relayFloor,
  relayTool,
  mergeRuns,
  standInBackup,
  type PathRun,
} from './support/commandPath';
import { broadcastFloor, rawObsClient } from './support/floors';
import { installProbe, markTold } from './support/probe';
import { alignMark, readHopTrace, TRACE_CATEGORIES } from './support/hopTrace';
import { PLAIN_VARIANT, SCREEN_NOTE, SCREEN_VARIANTS } from './support/screenAb';
import { cpuLine, cpuTally, namedRenderers, rendererOf } from './support/processCpu';
import type { ObsInstance } from '../obs/obsHarness';
import { BACKUP_HEARD_MS } from '../../shared/replica/backupsHeard';

const STEPS = QUICK ? 100 : 500;
const WARMUP = 20;
const STOCK = 100_000;
/** 7a and 7a-backup alternate in this many blocks. */
const BLOCKS = 5;
/** 7a-spaced: the quiet time after each shown count before the next command. */
const SPACED_GAP_MS = 100;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * One readwrite commit of `row` per sample, strict and relaxed interleaved, in a bare page;
 * with `gapMs`, each pair after that much quiet (the floor of a command that arrives alone).
 */
async function commitFloor(page: Page, row: unknown, count: number, gapMs = 0) {
  return page.evaluate(
    async ({ row, count, gapMs }) => {
      const open = indexedDB.open(`bench-commit-${Math.random()}`, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('log');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      const once = async (i: number, durability: IDBTransactionDurability) => {
        const t = performance.now();
        const tx = db.transaction('log', 'readwrite', { durability });
        tx.objectStore('log').put({ ...(row as object), seq: i }, i);
        await new Promise((ok, ko) => {
          tx.oncomplete = ok;
          tx.onerror = () => ko(tx.error);
        });
        return performance.now() - t;
      };
      const strict: number[] = [];
      const relaxed: number[] = [];
      for (let i = 0; i < count; i++) {
        if (gapMs) await new Promise((ok) => setTimeout(ok, gapMs));
        strict.push(await once(2 * i, 'strict'));
        relaxed.push(await once(2 * i + 1, 'relaxed'));
      }
      db.close();
      return { strict, relaxed };
    },
    { row, count, gapMs },
  );
}

/**
 * The raw obs-websocket hop of a command-sized message from this process to a bare page; with
 * `gapMs`, each sent that long after the last one arrived.
 */
async function obsHop(receiver: Page, sender: OBSWebSocket, obs: ObsInstance, gapMs = 0) {
  const payload = {
    app: 'bench-floor',
    v: 1,
    kind: 'command',
    id: 'cmd-path-0000',
    command: 'sale',
    args: {},
  };
  await rawObsClient(receiver, obs, payload);
  const heard = await markTold(receiver, 'floor');
  const cal0 = await calibrate(receiver);
  const sent: number[] = [];
  const got: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const arrived = heard(String(i));
    sent.push(performance.now());
    await sender.call('BroadcastCustomEvent', { eventData: { ...payload, benchFloor: i } });
    got.push(await arrived);
    if (gapMs) await sleep(gapMs);
  }
  const cal1 = await calibrate(receiver);
  const off = (cal0.offset + cal1.offset) / 2;
  return summarize(got.map((t, i) => t + off - sent[i]!).slice(10));
}

const breakdownOf = (run: PathRun) =>
  Object.fromEntries(
    Object.entries(run.parts).map(([k, v]) => [k, roundSummary(summarize(v))]),
  ) as Record<string, Summary>;
const line = (b: Record<string, Summary>) =>
  Object.entries(b)
    .map(([k, v]) => `${k} ${v.median}/${v.p95}`)
    .join(', ');

async function recordPath(
  testInfo: TestInfo,
  id: string,
  figure: string,
  run: PathRun,
  hop: Summary,
  strict: Summary,
  method: string,
  cpu: Record<string, number> | null = null,
) {
  const s = summarize(run.totals);
  const floor = { median: hop.median + strict.median, p95: hop.p95 + strict.p95 };
  const breakdown = breakdownOf(run);
  await record(testInfo, {
    id,
    figure,
    measured: `p95 ${ms(s.p95)} (median ${s.median.toFixed(1)}, p99 ${s.p99.toFixed(1)}; n=${s.n})`,
    floor: `p95 ${ms(floor.p95, 2)} (median ${floor.median.toFixed(2)}) = hop p95 ${hop.p95.toFixed(2)} + strict commit p95 ${strict.p95.toFixed(2)}`,
    goal: 'p95 ≤ floor p95 + 4 ms, and ≤ 16 ms',
    pass: s.p95 <= floor.p95 + 4 && s.p95 <= 16,
    method,
    values: {
      latency: roundSummary(s),
      floor: { median: Number(floor.median.toFixed(2)), p95: Number(floor.p95.toFixed(2)) },
      hop: roundSummary(hop),
      breakdown,
      viewSendsPerSale: run.viewSends,
      idbPerSale: run.idbPerSale,
      messagesPerSale: run.messagesPerSale,
      cpuPerSale: cpu,
    },
  });
  console.log(
    `  ${id} breakdown (median/p95 ms): ${line(breakdown)}; view sends per sale bc ${run.viewSends.bc}, ws ${run.viewSends.ws}; IndexedDB per sale rw ${run.idbPerSale.rw}, ro ${run.idbPerSale.ro} ${JSON.stringify(run.idbPerSale.roStores)}, requests ${run.idbPerSale.req}; messages out per sale ${JSON.stringify(run.messagesPerSale.out)}, in ${JSON.stringify(run.messagesPerSale.in)}`,
  );
  console.log(`  ${id} CPU ms per sale, by process: ${cpuLine(cpu)}`);
  expect(run.totals.length).toBe(STEPS);
}

test('7 · command API → overlay DOM, next to the write path floor', async ({
  browser,
  obs,
  baseURL,
}, testInfo) => {
  test.setTimeout(Math.max(8, Number(process.env.BENCH_MINUTES) || 0) * 60_000);
  const home = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
  const sender = new OBSWebSocket();
  const relay = await relayTool(`${baseURL!.replace(/^http/, 'ws')}/relay`);
  try {
    const { controller, overlay, tool, left, total } = await liveShow(
      home,
      obs,
      'command-path',
      STOCK,
      true,
    );
    await sender.connect(obs.url, obs.password);

    const path = { controller, overlay, warmup: WARMUP, steps: STEPS, total };
    const renderers = await namedRenderers([
      [controller, 'controller'],
      [overlay, 'stock overlay'],
    ]);
    const cpu = cpuTally(renderers);
    // BENCH_PROFILE=<file>: a CPU profile of the controller over 7a and 7a-backup, for Chromium's DevTools.
    const cdp = process.env.BENCH_PROFILE ? await home.newCDPSession(controller) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // A/B (issue 13 §3), interleaved in blocks so the machine's load falls on both alike: 7a (no
    // backup heard: no `log` sent) and 7a-backup (a stand-in backup heard on every transport: each
    // sale's entry also goes out as `log` on all three, as it did for every show before).
    const obsSend = (eventData: Record<string, unknown>) =>
      sender.call('BroadcastCustomEvent', { eventData: eventData as never });
    console.log(`  7 set up (${Math.round(performance.now() / 1000)} s)`);
    const backed: PathRun[] = [];
    const spaced: PathRun[] = [];
    // The screen's A/B (support/screenAb.ts) in the same blocks, its order rotated per block.
    const screens = [PLAIN_VARIANT, ...SCREEN_VARIANTS];
    const byScreen = new Map<string, PathRun[]>(screens.map((v) => [v.id, []]));
    for (let k = 0; k < BLOCKS; k++) {
      const block = { ...path, warmup: k ? 5 : WARMUP, steps: STEPS / BLOCKS, send: obsSend };
      for (let j = 0; j < screens.length; j++) {
        const v = screens[(j + k) % screens.length]!;
        await v.enter(controller);
        const prefix = `${v.id}-${k}`;
        console.log(
          `  7 block ${k + 1}/${BLOCKS}: ${v.id} (${Math.round(performance.now() / 1000)} s)`,
        );
        const sales = block.warmup + block.steps;
        byScreen.get(v.id)!.push(
          await measurePath({
            ...block,
            prefix,
            left: (await left()).stock,
            around: cpu.of(v.id, sales),
          }),
        );
        await v.leave(controller);
      }
      // 7a-spaced: as 7a, the next command sent only after the controller had time to draw the
      // last one (each command alone, not queued behind the previous one's screen work).
      spaced.push(
        await measurePath({
          ...block,
          gapMs: SPACED_GAP_MS,
          prefix: `sp${k}`,
          left: (await left()).stock,
          around: cpu.of('7a-spaced', block.warmup + block.steps),
        }),
      );
      const stopBackup = await standInBackup(tool, relay, obsSend);
      // Heard on all three before the first sale; as long a pause as before each 7a block.
      await sleep(BACKUP_HEARD_MS + 500);
      backed.push(
        await measurePath({
          ...block,
          prefix: `bk${k}`,
          left: (await left()).stock,
          around: cpu.of('7a-backup', block.warmup + block.steps),
        }),
      );
      await stopBackup();
      await sleep(BACKUP_HEARD_MS + 500); // forgotten: no `log` in the next 7a block
    }
    const viaObs = mergeRuns(byScreen.get('7a')!);
    const withBackup = mergeRuns(backed);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      (await import('node:fs')).writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    }
    // What the controller's main thread ran while each command was on its way in (traced apart).
    await browser.startTracing(controller, { categories: TRACE_CATEGORIES });
    const traced = await measurePath({
      ...path,
      warmup: 5,
      steps: STEPS / BLOCKS,
      send: obsSend,
      prefix: 'traced',
      left: (await left()).stock,
    });
    const hopTrace = await readHopTrace(
      browser,
      'bench-hop-align',
      await alignMark(controller, 'bench-hop-align'),
      traced.windows,
    );
    console.log(`  7a hop in, the controller's main thread meanwhile: ${JSON.stringify(hopTrace)}`);
    const viaRelay = await measurePath({
      ...path,
      prefix: 'relay',
      left: (await left()).stock,
      send: relay.send,
      around: cpu.of('7c', WARMUP + STEPS),
    });
    // As before: the preview in the controller's own process (its twin's relay refused).
    await controller.routeWebSocket(/^ws:\/\/127\.0\.0\.1:\d+\/relay$/, (ws) => ws.close());
    await controller.reload();
    await controller.locator('[data-testid="obs-pill"][data-state="connected"]').waitFor();
    await controller.locator('iframe[title="Overlay preview"][src^="/overlay/"]').waitFor();
    await controller.bringToFront();
    // The reloaded controller may have a renderer of its own now.
    const reloaded = await rendererOf(controller);
    if (reloaded !== null) renderers.set(reloaded, 'controller');
    const inline = await measurePath({
      ...path,
      prefix: 'inline',
      left: (await left()).stock,
      send: (eventData) => sender.call('BroadcastCustomEvent', { eventData: eventData as never }),
      around: cpu.of('7a-inline', WARMUP + STEPS),
    });

    // A sale-sized record: the last row of the show's log as stored.
    const row = await controller.evaluate(async () => {
      const open = indexedDB.open('flashcue');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      const cursor = db.transaction('events').objectStore('events').openCursor(null, 'prev');
      const value = await new Promise<unknown>(
        (ok) => (cursor.onsuccess = () => ok(cursor.result?.value)),
      );
      db.close();
      return value;
    });
    const bare = async () => {
      const p = await home.newPage();
      await installProbe(p);
      await gotoBlank(p);
      return p;
    };
    // The same bare commit inside the controller's page, its show live and idle: what the page
    // itself (not the write path) adds to a commit.
    const inPage = await commitFloor(controller, row, STEPS);
    const inPageStrict = summarize(inPage.strict.slice(10));
    console.log(
      `  7 strict commit in the idle controller page (median/p95 ms): ${inPageStrict.median.toFixed(2)}/${inPageStrict.p95.toFixed(2)}`,
    );
    const hop = await obsHop(await bare(), sender, obs);
    const relayHop = await relayFloor(await bare(), relay, STEPS);
    const commits = await commitFloor(await bare(), row, STEPS);
    const strict = summarize(commits.strict.slice(10));
    const relaxed = summarize(commits.relaxed.slice(10));
    // 7a-spaced's floor, paced as its commands are: a hop and a commit after 100 ms of quiet
    // pay for waking what slept (a bare strict commit here: median 1.4 against 0.8 back to back).
    const spacedHop = await obsHop(await bare(), sender, obs, SPACED_GAP_MS);
    const spacedStrict = summarize(
      (await commitFloor(await bare(), row, STEPS, SPACED_GAP_MS)).strict.slice(10),
    );
    const bcHop = await broadcastFloor(
      await bare(),
      await bare(),
      { app: 'bench-floor', view: {} },
      STEPS,
    );

    const common =
      `${STEPS} \`sale\` commands (after ${WARMUP} warm-up), each waited for. Start: just before the send in the bench process; end: a MutationObserver in the stock overlay (same browser as the controller, BroadcastChannel) when the count changes, which the overlay then tells the bench through a binding (no DevTools evaluation in flight while a command runs; the floors' hops are waited for the same way). ` +
      'Pages are put on the bench clock by min-RTT calibration. Floor, same run: the raw hop of a command-sized message on the same path from this process to a bare page client, ' +
      `plus one strict-durability IndexedDB readwrite commit of a real sale row in a bare page (p95 + p95). The outgoing BroadcastChannel hop (median ${bcHop.median.toFixed(2)}, p95 ${bcHop.p95.toFixed(2)} ms), not in the floor, is printed apart. CPU per sale, by process: user + system time from /proc from just before each block's first command to just after its last count (warm-up sales included), divided by the sales sent; renderers told apart by spinning each page's main thread (support/processCpu.ts).`;
    await recordPath(
      testInfo,
      '7a',
      'Command API → overlay DOM (obs-websocket in, BroadcastChannel out)',
      viaObs,
      hop,
      strict,
      'BroadcastCustomEvent from obs-websocket-js in the bench process; the controller listens on a socket of its own that never sends (shared/obs/splitConnection.ts). ' +
        common,
      cpu.perSale('7a'),
    );
    for (const v of SCREEN_VARIANTS)
      await recordPath(
        testInfo,
        v.id,
        `7a, the controller's screen: ${v.id.slice(3)}`,
        mergeRuns(byScreen.get(v.id)!),
        hop,
        strict,
        `${SCREEN_NOTE[v.id]} Alternating with 7a in ${BLOCKS} blocks (order rotated per block). ` +
          common,
        cpu.perSale(v.id),
      );
    await recordPath(
      testInfo,
      '7a-spaced',
      '7a with each command alone (sent 100 ms after the last one was shown)',
      mergeRuns(spaced),
      spacedHop,
      spacedStrict,
      `As 7a (Live screen shown), in the same ${BLOCKS} blocks, but the next command is sent ${SPACED_GAP_MS} ms after the overlay showed the last one, so it does not arrive while the controller still draws the previous sale: a command's own latency, apart from queueing behind back-to-back sales (7a sends the next one the moment the count changes). 10 sales a second is still beyond a live room's order rate. ` +
        `Its floor is paced the same way: each raw hop sent, and each bare commit made, ${SPACED_GAP_MS} ms after the last (7a's back-to-back floor, for comparison: p95 ${(hop.p95 + strict.p95).toFixed(2)} ms). ` +
        common,
      cpu.perSale('7a-spaced'),
    );
    await recordPath(
      testInfo,
      '7a-backup',
      '7a while a backup is heard on every transport (each sale also sent to it as `log`)',
      withBackup,
      hop,
      strict,
      `As 7a, alternating with it in ${BLOCKS} blocks (its figures are the other half of the same run), while a stand-in backup says hello every second on BroadcastChannel, the relay and obs-websocket (support/commandPath.ts standInBackup): the primary sends each entry as \`log\` on all three — what every show paid before \`log\` went only where a backup is heard. ` +
        common,
      cpu.perSale('7a-backup'),
    );
    await recordPath(
      testInfo,
      '7c',
      'Command API → overlay DOM (relay in, BroadcastChannel out)',
      viaRelay,
      relayHop,
      strict,
      "The command as one WebSocket message from `ws` in the bench process to the `npm start` server's relay (ws/relay; TCP_NODELAY on both ends). " +
        common,
      cpu.perSale('7c'),
    );
    await recordPath(
      testInfo,
      '7a-inline',
      "7a with the Live preview in the controller's own process (before)",
      inline,
      hop,
      strict,
      "As 7a, after the controller is reloaded with its preview forced back to the same origin (the twin's relay refused): the preview then renders on the controller's main thread. " +
        common,
      cpu.perSale('7a-inline'),
    );
    await record(testInfo, {
      id: '7b',
      figure: 'What strict durability costs per IndexedDB commit (sale row)',
      measured: `strict p95 ${ms(strict.p95, 2)} (median ${strict.median.toFixed(2)}) vs relaxed p95 ${ms(relaxed.p95, 2)} (median ${relaxed.median.toFixed(2)})`,
      floor: null,
      goal: 'measured (the event log is strict: an ack survives a power cut)',
      pass: null,
      method: `${STEPS} commits each way, interleaved, one put of a real sale row per readwrite transaction, in a bare page of the same browser.`,
      values: { strict: roundSummary(strict), relaxed: roundSummary(relaxed) },
    });
    const kinds = (k: Record<string, number>) =>
      Object.entries(k)
        .slice(0, 4)
        .map(([name, v]) => `${name} ${v}`)
        .join(', ');
    await record(testInfo, {
      id: '7h',
      figure: "7a hop in: what the controller's main thread ran meanwhile (one traced block)",
      measured: `busy during ${Math.round(hopTrace.busyShare * 100)} % of the hops, mean ${hopTrace.meanBusyMs} ms per hop (${kinds(hopTrace.byKind)}); slowest tenth ${hopTrace.slowTenthBusyMs} ms (${kinds(hopTrace.slowTenthByKind)})`,
      floor: null,
      goal: 'diagnostic (issue 13 §3)',
      pass: null,
      method: `${STEPS / BLOCKS} commands as in 7a under Chromium's trace (support/hopTrace.ts): for each, the top-level tasks of the controller's renderer main thread that overlap the time from its send to its receipt, each charged (ms per command) to its longest direct child. Traced apart: in no other figure.`,
      values: { ...hopTrace },
    });
  } finally {
    relay.close();
    await sender.disconnect().catch(() => undefined);
    await home.close();
  }
});
