/**
 * Which run-sheet product an export line is: by the seller's SKU, then the platform's SKU id
 * (products may list theirs in `platformSkuIds`), then the product id, then the name; then
 * what the person assigned by hand before (remembered in the product catalogue, by the
 * line's SKU, SKU id or name). What is left is shown for the person to assign.
 */
import type { Product } from '../runsheet/schema';
import type { PlatformLine } from './types';

export type MatchedBy = 'sku' | 'platformSku' | 'productId' | 'name' | 'assigned';

export interface Match {
  productId: string;
  by: MatchedBy;
}

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The key a hand assignment is remembered under: the most specific thing the line has. */
export function assignKey(line: Pick<PlatformLine, 'sku' | 'platformSkuId' | 'name'>): string {
  if (line.sku) return `sku:${norm(line.sku)}`;
  if (line.platformSkuId) return `skuid:${norm(line.platformSkuId)}`;
  return `name:${norm(line.name)}`;
}

type Indexable = Pick<Product, 'id' | 'name' | 'sku'> & { platformSkuIds?: readonly string[] };

export interface Matcher {
  match(line: PlatformLine): Match | null;
}

/**
 * Built once per report: maps from each key to a product. `remembered` holds earlier hand
 * assignments (key → product id); one naming a product not in this sheet is ignored.
 */
export function createMatcher(
  products: readonly Indexable[],
  remembered: ReadonlyMap<string, string> = new Map(),
): Matcher {
  const bySku = new Map<string, string>();
  const bySkuId = new Map<string, string>();
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const p of products) {
    if (p.sku && !bySku.has(norm(p.sku))) bySku.set(norm(p.sku), p.id);
    for (const id of p.platformSkuIds ?? [])
      if (!bySkuId.has(norm(id))) bySkuId.set(norm(id), p.id);
    byId.set(norm(p.id), p.id);
    if (!byName.has(norm(p.name))) byName.set(norm(p.name), p.id);
  }
  const inSheet = new Set(products.map((p) => p.id));
  const cache = new Map<string, Match | null>();
  return {
    match(line) {
      const cacheKey = `${line.sku}|${line.platformSkuId}|${line.name}`;
      const hit = cache.get(cacheKey);
      if (hit !== undefined) return hit;
      const sku = line.sku ? norm(line.sku) : null;
      const skuId = line.platformSkuId ? norm(line.platformSkuId) : null;
      const found: Match | null =
        (sku && bySku.has(sku) && { productId: bySku.get(sku)!, by: 'sku' }) ||
        (skuId && bySkuId.has(skuId) && { productId: bySkuId.get(skuId)!, by: 'platformSku' }) ||
        (sku && byId.has(sku) && { productId: byId.get(sku)!, by: 'productId' }) ||
        (skuId && byId.has(skuId) && { productId: byId.get(skuId)!, by: 'productId' }) ||
        (byName.has(norm(line.name)) && { productId: byName.get(norm(line.name))!, by: 'name' }) ||
        assigned(line) ||
        null;
      cache.set(cacheKey, found);
      return found;
    },
  };
  function assigned(line: PlatformLine): Match | null {
    const productId = remembered.get(assignKey(line));
    return productId && inSheet.has(productId) ? { productId, by: 'assigned' } : null;
  }
}
