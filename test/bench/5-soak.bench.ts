/**
 * Figure 5 — soak: a busy 4-hour show compressed in time (40 slots, 20 flash deals,
 * 2,400 units in 1,600 orders, viewer samples, cues, card in/out, undos), with the controller
 * and the composite overlay in one browser context whose clock is fast-forwarded through the
 * show. Heap growth of both, after forced garbage collection.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import {
  QUICK,
  benchSheet,
  commands,
  must,
  openController,
  openTool,
  record,
  round,
  test,
} from './support/bench';
import { installProbe } from './support/probe';

const SLOTS = QUICK ? 10 : 40;
const SLOT_MS = 6 * 60_000;
const CHUNKS = 6; // each slot: six 1-minute steps of show time
const ORDERS_PER_SLOT = 40; // alternating 1 and 2 units: 60 units a slot

const MB = 1024 * 1024;

async function heap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** The commands of slot `k` (1-based), in CHUNKS steps; fast-forwarded one minute after each. */
function slotPlan(k: number): Array<Array<[string, Record<string, unknown>?]>> {
  const steps: Array<Array<[string, Record<string, unknown>?]>> = Array.from(
    { length: CHUNKS },
    () => [],
  );
  steps[0]!.push(
    ['show.next'],
    ['cue', { text: `Slot ${k}: mention the bundle` }],
    ['lowerThird.hide'],
    ['lowerThird.show'],
  );
  const deal = k % 2 === 0; // 20 deals in 40 slots
  if (deal) steps[0]!.push(['deal.start', { seconds: 120 }]);
  if (deal && k % 4 === 2) steps[1]!.push(['deal.extend', { seconds: 30 }]);
  if (deal && k % 4 === 0) steps[1]!.push(['deal.end']); // the others expire at their deadline
  for (let o = 0; o < ORDERS_PER_SLOT; o++) {
    const step = steps[Math.floor((o * CHUNKS) / ORDERS_PER_SLOT)]!;
    step.push(['sale', { quantity: (o % 2) + 1, buyer: `viewer${(k * 131 + o) % 500}` }]);
    if (o % 5 === 4)
      step.push([
        'viewers',
        { concurrent: 800 + ((k * 37 + o * 11) % 400), unique: 2000 + k * 120 + o },
      ]);
  }
  // An order placed in error and taken back, every fourth slot (units stay at 60 a slot).
  if (k % 4 === 1) steps[3]!.push(['sale', { quantity: 2, buyer: 'oops' }], ['sale.undo']);
  return steps;
}

test('5 · soak: a 4-hour show compressed', async ({ browser }, testInfo) => {
  test.setTimeout((QUICK ? 2 : 5) * 60_000);
  const context: BrowserContext = await browser.newContext();
  try {
    await context.clock.install({ time: Date.now() });
    const controller = await context.newPage();
    await installProbe(controller);
    await openController(controller);
    const tool = await openTool(context);
    await must(tool, 'runsheet.load', {
      runSheet: benchSheet({
        id: 'soak',
        products: 20,
        stock: 1000,
        slots: 40,
        slotSec: SLOT_MS / 1000,
      }),
    });
    const overlay: Page = await context.newPage();
    await overlay.goto('/overlay/all.html?transport=broadcast');
    const cdpController = await context.newCDPSession(controller);
    const cdpOverlay = await context.newCDPSession(overlay);
    await must(tool, 'show.start');

    const samples: Array<{ slot: number; controller: number; overlay: number }> = [];
    const runSlot = async (k: number) => {
      for (const step of slotPlan(k)) {
        await commands(tool, step);
        await context.clock.fastForward(SLOT_MS / CHUNKS);
      }
    };
    // Slot 1 warms every path (each command kind, a deal, the card, the ticker) first.
    await runSlot(1);
    const base = { controller: await heap(cdpController), overlay: await heap(cdpOverlay) };
    samples.push({ slot: 1, ...base });
    for (let k = 2; k <= SLOTS; k++) {
      await runSlot(k);
      if (k % 10 === 0 || k === SLOTS)
        samples.push({
          slot: k,
          controller: await heap(cdpController),
          overlay: await heap(cdpOverlay),
        });
    }
    const end = samples.at(-1)!;
    const view = (await must(tool, 'state.get')).result as {
      ticker: { unitsTotal: number };
      show: { elapsedMs: number };
    };
    const report = (await must(tool, 'report.get')).result as {
      totals: { orders: number; units: number };
      deals: unknown[];
    };
    const growth = {
      controller: end.controller - base.controller,
      overlay: end.overlay - base.overlay,
    };
    const hours = view.show.elapsedMs / 3_600_000;
    const shape = `${SLOTS} slots, ${report.deals.length} deals, ${report.totals.units} units in ${report.totals.orders} orders, ${hours.toFixed(1)} h of show time`;
    const method =
      `One browser context with Playwright's clock installed: the controller, a tool page and the composite overlay (all.html, BroadcastChannel). The show: ${shape}, ` +
      'with viewer samples every 5 orders, a cue and the card out/in each slot, deals extended, ended by hand or left to expire, an undo every fourth slot. ' +
      `Each 6-minute slot runs in six steps: that step's commands, then clock.fastForward(1 min) (due timers fire). Heap = CDP Runtime.getHeapUsage usedSize after two HeapProfiler.collectGarbage; growth from the end of slot 1 (every path warmed) to the end of slot ${SLOTS}; 1 MB = 2^20 bytes.`;
    const trend = samples
      .map((s) => `${s.slot}: ${(s.controller / MB).toFixed(1)}/${(s.overlay / MB).toFixed(1)}`)
      .join(', ');
    await record(testInfo, {
      id: '5a',
      figure: `Soak (${QUICK ? '1 h' : '4 h'} show): controller heap growth`,
      measured: `${(growth.controller / MB).toFixed(2)} MB (${(base.controller / MB).toFixed(1)} → ${(end.controller / MB).toFixed(1)} MB)`,
      floor: null,
      goal: '≤ 10 MB',
      pass: growth.controller <= 10 * MB,
      method,
      values: {
        growthBytes: growth.controller,
        samples,
        trendMB: trend,
        shape,
        unitsInView: view.ticker.unitsTotal,
      },
    });
    await record(testInfo, {
      id: '5b',
      figure: `Soak (${QUICK ? '1 h' : '4 h'} show): overlay heap growth`,
      measured: `${(growth.overlay / MB).toFixed(2)} MB (${(base.overlay / MB).toFixed(1)} → ${(end.overlay / MB).toFixed(1)} MB)`,
      floor: null,
      goal: '≤ 2 MB',
      pass: growth.overlay <= 2 * MB,
      method: method.replace('Heap =', 'Overlay heap (all.html, which holds every card) ='),
      values: {
        growthBytes: growth.overlay,
        samples: samples.map((s) => ({ slot: s.slot, overlay: s.overlay })),
        perSlotBytes: round(growth.overlay / Math.max(1, SLOTS - 1), 0),
      },
    });
    console.log(`  heap MB by slot (controller/overlay): ${trend}`);
  } finally {
    await context.close();
  }
});
