/**
 * Figure 6 — recovery. (a) OBS crashes (SIGKILL) while the show goes on, then comes back:
 * time from OBS's websocket port accepting again to a remote overlay (obs-websocket) showing
 * the current state. (b) The controller reloaded mid-show: time from the reload to the Live
 * screen showing the resumed show; (c) the same after a busy stretch of orders, so the log it
 * replays is long. Each reload is broken down with the app's own performance marks.
 */
import net from 'node:net';
import type { Page } from '@playwright/test';
import {
  QUICK,
  benchSheet,
  command,
  commands,
  must,
  obsFragment,
  openController,
  openTool,
  record,
  round,
  sleep,
  summarize,
  test,
} from './support/bench';
import { benchNow, calibrate } from './support/clocks';
import { frameSeen, installProbe } from './support/probe';

/** Seconds OBS stays down before it is started again: a quick crash-restart, and a longer outage. */
const OUTAGES_S = QUICK ? [0, 0] : [0, 0, 0, 3, 10];
const RELOADS = QUICK ? 3 : 8;
/** Orders logged before the second series of reloads (6c). */
const BUSY_SALES = QUICK ? 500 : 2000;
const STOCK = 5000;

/** Resolves with the bench time at which `port` first accepts a connection (polled every 5 ms). */
function firstAccept(port: number, signal: { stop: boolean }): Promise<number | null> {
  return new Promise((resolve) => {
    const attempt = () => {
      if (signal.stop) return resolve(null);
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        const t = benchNow();
        socket.destroy();
        resolve(t);
      });
      socket.once('error', () => setTimeout(attempt, 5));
    };
    attempt();
  });
}

/** Where one reload's time went, in ms from navigation start (medians go in the footnote). */
interface Breakdown {
  /** The controller's module script has run (DOMContentLoaded). */
  script: number;
  /** This tab holds the tab lock. */
  tabLock: number;
  /** The show's log read from IndexedDB (end), and how long the read took. */
  logRead: number;
  logReadMs: number;
  /** Replay of the log: how long it took. */
  replayMs: number;
  /** The Live screen first shows the resumed show (DOM), and the frame after it. */
  dom: number;
  frame: number;
  /** Main-thread tasks over 50 ms during the load: "start+duration". */
  longTasks: string[];
}

/**
 * Reloads the controller `times` times and waits each time for the ready conditions stored in
 * sessionStorage to hold and for the frame after.
 */
async function reloads(
  controller: Page,
  times: number,
): Promise<{ series: Breakdown[]; twoFramesMs: number }> {
  // A producer reloads the controller they are looking at. Playwright reports every page
  // visible, but the tool page opened after the controller is in front of it in the same
  // window: Chromium never draws the controller's frames, and viz throttles a page whose frames
  // go undrawn to one BeginFrame a second (ThrottleUndrawnFrames), before and after a reload
  // alike. A reload whose DOM came after that throttle set in waited up to a second for its frame.
  await controller.bringToFront();
  // How long two frames take on the controller right now: the check that it is drawn.
  const twoFramesMs = await controller.evaluate(async () => {
    const start = performance.now();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - start;
  });
  const out: Breakdown[] = [];
  for (let i = 0; i < times; i++) {
    await sleep(500);
    const resumed = await frameSeen(controller, 'resumed', 15_000);
    await controller.reload();
    await resumed();
    out.push(
      await controller.evaluate(() => {
        const mark = (name: string) =>
          performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN;
        const measure = (name: string) => performance.getEntriesByName(name, 'measure')[0];
        const read = measure('flashcue:loadEvents');
        return {
          script: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .domContentLoadedEventStart,
          tabLock: mark('flashcue:tab-lock'),
          logRead: read ? read.startTime + read.duration : NaN,
          logReadMs: read?.duration ?? NaN,
          replayMs: measure('flashcue:replay')?.duration ?? NaN,
          dom: window.__bench.ready.resumed!,
          frame: window.__bench.frame.resumed!,
          longTasks: window.__bench.longtasks.map(
            (t) => `${Math.round(t.start)}+${Math.round(t.duration)}`,
          ),
        };
      }),
    );
  }
  return { series: out, twoFramesMs };
}

