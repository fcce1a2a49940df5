/**
 * Properties of the report over random producer sessions (test/support/commandArbitraries.ts):
 * totals equal the sums over the log, whichever way they are summed. On failure fast-check
 * prints `{ seed, path }`; rerun with FC_SEED=<seed> FC_PATH=<path>; FC_RUNS=5000 hunts longer.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  parseCommand,
  replay,
  type ShowCommandInput,
  type ShowEvent,
} from '../../../../shared/show';
import { apiReport } from '../../../../shared/report/apiFigures';
import { reportCsv } from '../../../../shared/report/csv';
import {
  buildReport,
  reportFromContext,
  type OrderLine,
  type ShowReport,
} from '../../../../shared/report/showReport';
import { runParameters, session, type Step } from '../../../support/commandArbitraries';
import { drive } from '../../../support/driver';
import { makeSheet, withSkus } from '../../../support/sheets';

const sheet = makeSheet(withSkus);
const timeout = process.env.FC_RUNS ? 3_600_000 : 30_000;

function run(steps: Step[], tailMs: number) {
  const s = drive(sheet);
  for (const { ms, command } of steps) {
    s.advance(ms);
    if (parseCommand(command).ok) s.run(command as ShowCommandInput);
  }
  s.advance(tailMs);
  return { log: s.log, now: s.now(), live: s.ctx() };
}

/**
 * Orders and units straight from the log, no machine: an undo takes back the last order
 * standing; a cancellation takes out its order wherever it stands.
 */
function fromLog(log: readonly ShowEvent[]) {
  const all: Array<{ quantity: number; orderId?: string; standing: boolean }> = [];
  for (const e of log) {
    if (e.type === 'sale') all.push({ quantity: e.quantity, orderId: e.orderId, standing: true });
    if (e.type === 'sale.undo') all.filter((o) => o.standing).at(-1)!.standing = false;
    if (e.type === 'sale.cancel') all.find((o) => o.orderId === e.orderId)!.standing = false;
  }
  const standing = all.filter((o) => o.standing).map((o) => o.quantity);
  return { orders: standing.length, units: standing.reduce((a, b) => a + b, 0) };
}

const sum = <T>(rows: readonly T[], pick: (row: T) => number) =>
  rows.reduce((a, r) => a + pick(r), 0);

function checkSums(report: ShowReport, log: readonly ShowEvent[], stock: Record<string, number>) {
  const { totals } = report;
  const direct = fromLog(log);
  expect(totals.orders).toBe(direct.orders);
  expect(totals.units).toBe(direct.units);
  const live = report.orders.filter((o) => o.counted);
  expect(totals.gmv).toBe(sum(live, (o) => o.unitPrice * o.quantity));
  // Orders placed before the show started fall in no run.
  const beforeRuns = live.filter((o) => o.run === null);
  const figure = {
    gmv: (o: OrderLine) => o.lineTotal,
    units: (o: OrderLine) => o.quantity,
    orders: () => 1,
  };
  // GMV, units, orders: Σ per product (+ off the run sheet) = Σ per run (+ before any run) =
  // the totals; in-deal + outside = product.
  for (const key of ['gmv', 'units', 'orders'] as const) {
    expect(sum(report.products, (p) => p[key]) + report.orderNotes.offSheet[key]).toBe(totals[key]);
    expect(sum(report.runs, (r) => r[key]) + sum(beforeRuns, figure[key])).toBe(totals[key]);
    for (const p of report.products) {
      expect(p.inDeals[key] + p.outsideDeals[key]).toBe(p[key]);
      expect(sum(p.slots, (slot) => slot[key])).toBeLessThanOrEqual(p[key]);
    }
    expect(sum(report.deals, (d) => d[key])).toBe(sum(report.products, (p) => p.inDeals[key]));
  }
  for (const deal of report.deals) {
    // Only platform orders go past a cap, each flagged with how far.
    const past = sum(
      live.filter((o) => o.dealId === deal.id),
      (o) => o.order?.overCap ?? 0,
    );
    if (deal.cap !== null) expect(deal.units - past).toBeLessThanOrEqual(deal.cap);
    expect(deal.actualMs).toBeGreaterThanOrEqual(0);
    // A deal's clock runs at most its planned length plus extensions.
    expect(deal.actualMs).toBeLessThanOrEqual(deal.plannedMs + deal.extendedMs);
  }
  // Time: per-product on air + the rest = on air; on air + paused = the show's length.
  expect(sum(report.products, (p) => p.onAirMs) + totals.onAirWithoutProductMs).toBe(
    totals.onAirMs,
  );
  expect(totals.onAirMs + totals.pausedMs).toBe(totals.actualMs);
  expect(report.runs.every((r) => r.onAirMs >= 0 && r.pausedMs >= 0)).toBe(true);
  // Rates are numbers or null, never NaN or Infinity.
  const rates = [
    report.viewers.conversionRate,
    report.viewers.averageConcurrent,
    ...report.products.map((p) => p.unitsPerMinuteOnAir),
  ];
  expect(rates.every((r) => r === null || Number.isFinite(r))).toBe(true);
  // Series agree with the totals and the stock.
  const curve = report.series.gmvOverTime;
  if (curve.length) {
    expect(curve.at(-1)!.gmv).toBe(totals.gmv);
    expect(curve.every((p, i) => i === 0 || p.gmv >= curve[i - 1]!.gmv)).toBe(true);
  }
  expect(
    report.timeline.every((e, i) => i === 0 || e.startAt >= report.timeline[i - 1]!.startAt),
  ).toBe(true);
  const burn = report.series.stockBurnDown;
  if (burn)
    for (const [id, points] of Object.entries(burn))
      expect(points.at(-1)!.remaining).toBe(stock[id]);
}

describe('report totals equal the sums over the log', () => {
  test('for random sessions (150 runs)', { timeout }, () => {
    let withSales = 0;
    fc.assert(
      fc.property(session(50), fc.integer({ min: 0, max: 10 * 60_000 }), (steps, tail) => {
        const { log, now, live } = run(steps, tail);
        const report = buildReport(sheet, log, { now });
        if (report.totals.orders > 0) withSales++;
        checkSums(report, log, replay(sheet, log, now).context.stock);
        // The live actor's context gives the same report (bar the log-only burn-down).
        const fromLive = reportFromContext(replay(sheet, log, now).context, now);
        expect({ ...fromLive, series: { ...fromLive.series, stockBurnDown: null } }).toEqual({
          ...report,
          series: { ...report.series, stockBurnDown: null },
        });
        expect(live.sales).toEqual(replay(sheet, log, now).context.sales);
        // The API answer is plain JSON (no NaN, no undefined) and the sales CSV has every order.
        const api = apiReport(report, 'CNY');
        expect(JSON.parse(JSON.stringify(api))).toEqual(api);
        // (Papa ends a header-only CSV with a line break: count the lines that hold something.)
        const lines = reportCsv(report, 'sales', { bom: false }).split('\r\n').filter(Boolean);
        expect(lines).toHaveLength(1 + report.orders.length);
      }),
      runParameters(150),
    );
    // The generator must actually exercise sales, or the sums above prove little.
    expect(withSales).toBeGreaterThan(30);
  });
});
