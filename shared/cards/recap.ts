/**
 * The last-call recap (issue 19): while the run sheet's closing segment ("Last call") is on
 * air, the show's top sellers by units, the offers still open (the running flash deal, then
 * products still in stock at a show price below retail), and the next show of the series when
 * there is one. Pure; names are the run sheet's, capped by the view's schema.
 */
import { currentSegment, isRevealed, liveSales, priceInForce } from '../show/derive';
import type { ShowContext } from '../show/types';

/** The next show of a series: its scheduled start and the zone it is told in. */
export interface NextShow {
  /** Epoch ms of the scheduled start. */
  at: number;
  /** The show's IANA zone: the date and time are told as its audience was told them. */
  timeZone: string;
}

export interface RecapView {
  top: Array<{ name: string; units: number }>;
  open: Array<{ name: string; price: number; retailPrice: number; left: number; deal: boolean }>;
  next: NextShow | null;
}

/** Lines of each list: what a viewer reads in the seconds of a last call. */
export const RECAP_LINES = 3;

export function selectRecap(
  ctx: ShowContext,
  now: number,
  next: NextShow | null,
): RecapView | null {
  if (ctx.endedAt !== null || currentSegment(ctx)?.kind !== 'closing') return null;
  const units = new Map<string, number>();
  for (const s of liveSales(ctx))
    units.set(s.productId, (units.get(s.productId) ?? 0) + s.quantity);
  const products = ctx.sheet.products;
  const top = products
    .filter((p) => (units.get(p.id) ?? 0) > 0)
    // Ties keep the run sheet's order (a stable sort).
    .sort((a, b) => units.get(b.id)! - units.get(a.id)!)
    .slice(0, RECAP_LINES)
    .map((p) => ({ name: p.name, units: units.get(p.id)! }));
  const open: RecapView['open'] = [];
  const deal = ctx.deal;
  for (const p of products) {
    const left = ctx.stock[p.id] ?? 0;
    if (left <= 0) continue;
    const inForce = priceInForce(ctx, p.id, now);
    const isDeal = inForce.kind === 'deal';
    if (!isDeal && !(isRevealed(ctx, p.id) && p.livePrice < p.retailPrice)) continue;
    const line = {
      name: p.name,
      price: inForce.price,
      retailPrice: p.retailPrice,
      left,
      deal: isDeal,
    };
    // The running flash deal leads: it is the one about to close.
    if (isDeal && deal?.productId === p.id) open.unshift(line);
    else open.push(line);
  }
  return { top, open: open.slice(0, RECAP_LINES), next };
}
