/**
 * The shape of a show's report. Every figure is computed from the event log (replay → context),
 * never stored, so the report and the log cannot disagree. Money: integer minor units of the
 * show's currency. Rates: fractions (0.08, not 8). Times: epoch ms (`…At`) or ms since the
 * show's start (`…Ms` offsets on the timeline, `t` in series).
 */
import type { Commission } from '../runsheet/schema';
import type { DealEndReason, PriceKind, SaleOrder } from '../show/types';

export type ShowStatus = 'not-started' | 'live' | 'ended';

export interface ShowHeader {
  sheetId: string;
  title: string;
  currency: string;
  timeZone: string;
  startedAt: number | null;
  endedAt: number | null;
  status: ShowStatus;
  /** The moment open things (a live show, a running slot or deal) are measured up to. */
  asOf: number;
}

/** Orders not taken back: one `sale` = one order of `units` items. */
export interface SalesFigures {
  orders: number;
  units: number;
  gmv: number;
}

/** Totals count every order not taken back nor cancelled, those off the run sheet included. */
export interface Totals extends SalesFigures {
  undoneOrders: number;
  /** Orders the platform cancelled or refunded (sale.cancel): left out of the figures. */
  cancelledOrders: number;
  /** gmv / orders rounded half up to a minor unit; null with no orders. */
  averageOrderValue: number | null;
  targetGmv: number | null;
  /** gmv / targetGmv; null without a (non-zero) target. */
  gmvVsTarget: number | null;
  /** The show's planned length (show.durationSec) and the sum of its planned segments. */
  plannedMs: number;
  plannedSegmentsMs: number;
  /** endedAt (or asOf) − startedAt; 0 before the start. actualMs = onAirMs + pausedMs. */
  actualMs: number;
  onAirMs: number;
  pausedMs: number;
  /** On-air time of segments about no product (opening, breaks, a poll…). */
  onAirWithoutProductMs: number;
}

export type Verdict = 'below' | 'within' | 'above';

export interface ViewerFigures {
  peakConcurrent: number | null;
  /** Time-weighted: each sample holds until the next one or the end. Null without samples. */
  averageConcurrent: number | null;
  samples: number;
  uniqueViewers: number | null;
  /** orders / uniqueViewers; null when unique viewers are unknown or 0. */
  conversionRate: number | null;
  benchmark: { low: number; high: number };
  verdict: Verdict | null;
}

/** One time a segment was on air (a revisited segment has several runs). */
export interface RunRow extends SalesFigures {
  /** 1-based place of this run in the show as it happened. */
  ordinal: number;
  index: number;
  /** 1-based place of the segment in the run sheet. */
  position: number;
  segmentId: string;
  kind: string;
  title: string;
  productId: string | null;
  startAt: number;
  endAt: number;
  startMs: number;
  endMs: number;
  plannedMs: number;
  /** Wall time on air minus pauses. */
  onAirMs: number;
  pausedMs: number;
  /** Still on air at `asOf`. */
  open: boolean;
}

/** A run about a product; its sales figures count that product's orders only. */
export type ProductSlot = Omit<RunRow, 'title' | 'productId'>;

export interface ProductRow extends SalesFigures {
  productId: string;
  name: string;
  sku: string | null;
  /** 1-based places in the run sheet of the segments about it. */
  positions: number[];
  /** 1 = the first product to go on air, and so on; null if never on air. */
  presentationOrder: number | null;
  /** Time the plan gave it: its segments' durations, each counted once. */
  allocatedMs: number;
  slots: ProductSlot[];
  /** Σ of its slots' planned time (a revisited segment counts again). */
  plannedMs: number;
  onAirMs: number;
  unitsPerMinuteOnAir: number | null;
  initialStock: number;
  remainingStock: number;
  /** units / initialStock (the sheet's stock); null when that is 0. Above 1 after restocks. */
  sellThrough: number | null;
  inDeals: SalesFigures;
  outsideDeals: SalesFigures;
  dealIds: number[];
  /** On air, in a deal, or sold at all. */
  featured: boolean;
}

