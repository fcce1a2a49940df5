/**
 * Figure 7w — what a command path off the controller's main thread could reach (issue 13 §3),
 * measured before it is built: each `sale` goes once through OBS; the real controller handles
 * it (7a's path, to the stock overlay) while a bare Worker in the same page hears the same
 * event on a socket of its own, writes a sale-sized row strictly and posts on BroadcastChannel
 * to a bare page (support/workerLane.ts). Both from the same send, in the same run, with the Live
 * screen shown and with another screen open (7a's `hidden`), alternating in blocks. The
 * worker's own commit time (transaction open → complete, on its thread) is printed beside.
 */
import OBSWebSocket from 'obs-websocket-js/json';
import { QUICK, gotoBlank, ms, record, roundSummary, summarize, test } from './support/bench';
import { calibrate } from './support/clocks';
import { liveShow, measurePath, mergeRuns, type PathRun } from './support/commandPath';
import { installProbe } from './support/probe';
import { PLAIN_VARIANT, SCREEN_VARIANTS } from './support/screenAb';
import { cpuLine, cpuTally, namedRenderers } from './support/processCpu';
import { laneReceiver, startWorkerLane } from './support/workerLane';

const STEPS = QUICK ? 100 : 300;
const BLOCKS = QUICK ? 4 : 6;
const WARMUP = 20;

test('7w · a command lane in a Worker beside the real path', async ({ browser, obs }, testInfo) => {
  test.setTimeout(10 * 60_000);
  // The controller's CSP allows workers from its own origin only; the lane is a Blob.
  const home = await browser.newContext({
    viewport: { width: 1280, height: 1400 },
    bypassCSP: true,
  });
  const sender = new OBSWebSocket();
  try {
    const { controller, overlay, left, total } = await liveShow(home, obs, 'worker-lane', 100_000);
    const receiver = await home.newPage();
    await installProbe(receiver);
    await gotoBlank(receiver);
    await laneReceiver(receiver);
    await controller.bringToFront(); // the receiver's tab opened over it
    await sender.connect(obs.url, obs.password);
    await startWorkerLane(controller, obs);
    const cpu = cpuTally(
      await namedRenderers([
        [controller, 'controller'],
        [overlay, 'stock overlay'],
      ]),
    );

    const hidden = SCREEN_VARIANTS.find((v) => v.id === '7a-hidden')!;
    const screens = [PLAIN_VARIANT, hidden];
    const runs = new Map<string, { real: PathRun[]; lane: number[]; commit: number[] }>(
      screens.map((v) => [v.id, { real: [], lane: [], commit: [] }]),
    );
    for (let k = 0; k < BLOCKS; k++) {
      for (let j = 0; j < screens.length; j++) {
        const v = screens[(j + k) % screens.length]!;
        await v.enter(controller);
        const steps = STEPS / BLOCKS;
        const warmup = k ? 5 : WARMUP;
        const cal0 = await calibrate(receiver);
        const run = await measurePath({
          controller,
          overlay,
          warmup,
          steps,
          total,
          prefix: `w${v.id}-${k}`,
          left: (await left()).stock,
          send: (eventData) =>
            sender.call('BroadcastCustomEvent', { eventData: eventData as never }),
          around: cpu.of(v.id, warmup + steps),
        });
        const cal1 = await calibrate(receiver);
        const off = (cal0.offset + cal1.offset) / 2;
        const marks = await receiver.evaluate(() => window.__bench.marks.lane ?? []);
        const commits = await receiver.evaluate(
          () => (window as unknown as { __laneCommit: Record<string, number> }).__laneCommit,
        );
        const acc = runs.get(v.id)!;
        acc.real.push(run);
        for (const { id, at } of run.sent) {
          const got = marks.find((m) => m.v === id);
          if (got) acc.lane.push(got.t + off - at);
          if (commits[id] !== undefined) acc.commit.push(commits[id]);
        }
        await v.leave(controller);
      }
    }

    for (const v of screens) {
      const acc = runs.get(v.id)!;
      const real = summarize(mergeRuns(acc.real).totals);
      const lane = summarize(acc.lane);
      const commit = summarize(acc.commit);
      const perSale = cpu.perSale(v.id);
      const where = v.id === '7a' ? 'Live screen shown' : 'another screen open (hidden)';
      console.log(`  7w ${where}: CPU ms per sale, by process: ${cpuLine(perSale)}`);
      await record(testInfo, {
        id: v.id === '7a' ? '7w' : '7w-hidden',
        figure: `A command lane in a Worker, beside 7a's real path: ${where}`,
        measured: `lane p95 ${ms(lane.p95)} (median ${lane.median.toFixed(1)}; n=${lane.n}); its commit p95 ${ms(commit.p95)} (median ${commit.median.toFixed(1)}); the real path, same sales: p95 ${ms(real.p95)} (median ${real.median.toFixed(1)})`,
        floor: null,
        goal: 'diagnostic (issue 13 §3: where the show runner in a Worker would land)',
        pass: null,
        method: `${STEPS} \`sale\` commands (after warm-up) in ${BLOCKS} blocks alternating the Live screen shown and another screen open, each sent once through OBS (BroadcastCustomEvent from this process). The real controller handles each (to the stock overlay's DOM, as 7a); a Worker in the controller's page hears the same event on its own obs-websocket socket, commits a sale-sized row (strict; the events store's key and indexes; the previous row read in the transaction) and posts on BroadcastChannel to a bare page (support/workerLane.ts): no decide, no view. Lane: the send to the bare page's message event; commit: the worker's transaction, open to complete. Pages on the bench clock by min-RTT calibration.`,
        values: {
          lane: roundSummary(lane),
          laneCommit: roundSummary(commit),
          real: roundSummary(real),
          cpuPerSale: perSale,
        },
      });
    }
  } finally {
    await sender.disconnect().catch(() => undefined);
    await home.close();
  }
});