/** Sets the ready conditions a reloaded controller must meet: what it shows right now. */
async function expectAfterReload(controller: Page): Promise<void> {
  const title =
    (await controller.locator('[data-testid="on-air-title"]').textContent())?.trim() ?? '';
  const units = (await controller.locator('[data-testid="units"]').textContent())?.trim() ?? '';
  await controller.evaluate(
    (all) => sessionStorage.setItem('bench-ready', JSON.stringify([{ name: 'resumed', all }])),
    [
      { selector: '[data-testid="on-air-title"]', value: title },
      { selector: '[data-testid="units"]', value: units },
    ],
  );
}

const median = (values: number[]) => summarize(values.filter((v) => !Number.isNaN(v))).median;

/** One row for a series of reloads: the worst frame, and where the time went (medians). */
function reloadRow(
  id: string,
  figure: string,
  sales: number,
  { series, twoFramesMs }: { series: Breakdown[]; twoFramesMs: number },
) {
  const frames = series.map((b) => b.frame);
  const s = summarize(frames);
  const stalled = series.filter((b) => b.frame - b.dom > 200).length;
  return {
    id,
    figure,
    measured:
      `worst ${s.max.toFixed(0)} ms (median ${s.median.toFixed(0)}; n=${s.n}; DOM right by ${Math.max(...series.map((b) => b.dom)).toFixed(0)} ms at worst` +
      `${stalled ? `; ${stalled} frame${stalled > 1 ? 's' : ''} > 200 ms after the DOM` : ''})`,
    floor: null,
    goal: '≤ 1 s',
    pass: s.max <= 1000,
    method:
      `The controller (connected to OBS, a show live with ${sales.toLocaleString('en')} sales) reloaded ${series.length} times; from navigation start (the new page's time origin) to the animation frame after ` +
      'its Live screen first shows the segment on air and the units sold as before the reload (MutationObserver, then requestAnimationFrame). ' +
      `Medians, from navigation start: script done ${median(series.map((b) => b.script)).toFixed(0)} ms, tab lock ${median(series.map((b) => b.tabLock)).toFixed(0)}, ` +
      `log read ${median(series.map((b) => b.logRead)).toFixed(0)} (${median(series.map((b) => b.logReadMs)).toFixed(0)} ms reading), replay ${median(series.map((b) => b.replayMs)).toFixed(1)} ms, ` +
      `DOM right ${median(series.map((b) => b.dom)).toFixed(0)}, frame ${median(frames).toFixed(0)} (app marks flashcue:*). ` +
      `The controller is brought to the front first, as a producer's is: a page behind another of its context is never drawn, and viz ` +
      `then sends it one BeginFrame a second (trace: ThrottleUndrawnFrames), so its frame came up to 1 s after the DOM. Two frames on the ` +
      `controller before the first reload took ${twoFramesMs.toFixed(0)} ms (about 33 when drawn, about 2,000 when throttled).`,
    values: {
      twoFramesBeforeMs: round(twoFramesMs),
      frameMs: frames.map((v) => round(v)),
      domMs: series.map((b) => round(b.dom)),
      breakdown: series.map((b) => ({
        ...b,
        script: round(b.script),
        tabLock: round(b.tabLock),
        logRead: round(b.logRead),
        logReadMs: round(b.logReadMs),
        replayMs: round(b.replayMs),
        dom: round(b.dom),
        frame: round(b.frame),
      })),
    },
  };
}

