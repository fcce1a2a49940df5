/**
 * Per-product figures: every slot it had, its time on air, what it sold inside and outside
 * flash deals, and where it stood in the running order. Every product of the run sheet gets a
 * row (one that sold off-slot through the pinned card still has figures); `featured` tells the
 * ones the show actually touched.
 */
import { segmentProductId } from '../show/derive';
import type { ShowContext } from '../show/types';
import { addSale, isLive, noSales, runOfSale } from './runs';
import type { DealRow, ProductRow, ProductSlot, RunRow } from './types';

const MINUTE = 60_000;

export function productRows(
  ctx: ShowContext,
  runs: readonly RunRow[],
  deals: readonly DealRow[],
): ProductRow[] {
  // Presentation order: products ranked by the first run about them.
  const firstOnAir: string[] = [];
  for (const run of runs)
    if (run.productId && !firstOnAir.includes(run.productId)) firstOnAir.push(run.productId);

  return ctx.sheet.products.map((p): ProductRow => {
    const mine = runs.filter((r) => r.productId === p.id);
    const slots: ProductSlot[] = mine.map(({ title: _t, productId: _p, ...run }) => ({
      ...run,
      ...noSales(),
    }));
    const all = noSales();
    const inDeals = noSales();
    const outsideDeals = noSales();
    for (const sale of ctx.sales) {
      if (sale.productId !== p.id || !isLive(sale)) continue;
      addSale(all, sale);
      addSale(sale.dealId !== null ? inDeals : outsideDeals, sale);
      const ordinal = runOfSale(runs, sale);
      const slot = slots.find((s) => s.ordinal === ordinal);
      if (slot) addSale(slot, sale);
    }
    const positions: number[] = [];
    let allocatedMs = 0;
    ctx.sheet.segments.forEach((segment, i) => {
      if (segmentProductId(segment) !== p.id) return;
      positions.push(i + 1);
      allocatedMs += segment.durationSec * 1000;
    });
    const onAirMs = sum(slots.map((s) => s.onAirMs));
    const dealIds = deals.filter((d) => d.productId === p.id).map((d) => d.id);
    const order = firstOnAir.indexOf(p.id);
    return {
      productId: p.id,
      name: p.name,
      sku: p.sku ?? null,
      positions,
      presentationOrder: order < 0 ? null : order + 1,
      allocatedMs,
      slots,
      plannedMs: sum(slots.map((s) => s.plannedMs)),
      onAirMs,
      ...all,
      unitsPerMinuteOnAir: onAirMs > 0 ? all.units / (onAirMs / MINUTE) : null,
      initialStock: p.stock,
      remainingStock: ctx.stock[p.id] ?? p.stock,
      sellThrough: p.stock > 0 ? all.units / p.stock : null,
      inDeals,
      outsideDeals,
      dealIds,
      featured: slots.length > 0 || dealIds.length > 0 || all.orders > 0,
    };
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
