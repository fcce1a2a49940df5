/**
 * What every figure shares: the real OBS (one per bench run), quick mode, statistics, the rows
 * the reporter prints, run sheets sized for the figures, and a tool page that speaks the
 * command API over BroadcastChannel.
 */
import { command as sendCommand, type Ack } from '../../e2e/support/tool';
import {
  test as base,
  type Browser,
  type BrowserContext,
  type Page,
  type TestInfo,
} from '@playwright/test';
import OBSWebSocket from 'obs-websocket-js/json';
import { obsAvailable, startObs, type ObsInstance } from '../../obs/obsHarness';
import type { RunSheetInput } from '../../../shared/runsheet';
import { installProbe } from './probe';

/** BENCH_QUICK=1: shorter runs of the same measurements (the 3-minute bench). */
export const QUICK = process.env.BENCH_QUICK === '1';

export const test = base.extend<object, { obs: ObsInstance }>({
  obs: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!obsAvailable())
        throw new Error('The bench needs real OBS: apt-get install obs-studio xvfb');
      const obs = await startObs({ password: 'flashcue-bench' });
      try {
        await use(obs);
      } finally {
        await obs.stop();
      }
    },
    { scope: 'worker' },
  ],
});
export { expect } from '@playwright/test';

// ---------------------------------------------------------------------------------------
// Rows: what the reporter prints and writes to test-results/bench.json.

export interface Row {
  /** e.g. "1a" */
  id: string;
  figure: string;
  /** As printed, e.g. "p95 3.1 ms (median 2.4, p99 5.0; n=500)". */
  measured: string;
  /** As printed, or null where a figure has no floor. */
  floor: string | null;
  goal: string;
  /** null: informational, no goal. */
  pass: boolean | null;
  /** How it was measured: the table's footnote. */
  method: string;
  /** Numbers behind the text, for the JSON. */
  values: Record<string, unknown>;
}

export async function record(testInfo: TestInfo, row: Row): Promise<void> {
  console.log(
    `  [${row.id}] ${row.figure}: ${row.measured}${row.floor ? ` | floor ${row.floor}` : ''} | goal ${row.goal} | ${row.pass === null ? '—' : row.pass ? 'pass' : 'MISS'}`,
  );
  await testInfo.attach('bench-row', {
    body: JSON.stringify(row),
    contentType: 'application/json',
  });
}

export async function recordMachine(
  testInfo: TestInfo,
  browser: Browser,
  obs: ObsInstance,
): Promise<void> {
  const client = new OBSWebSocket();
  let obsVersion: string;
  try {
    await client.connect(obs.url, obs.password);
    const v = await client.call('GetVersion');
    obsVersion = `${v.obsVersion} (obs-websocket ${v.obsWebSocketVersion})`;
  } finally {
    await client.disconnect();
  }
  await testInfo.attach('bench-machine', {
    body: JSON.stringify({ chromium: browser.version(), obs: obsVersion }),
    contentType: 'application/json',
  });
}

// ---------------------------------------------------------------------------------------
// Statistics (nearest-rank percentiles).

export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    min: s[0] ?? NaN,
    median: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    p99: quantile(s, 0.99),
    max: s.at(-1) ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

export const ms = (value: number, digits = 1): string => `${value.toFixed(digits)} ms`;
export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
export const roundSummary = (s: Summary, digits = 2): Summary =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, k === 'n' ? v : round(v, digits)]),
  ) as unknown as Summary;

// ---------------------------------------------------------------------------------------
// Run sheets.

export interface SheetShape {
  id: string;
  products: number;
  stock: number;
  /** Product slots, cycling through the products. */
  slots: number;
  slotSec: number;
}