export interface DealRow extends SalesFigures {
  id: number;
  productId: string;
  productName: string;
  price: number;
  /** Started from a flash segment's plan rather than ad hoc. */
  planned: boolean;
  segmentIndex: number | null;
  startAt: number;
  endAt: number | null;
  startMs: number;
  endMs: number | null;
  plannedMs: number;
  extendedMs: number;
  frozenMs: number;
  /** (endedAt or asOf) − startedAt − frozenMs: the time its clock ran. */
  actualMs: number;
  cap: number | null;
  endReason: DealEndReason | null;
  /** Wall time from its start to selling out, when it sold out. */
  soldOutAfterMs: number | null;
  running: boolean;
}

export interface TimelineEntry {
  type: 'segment' | 'deal';
  /** Run ordinal for a segment, deal id for a deal. */
  id: number;
  label: string;
  kind: string;
  productId: string | null;
  startAt: number;
  endAt: number;
  startMs: number;
  endMs: number;
  open: boolean;
}

export interface OrderLine {
  id: number;
  at: number;
  t: number;
  productId: string;
  productName: string;
  quantity: number;
  unitPrice: number;
  priceKind: PriceKind;
  lineTotal: number;
  dealId: number | null;
  segmentIndex: number | null;
  /** Run ordinal the order fell in. */
  run: number | null;
  buyer: string | null;
  undoneAt: number | null;
  /** The platform order's identity, source, list price and flags; null for a plain hand sale. */
  order: SaleOrder | null;
  /** In the figures: not undone, not cancelled. */
  counted: boolean;
}

export type OrderFlag = 'cancelled' | 'off-sheet' | 'price-differs' | 'over-stock' | 'over-cap';

export interface FlaggedOrder {
  id: number;
  orderId: string | null;
  source: string | null;
  /** When it was placed (attributed by this time) and when it reached the show. */
  at: number;
  receivedAt: number;
  productId: string;
  productName: string;
  quantity: number;
  unitPrice: number;
  /** The price Flashcue had in force then; null off the run sheet. */
  listPrice: number | null;
  overStock: number;
  overCap: number;
  cancelledAt: number | null;
  restocked: boolean;
  flags: OrderFlag[];
}

export interface OrderNotes {
  /** Cancelled by the platform: not in the totals. */
  cancelled: SalesFigures;
  /** Counted orders for products not in the run sheet (in the totals, in no product row). */
  offSheet: SalesFigures;
  /** Counted orders per source (`hand` for hand entry). */
  bySource: Array<SalesFigures & { source: string }>;
  flagged: FlaggedOrder[];
}

export interface ArithmeticLine {
  label: string;
  amount: number;
  detail: string;
}

export interface BonusStatus {
  kind: 'gmv' | 'peakConcurrent' | 'uniqueViewers';
  label: string;
  threshold: number;
  amount: number;
  /** The measured value, null when unknown (no samples, unique viewers not entered). */
  actual: number | null;
  status: 'reached' | 'missed' | 'unknown';
}

export interface Earnings {
  /** Lines that sum to totalHostCost, for the UI to spell the sum out. */
  arithmetic: ArithmeticLine[];
  bonuses: BonusStatus[];
  /** Bonuses a person judges: listed, never added. */
  toJudge: Commission['otherBonuses'];
  totalHostCost: number;
  /** gmv / totalHostCost; null when the host costs nothing. */
  brandRoi: number | null;
}

export interface Point {
  t: number;
  at: number;
}
export interface StockPoint extends Point {
  remaining: number;
  cause: 'start' | 'sale' | 'undo' | 'stock.set' | 'end';
}

export interface Series {
  gmvOverTime: Array<Point & { gmv: number }>;
  segmentBands: Array<{ start: number; end: number; kind: string; title: string; index: number }>;
  unitsPerProduct: Array<{ productId: string; name: string; units: number }>;
  /** Null when built from a context alone: stock.set leaves no trace in the context. */
  stockBurnDown: Record<string, StockPoint[]> | null;
  viewerCurve: Array<Point & { concurrent: number }>;
}

export interface ShowReport {
  show: ShowHeader;
  totals: Totals;
  viewers: ViewerFigures;
  products: ProductRow[];
  deals: DealRow[];
  runs: RunRow[];
  timeline: TimelineEntry[];
  orders: OrderLine[];
  orderNotes: OrderNotes;
  /** Null when the run sheet has no commission structure. */
  earnings: Earnings | null;
  series: Series;
}
