/** What the stock card says: how many are left, out of how many, and whether that is low. */
import type { OverlayView } from '../../shared/view/overlayView';
import { dealOnProduct, isOnAir } from '../lib/view';
import { say } from '../lib/words.svelte';
import { isLow, type LowThreshold } from '../../shared/view/lowStock';

export interface StockLevel {
  left: number;
  total: number;
  /** left / total, 0..1 */
  fraction: number;
  low: boolean;
  soldOut: boolean;
  /** The count is the deal's quantity ("only 50 at this price"), not the whole stock. */
  atDealPrice: boolean;
}

export function stockLevel(view: OverlayView | null, threshold: LowThreshold): StockLevel | null {
  if (!isOnAir(view) || !view.product) return null;
  const p = view.product;
  const deal = dealOnProduct(view);
  // A capped deal sells a set quantity at its price: that quantity is the scarce thing.
  const capped = deal !== null && deal?.cap !== null && !p.soldOut;
  const left = Math.max(0, capped ? Math.min(deal.cap! - deal.sold, p.stock) : p.stock);
  const total = Math.max(capped ? deal.cap! : p.initialStock, left, 1);
  return {
    left,
    total,
    fraction: left / total,
    low: isLow(left, total, threshold),
    soldOut: left <= 0,
    atDealPrice: capped,
  };
}

export function stockText(level: StockLevel): string {
  if (level.soldOut) return say('ov_sold_out');
  const count = { count: level.left };
  if (level.atDealPrice)
    return level.low ? say('ov_stock_only_left_deal', count) : say('ov_stock_left_deal', count);
  return level.low ? say('ov_stock_only_left', count) : say('ov_stock_left', count);
}
