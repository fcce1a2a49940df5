/**
 * One line of a platform's order export, as Flashcue keeps it beside a show's log. Money is
 * integer minor units of the show's currency; times are epoch ms.
 */

export const ORDER_FORMATS = ['tiktok', 'shopify'] as const;
export type OrderFormat = (typeof ORDER_FORMATS)[number];

export interface PlatformLine {
  /** `format:orderId#n`: the n-th line of the order in the file; re-importing gives the same key. */
  key: string;
  format: OrderFormat;
  orderId: string;
  line: number;
  /** The seller's own SKU (TikTok "Seller SKU", Shopify "Lineitem sku"). */
  sku: string | null;
  /** The platform's SKU id (TikTok "SKU ID"); null where the export has none. */
  platformSkuId: string | null;
  name: string;
  quantity: number;
  /** Units returned (TikTok "Sku Quantity of return"). */
  returned: number;
  /** Unit price before discounts. */
  unitPrice: number;
  /** What the line sold for after discounts. */
  amount: number;
  /** The order's refund, spread over its lines (the rest on its last line). */
  refunded: number;
  /** The whole order was cancelled: it counts for nothing. */
  cancelled: boolean;
  placedAt: number;
  buyer: string | null;
  status: string;
  /** 1-based row in the file, for messages. */
  row: number;
}

export interface ParseWarning {
  row: number | null;
  /** The English sentence (the API, the tests' wording). */
  message: string;
  /** Its code (controller message `ord_<code>`) and values, when it has one. */
  code?: string;
  params?: Record<string, string | number>;
}

/** What is wrong with one cell: the English phrase, and its code + values when it has one. */
export interface CellProblem {
  message: string;
  /** Controller message `imp_<code>` (the decimal reader's) or `ord_<code>`. */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ParsedExport {
  format: OrderFormat;
  lines: PlatformLine[];
  warnings: ParseWarning[];
  /** Columns the parser does not use (kept out, named so a person sees nothing was missed). */
  ignoredColumns: string[];
  /** Data rows read (not counting headers and descriptions). */
  rows: number;
}

export type ParseOutcome =
  { ok: true; value: ParsedExport } | { ok: false; errors: ParseWarning[] };

/** Net figures of a set of lines: cancellations count for nothing, refunds and returns come off. */
export interface NetFigures {
  orders: number;
  units: number;
  gmv: number;
}

export function lineNet(line: PlatformLine): { units: number; gmv: number } {
  if (line.cancelled) return { units: 0, gmv: 0 };
  return {
    units: Math.max(0, line.quantity - line.returned),
    gmv: Math.max(0, line.amount - line.refunded),
  };
}

/** Orders (with at least one unit or any money left), units and GMV, net. */
export function netFigures(lines: readonly PlatformLine[]): NetFigures {
  const orders = new Set<string>();
  let units = 0;
  let gmv = 0;
  for (const line of lines) {
    const net = lineNet(line);
    units += net.units;
    gmv += net.gmv;
    if (!line.cancelled && (net.units > 0 || net.gmv > 0)) orders.add(line.orderId);
  }
  return { orders: orders.size, units, gmv };
}