export function benchSheet({ id, products, stock, slots, slotSec }: SheetShape): RunSheetInput {
  return {
    format: 'flashcue.runsheet',
    version: 1,
    id,
    show: {
      title: `Bench ${id}`,
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      durationSec: Math.min(24 * 3600, slots * slotSec + 60),
      livePriceFrom: 'firstOnAir',
    },
    products: Array.from({ length: products }, (_, i) => ({
      id: `p${i + 1}`,
      name: `Bench Product ${i + 1}`,
      retailPrice: 29900,
      livePrice: 19900,
      flashPrice: 14900,
      stock,
      flashSeconds: 60,
      talkingPoints: ['Point one', 'Point two'],
    })),
    segments: [
      { id: 'open', kind: 'opening', durationSec: 60 },
      ...Array.from({ length: slots }, (_, i) => ({
        id: `s${i + 1}`,
        kind: 'product' as const,
        productId: `p${(i % products) + 1}`,
        durationSec: slotSec,
      })),
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Pages.

/**
 * A same-origin document in which no app code runs, for tools and plain clients: the app's
 * icon. (A page the bench fulfils itself would not do: Chromium's local-network checks then
 * block its sockets to OBS on 127.0.0.1.)
 */
export async function gotoBlank(page: Page): Promise<void> {
  await page.goto('/favicon.svg');
}

/** A page in `context` that sends commands over BroadcastChannel, as a Stream Deck tool would. */
export async function openTool(context: BrowserContext): Promise<Page> {
  const tool = await context.newPage();
  await installProbe(tool);
  await gotoBlank(tool);
  return tool;
}

/** The e2e suite's command sender, with a longer wait: a loaded machine acks slowly. */
export const command = (
  tool: Page,
  name: string,
  args: Record<string, unknown> = {},
): Promise<Ack> => sendCommand(tool, name, args, undefined, 10_000);

/** Sends a command that must be accepted. */
export async function must(
  tool: Page,
  name: string,
  args: Record<string, unknown> = {},
): Promise<Ack> {
  const ack = await command(tool, name, args);
  if (!ack.ok) throw new Error(`${name} ${JSON.stringify(args)} was refused: ${ack.error}`);
  return ack;
}

export const obsFragment = (obs: ObsInstance): string =>
  `#obs=${encodeURIComponent(obs.url)}&password=${encodeURIComponent(obs.password)}`;

/** The controller, primary and with its Live screen up (connected to OBS when `obs` is given). */
export async function openController(page: Page, obs?: ObsInstance): Promise<void> {
  await page.goto(obs ? `/controller/${obsFragment(obs)}` : '/controller/#/live');
  if (obs)
    await page
      .locator('[data-testid="obs-pill"][data-state="connected"]')
      .waitFor({ timeout: 15_000 });
}

/** Counts the sale events in the show's log, read straight from IndexedDB. */
export async function loggedSales(page: Page, showId: string): Promise<number> {
  return page.evaluate(
    (showId) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('flashcue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db
            .transaction('events')
            .objectStore('events')
            .index('showId')
            .getAll(showId);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const rows = request.result as Array<{ event: { type: string; undoneAt?: unknown } }>;
            db.close();
            resolve(rows.filter((r) => r.event.type === 'sale').length);
          };
        };
      }),
    showId,
  );
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Sends commands one after another from inside the tool page (no round trip per command). */
export async function commands(
  tool: Page,
  list: Array<[string, Record<string, unknown>?]>,
): Promise<void> {
  const refused = await tool.evaluate(async (list) => {
    const channel = new BroadcastChannel('flashcue');
    const waiting = new Map<string, (ack: Ack) => void>();
    channel.onmessage = (event) => {
      const data = event.data as Ack & { kind?: string };
      if (data?.kind === 'ack') waiting.get(data.id)?.(data);
    };
    try {
      for (const [name, args] of list) {
        const id = `c-${Math.random().toString(36).slice(2)}`;
        const ack = await new Promise<Ack | null>((resolve) => {
          const timer = setTimeout(() => resolve(null), 10_000);
          waiting.set(id, (a) => {
            clearTimeout(timer);
            resolve(a);
          });
          channel.postMessage({
            app: 'flashcue',
            v: 1,
            kind: 'command',
            id,
            command: name,
            args: args ?? {},
          });
        });
        waiting.delete(id);
        if (!ack) return `${name}: no ack within 10 s`;
        if (!ack.ok) return `${name} ${JSON.stringify(args ?? {})}: ${ack.error}`;
      }
      return null;
    } finally {
      channel.close();
    }
  }, list);
  if (refused) throw new Error(`refused: ${refused}`);
}
