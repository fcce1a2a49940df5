/**
 * Plan from history: what each product did in past shows (units per minute on air,
 * conversion, the slot position where it sold best), and an order of the plan's products
 * that puts proven sellers where past shows peaked. Pure; the plan editor shows it.
 */
import type { ProductHistory } from '../report/history';
import type { RunSheet } from '../runsheet/schema';

export interface ProductInsight {
  productId: string;
  shows: number;
  unitsPerMin: number;
  /** GMV (minor units) per minute on air, for ranking; null when currencies differ. */
  gmvPerMin: number | null;
  conversion: number | null;
  /** 1-based presentation position of its best appearance (most units per minute). */
  bestPosition: number | null;
}

const perMin = (value: number, ms: number) => (ms > 0 ? value / (ms / 60_000) : 0);

export function productInsight(history: ProductHistory): ProductInsight {
  let best: { position: number; rate: number } | null = null;
  for (const a of history.appearances) {
    if (a.position === null) continue;
    const rate = perMin(a.units, a.onAirMs);
    if (!best || rate > best.rate) best = { position: a.position, rate };
  }
  return {
    productId: history.productId,
    shows: history.shows,
    unitsPerMin: perMin(history.units, history.onAirMs),
    gmvPerMin: history.gmv === null ? null : perMin(history.gmv, history.onAirMs),
    conversion: history.conversion,
    bestPosition: best?.position ?? null,
  };
}

/**
 * Positions ranked by how well they sold in past shows: units per minute on air of whatever
 * was presented there, pooled over every product and show. Best first.
 */
export function peakPositions(history: readonly ProductHistory[], count: number): number[] {
  const units = new Array<number>(count).fill(0);
  const ms = new Array<number>(count).fill(0);
  for (const h of history)
    for (const a of h.appearances) {
      if (a.position === null || a.position > count) continue;
      units[a.position - 1]! += a.units;
      ms[a.position - 1]! += a.onAirMs;
    }
  return [...Array(count).keys()]
    .map((i) => ({ position: i + 1, rate: perMin(units[i]!, ms[i]!), known: ms[i]! > 0 }))
    .sort((a, b) => Number(b.known) - Number(a.known) || b.rate - a.rate || a.position - b.position)
    .map((p) => p.position);
}

/**
 * The plan's products in a suggested presentation order: proven sellers (by units per minute)
 * on the peak positions, best on best; products with no history keep their relative order in
 * the places left. Returns product ids, first presented first.
 */
export function suggestedOrder(sheet: RunSheet, history: readonly ProductHistory[]): string[] {
  const planned: string[] = [];
  for (const s of sheet.segments)
    if (s.kind === 'product' && !planned.includes(s.productId)) planned.push(s.productId);
  const known = new Map(history.map((h) => [h.productId, productInsight(h)]));
  const proven = planned
    .filter((id) => (known.get(id)?.shows ?? 0) > 0)
    .sort((a, b) => known.get(b)!.unitsPerMin - known.get(a)!.unitsPerMin);
  const fresh = planned.filter((id) => !proven.includes(id));
  const peaks = peakPositions(history, planned.length);
  const order = new Array<string | undefined>(planned.length);
  proven.forEach((id, i) => (order[peaks[i]! - 1] = id));
  let next = 0;
  for (let i = 0; i < order.length; i++) if (order[i] === undefined) order[i] = fresh[next++];
  return order as string[];
}

/**
 * The segment order that presents the products in `order`: each product's first product
 * segment (where it is presented) moves among those slots; a product's later segments (a
 * revisit) and every other segment stay where they are. Returns segment indices, first
 * first; the identity when the order is the current one. Products not in `order` keep
 * their turn after those that are.
 */
export function reorderedSegments(
  segments: ReadonlyArray<{ kind: string; productId?: string | undefined }>,
  order: readonly string[],
): number[] {
  const first = new Map<string, number>();
  segments.forEach((s, i) => {
    if (s.kind === 'product' && s.productId && !first.has(s.productId)) first.set(s.productId, i);
  });
  const known = order.filter((id, k) => first.has(id) && order.indexOf(id) === k);
  const rest = [...first.keys()].filter((id) => !known.includes(id));
  const moved = [...known, ...rest].map((id) => first.get(id)!);
  const result = segments.map((_, i) => i);
  [...first.values()].forEach((slot, k) => (result[slot] = moved[k]!));
  return result;
}
