/**
 * What the report says about orders beyond the figures: the ones the platform cancelled, the
 * ones for products missing from the run sheet (kept apart, never dropped), the ones recorded
 * at a price other than Flashcue's, the platform orders that went past the stock or a deal's
 * cap, and the figures per source. Pure, from the context.
 */
import { saleCounts } from '../show/derive';
import type { Sale, ShowContext } from '../show/types';
import { addSale, noSales, productName } from './runs';
import type { FlaggedOrder, OrderFlag, OrderNotes, SalesFigures } from './types';

/** Why an order deserves a look, in the order the report lists them. */
export function orderFlags(sale: Pick<Sale, 'unitPrice' | 'order'>): OrderFlag[] {
  const o = sale.order;
  if (!o) return [];
  const flags: OrderFlag[] = [];
  if (o.cancelledAt !== null) flags.push('cancelled');
  if (o.offSheet) flags.push('off-sheet');
  if (o.listPrice !== null && o.listPrice !== sale.unitPrice) flags.push('price-differs');
  if (o.overStock > 0) flags.push('over-stock');
  if (o.overCap > 0) flags.push('over-cap');
  return flags;
}

export function orderNotes(ctx: ShowContext): OrderNotes {
  const cancelled = noSales();
  const offSheet = noSales();
  const sources = new Map<string, SalesFigures>();
  const flagged: FlaggedOrder[] = [];
  for (const sale of ctx.sales) {
    if (sale.undoneAt !== null) continue;
    const o = sale.order;
    if (o?.cancelledAt != null) addSale(cancelled, sale);
    if (saleCounts(sale)) {
      if (o?.offSheet) addSale(offSheet, sale);
      const source = o?.source ?? 'hand';
      if (!sources.has(source)) sources.set(source, noSales());
      addSale(sources.get(source)!, sale);
    }
    const flags = orderFlags(sale);
    if (!o || flags.length === 0) continue;
    flagged.push({
      id: sale.id,
      orderId: o.orderId,
      source: o.source,
      at: sale.at,
      receivedAt: o.receivedAt,
      productId: sale.productId,
      productName: o.offSheet ? (o.sku ?? sale.productId) : productName(ctx, sale.productId),
      quantity: sale.quantity,
      unitPrice: sale.unitPrice,
      listPrice: o.listPrice,
      overStock: o.overStock,
      overCap: o.overCap,
      cancelledAt: o.cancelledAt,
      restocked: o.restocked,
      flags,
    });
  }
  return {
    cancelled,
    offSheet,
    bySource: [...sources].map(([source, f]) => ({ source, ...f })),
    flagged,
  };
}
