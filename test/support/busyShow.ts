/**
 * A busy show for measuring replay: one order a second over 10 products, a 2-minute deal
 * every 10 minutes, a viewer sample every 30 s, a segment every 6 minutes.
 */
import { parseRunSheet, type RunSheet, type RunSheetInput } from '../../shared/runsheet';
import type { ShowEvent } from '../../shared/show';
import { drive } from './driver';

export function busySheet(): RunSheet {
  const input: RunSheetInput = {
    format: 'flashcue.runsheet',
    version: 1,
    id: 'replay-bench',
    show: { title: 'Replay bench', currency: 'CNY', durationSec: 12 * 3600 },
    products: Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      name: `Product ${i}`,
      retailPrice: 10_000 + i * 1000,
      livePrice: 8_000 + i * 1000,
      flashPrice: 6_000 + i * 1000,
      stock: 1_000_000,
    })),
    segments: Array.from({ length: 200 }, (_, i) => ({
      id: `s${i}`,
      kind: 'product' as const,
      productId: `p${i % 10}`,
      durationSec: 360,
    })),
  };
  const parsed = parseRunSheet(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

/** The log of a live show with `sales` orders, recorded through the live actor. */
export function busyLog(sales: number): { sheet: RunSheet; log: ShowEvent[]; now: number } {
  const s = drive(busySheet());
  s.ok({ type: 'show.start' });
  for (let i = 1; i <= sales; i++) {
    s.advance(1000);
    if (i % 360 === 0) s.ok({ type: 'show.next' });
    if (i % 600 === 0) s.ok({ type: 'deal.start', seconds: 120 });
    if (i % 30 === 0) s.ok({ type: 'viewers', concurrent: 1000 + (i % 500) });
    s.ok({ type: 'sale', quantity: 1 + (i % 3), ...(i % 5 === 0 ? { buyer: `buyer${i}` } : {}) });
  }
  return { sheet: s.sheet, log: s.log, now: s.now() };
}
