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
  | Stamped<SaleFields>
  | Stamped<{ type: 'sale.undo' }>
  | Stamped<{ type: 'sale.cancel'; orderId: string; restock: boolean }>
  | Stamped<{ type: 'stock.set'; productId: string; remaining: number }>
  | Stamped<{ type: 'viewers'; concurrent: number | null; unique: number | null }>
  | Stamped<{ type: 'lowerThird.show' }>
  | Stamped<{ type: 'lowerThird.hide' }>
  | Stamped<{ type: 'cue'; text: string }>
  | Stamped<{
      type: 'show.replan';
      /** New planned lengths of later segments, with the lengths they replace. */
      segments: Array<{ index: number; from: number; durationSec: number }>;
      proposal: string | null;
    }>
  | Stamped<MarkerFields>;

/** A highlight marker (shared/marker/marker.ts): where the moment is, in the show and the file. */
export interface MarkerFields {
  type: 'marker.add';
  label: string | null;
  /** ms since the show started (wall time, pauses included, as a recording runs on). */
  showMs: number;
  segmentIndex: number | null;
  productId: string | null;
  /** OBS's recording timecode at the moment, when OBS was recording. */
  recordMs: number | null;
}

/**
 * A logged sale. The order fields (orders.ts) are written only when given, so a hand sale logs
 * exactly what it always did and logs from before them replay unchanged. `at` is when the
 * sale was accepted; `placedAt` when the platform says the order was placed (not later).
 */
export interface SaleFields {
  type: 'sale';
  /** A run-sheet product, or for an order off the run sheet the reference it came with. */
  productId: string;
  quantity: number;
  buyer: string | null;
  orderId?: string;
  /** The seller or platform SKU the order named, as given. */
  sku?: string;
  /** Unit price paid, minor units; absent = the price Flashcue had in force. */
  price?: number;
  placedAt?: number;
  /** `hand` (or absent), `tiktok`, `shopify`, `api` or a tool's short name. */
  source?: string;
}

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
  /** The order's fields (null for a hand sale without them); see orders.ts. */
  order: SaleOrder | null;
}

/** What a sale with an identity, a source, a time or a price of its own carries. */
export interface SaleOrder {
  orderId: string | null;
  source: string | null;
  sku: string | null;
  /** When the sale reached the show (`Sale.at` is when the order was placed). */
  receivedAt: number;
  /** The price Flashcue had in force at `Sale.at`; null for a product off the run sheet. */
  listPrice: number | null;
  /** The product is not in the run sheet: kept, reported apart, no stock or deal touched. */
  offSheet: boolean;
  /** Units beyond the stock left / beyond the deal's cap when it arrived (platform orders). */
  overStock: number;
  overCap: number;
  cancelledAt: number | null;
  restocked: boolean;
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
  /** Index in `sales` of each order id recorded: the show's memory against double counting. */
  orders: Record<string, number>;
  /** Ids for deals and sales, deterministic under replay. */
  nextId: number;
}

export interface ShowInput {
  sheet: RunSheet;
}
