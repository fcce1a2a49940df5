/**
 * The show's events and context. An event is a command after `decide` has accepted it and
 * filled in every default, stamped with the time it was accepted: replaying the logged events
 * therefore never depends on how defaults are chosen later.
 */
import type { RunSheet } from '../runsheet/schema';

type Stamped<T> = T & { at: number };

export type ShowEvent =
  | Stamped<{ type: 'show.start' }>
  | Stamped<{ type: 'show.next' }>
  | Stamped<{ type: 'show.prev' }>
  | Stamped<{ type: 'show.goto'; index: number }>
  | Stamped<{ type: 'show.pause'; freezeDeal: boolean }>
  | Stamped<{ type: 'show.resume' }>
  | Stamped<{ type: 'show.end' }>
  | Stamped<{
      type: 'deal.start';
      productId: string;
      price: number;
      seconds: number;
      quantity: number | null;
      /** Started from a flash-sale segment's plan rather than ad hoc. */
      planned: boolean;
    }>
  | Stamped<{ type: 'deal.extend'; seconds: number }>
  | Stamped<{ type: 'deal.end' }>
  | Stamped<{ type: 'sale'; productId: string; quantity: number; buyer: string | null }>
  | Stamped<{ type: 'sale.undo' }>
  | Stamped<{ type: 'stock.set'; productId: string; remaining: number }>
  | Stamped<{ type: 'viewers'; concurrent: number | null; unique: number | null }>
  | Stamped<{ type: 'lowerThird.show' }>
  | Stamped<{ type: 'lowerThird.hide' }>
  | Stamped<{ type: 'cue'; text: string }>;

/** Time passing: settles deadlines up to `at` and re-arms timers. Never logged. */
export type ClockEvent = Stamped<{ type: 'clock.sync' }>;

export type MachineEvent = ShowEvent | ClockEvent;

export type PriceKind = 'deal' | 'live' | 'retail';
export type DealEndReason = 'expired' | 'soldout' | 'ended' | 'show-ended';

export interface Deal {
  id: number;
  productId: string;
  price: number;
  startedAt: number;
  /** Absolute deadline. While frozen it is stale: remaining = endsAt - frozenAt. */
  endsAt: number;
  plannedMs: number;
  extendedMs: number;
  cap: number | null;
  sold: number;
  frozenAt: number | null;
  frozenMs: number;
  planned: boolean;
  segmentIndex: number | null;
  endedAt: number | null;
  endReason: DealEndReason | null;
}

export interface Sale {
  id: number;
  at: number;
  productId: string;
  quantity: number;
  unitPrice: number;
  priceKind: PriceKind;
  dealId: number | null;
  buyer: string | null;
  segmentIndex: number | null;
  undoneAt: number | null;
}

export interface OnAir {
  index: number;
  startedAt: number;
  pausedAt: number | null;
  pausedMs: number;
}

export interface SegmentRun {
  index: number;
  segmentId: string;
  startedAt: number;
  endedAt: number | null;
  pausedMs: number;
}

export interface ViewerSample {
  at: number;
  concurrent: number;
}

export interface ShowContext {
  sheet: RunSheet;
  /** The latest moment the show has seen (event or clock). */
  now: number;
  startedAt: number | null;
  endedAt: number | null;
  onAir: OnAir | null;
  deal: Deal | null;
  /** Finished deals, oldest first. */
  deals: Deal[];
  stock: Record<string, number>;
  /** When each product was first on air: its live price is in force from then. */
  revealed: Record<string, number>;
  sales: Sale[];
  cue: { text: string; at: number } | null;
  viewerSamples: ViewerSample[];
  uniqueViewers: number | null;
  history: SegmentRun[];
  /** Ids for deals and sales, deterministic under replay. */
  nextId: number;
}

export interface ShowInput {
  sheet: RunSheet;
}