test('6 · recovery after OBS returns and after a controller reload', async ({
  browser,
  obs,
}, testInfo) => {
  test.setTimeout((QUICK ? 2.5 : 5) * 60_000);
  const home = await browser.newContext();
  const remote = await browser.newContext();
  try {
    const controller = await home.newPage();
    await installProbe(controller, { readyFromSession: true, longtasks: true });
    await openController(controller, obs);
    const tool = await openTool(home);
    await must(tool, 'runsheet.load', {
      runSheet: benchSheet({ id: 'recovery', products: 2, stock: STOCK, slots: 2, slotSec: 3600 }),
    });
    await must(tool, 'show.start');
    await must(tool, 'show.next');
    const overlay = await remote.newPage();
    await installProbe(overlay, { watch: [{ name: 'count', selector: '.fc-stock-count' }] });
    await overlay.goto(`/overlay/stock.html?transport=obs${obsFragment(obs)}`);
    let left = STOCK;
    await overlay.evaluate((v) => window.__bench.waitFor('count', v, 10_000), `${left}/${STOCK}`);
    const clock = await calibrate(overlay);

    // --- (a) OBS killed; a sale while it is down; OBS restarted.
    const outages: Array<{ downS: number; recoveryMs: number; downMs: number }> = [];
    for (const downS of OUTAGES_S) {
      await sleep(1500);
      const killedAt = benchNow();
      obs.kill();
      await sleep(100);
      // The show goes on: the overlay cannot hear this until OBS is back.
      const ack = await command(tool, 'sale');
      if (!ack.ok) throw new Error(`sale refused while OBS was down: ${ack.error}`);
      left -= 1;
      await sleep(downS * 1000);
      const signal = { stop: false };
      const accepted = firstAccept(obs.port, signal);
      await obs.restart();
      const acceptAt = await accepted;
      signal.stop = true;
      const shownAt = await overlay.evaluate(
        (v) => window.__bench.waitFor('count', v, 60_000),
        `${left}/${STOCK}`,
      );
      outages.push({
        downS,
        recoveryMs: round(shownAt + clock.offset - acceptAt!),
        downMs: round(acceptAt! - killedAt),
      });
    }
    const worst = Math.max(...outages.map((o) => o.recoveryMs));
    const quick = outages.filter((o) => o.downS === 0).map((o) => o.recoveryMs);
    const long = outages.filter((o) => o.downS > 0);
    await record(testInfo, {
      id: '6a',
      figure: 'Overlay correct after OBS returns',
      measured:
        `worst ${(worst / 1000).toFixed(2)} s; crash-restart ${quick.map((v) => (v / 1000).toFixed(2)).join(', ')} s` +
        (long.length
          ? `; down ${long.map((o) => `${(o.downMs / 1000).toFixed(0)} s → ${(o.recoveryMs / 1000).toFixed(2)}`).join(', ')} s`
          : ''),
      floor: null,
      goal: '≤ 2 s',
      pass: worst <= 2000,
      method:
        'The controller (connected to real OBS) and a stock overlay in another context on ?transport=obs#obs=…; OBS is SIGKILLed, a sale is recorded while it is down, ' +
        `then after ${OUTAGES_S.map((s) => `${s} s`).join(', ')} the harness starts OBS again (≈1 s to open its port). From the moment OBS's port first accepts (polled every 5 ms) ` +
        "to the overlay's count showing that sale (MutationObserver, overlay clock mapped onto the bench clock). Both ends reconnect on their own backoff.",
      values: { outages },
    });

    // --- (b) The controller reloaded mid-show; (c) again after a busy stretch of orders.
    await expectAfterReload(controller);
    const few = await reloads(controller, RELOADS);
    await record(testInfo, reloadRow('6b', 'Controller resumed after a reload', STOCK - left, few));
    await commands(
      tool,
      Array.from({ length: BUSY_SALES }, () => ['sale'] as [string]),
    );
    left -= BUSY_SALES;
    await expectAfterReload(controller);
    const busy = await reloads(controller, RELOADS);
    await record(
      testInfo,
      reloadRow(
        '6c',
        `Controller resumed after a reload, ${(STOCK - left).toLocaleString('en')} sales logged`,
        STOCK - left,
        busy,
      ),
    );
  } finally {
    await remote.close();
    await home.close();
  }
});
