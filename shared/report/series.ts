/**
 * Series for the report's charts, on one axis: ms since the show's start (`t`).
 *
 * Stock burn-down needs the event log, not just the context: the context keeps the current
 * stock and the sales (with their undo times), but a `stock.set` leaves no trace in it. So
 * `buildReport` replays the log one event at a time and notes every change of stock as the
 * machine itself computed it (a `StockTrail`); nothing here re-implements the stock rules.
 */
import type { ShowContext, ShowEvent } from '../show/types';
import type { OrderLine, ProductRow, RunRow, Series, StockPoint } from './types';

export interface StockChange {
  at: number;
  productId: string;
  remaining: number;
  cause: StockPoint['cause'];
}

export interface StockTrail {
  /** Stock when the show started (corrections made before it folded in); null if not started. */
  atStart: Record<string, number> | null;
  /** Changes after the start, in log order. */
  changes: StockChange[];
}

const causeOf: Partial<Record<ShowEvent['type'], StockChange['cause']>> = {
  sale: 'sale',
  'sale.undo': 'undo',
  'stock.set': 'stock.set',
};

/** Collects a trail while a caller replays: call `note` after applying each event. */
export function stockTrailRecorder(initial: Record<string, number>) {
  let previous = initial;
  const trail: StockTrail = { atStart: null, changes: [] };
  return {
    trail,
    note(event: ShowEvent, ctx: ShowContext): void {
      if (event.type === 'show.start') trail.atStart = { ...ctx.stock };
      else if (trail.atStart && ctx.stock !== previous) {
        for (const [productId, remaining] of Object.entries(ctx.stock)) {
          if (previous[productId] === remaining) continue;
          // Another event type changing stock would be new machine behaviour: still charted.
          trail.changes.push({
            at: event.at,
            productId,
            remaining,
            cause: causeOf[event.type] ?? 'stock.set',
          });
        }
      }
      previous = ctx.stock;
    },
  };
}

export function stockBurnDown(
  trail: StockTrail,
  base: number,
  endAt: number,
): Record<string, StockPoint[]> | null {
  if (!trail.atStart) return null;
  const out: Record<string, StockPoint[]> = {};
  for (const [productId, remaining] of Object.entries(trail.atStart)) {
    out[productId] = [{ t: 0, at: base, remaining, cause: 'start' }];
  }
  for (const change of trail.changes) {
    (out[change.productId] ??= []).push({
      t: change.at - base,
      at: change.at,
      remaining: change.remaining,
      cause: change.cause,
    });
  }
  // A closing point so a line chart runs to the end; an undo after the end extends it.
  for (const points of Object.values(out)) {
    const last = points.at(-1)!;
    if (last.at < endAt)
      points.push({ t: endAt - base, at: endAt, remaining: last.remaining, cause: 'end' });
  }
  return out;
}

export function buildSeries(
  ctx: ShowContext,
  parts: {
    orders: readonly OrderLine[];
    runs: readonly RunRow[];
    products: readonly ProductRow[];
    endAt: number;
    trail: StockTrail | null;
  },
): Series {
  const base = ctx.startedAt;
  if (base === null) {
    return {
      gmvOverTime: [],
      segmentBands: [],
      unitsPerProduct: unitsPerProduct(parts.products),
      stockBurnDown: null,
      viewerCurve: [],
    };
  }
  // Undone and cancelled orders are left out entirely: the curve is what the show finally
  // made, by the time each order was placed (a late-arriving order slots in where it belongs).
  const gmvOverTime = [{ t: 0, at: base, gmv: 0 }];
  let gmv = 0;
  const byTime = parts.orders.filter((o) => o.counted).sort((a, b) => a.at - b.at || a.id - b.id);
  for (const order of byTime) {
    gmv += order.lineTotal;
    gmvOverTime.push({ t: order.at - base, at: order.at, gmv });
  }
  gmvOverTime.push({ t: parts.endAt - base, at: parts.endAt, gmv });
  return {
    gmvOverTime,
    segmentBands: parts.runs.map((r) => ({
      start: r.startMs,
      end: r.endMs,
      kind: r.kind,
      title: r.title,
      index: r.index,
    })),
    unitsPerProduct: unitsPerProduct(parts.products),
    stockBurnDown: parts.trail ? stockBurnDown(parts.trail, base, parts.endAt) : null,
    viewerCurve: ctx.viewerSamples.map((s) => ({
      t: s.at - base,
      at: s.at,
      concurrent: s.concurrent,
    })),
  };
}

function unitsPerProduct(products: readonly ProductRow[]) {
  return products.map((p) => ({ productId: p.productId, name: p.name, units: p.units }));
}
