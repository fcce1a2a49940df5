/**
 * How a buyer line names the buyer and what was bought, apart from tickerFeed.ts: only the
 * buyer lines say it, and the composite page loads them when the first sale shows.
 */
import { say } from '../lib/words.svelte';

/** "@anna" for a handle-like name, a full name as typed, "Someone" when nobody was given. */
export function buyerName(buyer: string | null): string {
  const name = buyer?.trim() ?? '';
  if (!name) return say('ov_someone');
  return name.startsWith('@') || /\s/.test(name) ? name : `@${name}`;
}

/** "3 × Wireless Earbuds" for more than one unit. */
export function boughtWhat(quantity: number, productName: string): string {
  return quantity > 1 ? `${quantity} × ${productName}` : productName;
}
