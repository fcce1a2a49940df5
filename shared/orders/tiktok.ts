/**
 * TikTok Shop Seller Center order export (Orders → Export, CSV or XLSX), read by header
 * name. Columns as TikTok documents them in the file's own description row (its second row,
 * when present) and as public importers read them: `Order ID, Order Status, …, SKU ID,
 * Seller SKU, Product Name, Variation, Quantity, Sku Quantity of return, SKU Unit Original
 * Price, …, SKU Subtotal After Discount, …, Order Amount, Order Refund Amount, Created Time,
 * …, Buyer Username, …`. One row per SKU line; an order's rows share its Order ID.
 */
import { fileDecimalMark } from '../import/decimal';
import { dayOrderEvidence, readOrderTime, type DayOrder } from './dates';
import { count, dropRepeats, finishOrder, money, RowErrors, type DraftLine } from './lines';
import { headerKey, reader, type Table } from './table';
import type { ParseOutcome, ParseWarning, PlatformLine } from './types';

export const TIKTOK_COLUMNS = {
  orderId: 'Order ID',
  status: 'Order Status',
  cancelType: 'Cancelation/Return Type',
  skuId: 'SKU ID',
  sku: 'Seller SKU',
  name: 'Product Name',
  variation: 'Variation',
  quantity: 'Quantity',
  returned: 'Sku Quantity of return',
  unitPrice: 'SKU Unit Original Price',
  amount: 'SKU Subtotal After Discount',
  refund: 'Order Refund Amount',
  created: 'Created Time',
  buyer: 'Buyer Username',
} as const;

const REQUIRED = [
  TIKTOK_COLUMNS.orderId,
  TIKTOK_COLUMNS.name,
  TIKTOK_COLUMNS.quantity,
  TIKTOK_COLUMNS.amount,
  TIKTOK_COLUMNS.created,
];

const ORDER_ID = /^[0-9A-Za-z_-]{1,64}$/;

export function isTiktok(table: Table): boolean {
  return table.index.has(headerKey('Order ID')) && table.index.has(headerKey('Seller SKU'));
}

export function parseTiktok(
  table: Table,
  opts: { currency: string; timeZone: string; dayOrder?: DayOrder },
): ParseOutcome {
  const warnings: ParseWarning[] = [];
  const missing = REQUIRED.filter((c) => !table.index.has(headerKey(c)));
  if (missing.length)
    return {
      ok: false,
      errors: [
        {
          row: 1,
          message: `This TikTok Shop export lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}: export the orders again with all columns.`,
          code: 'missing_columns',
          params: { platform: 'TikTok Shop', columns: missing.map((m) => `"${m}"`).join(', ') },
        },
      ],
    };
  let rows = table.rows;
  let rowNumbers = table.rowNumbers;
  // TikTok's second row may describe each field ("Platform unique order ID.").
  const firstId = rows[0] ? reader(table, rows[0])(TIKTOK_COLUMNS.orderId) : '';
  if (rows.length && !/^\d+$/.test(firstId)) {
    rows = rows.slice(1);
    rowNumbers = rowNumbers.slice(1);
    warnings.push({
      row: table.rowNumbers[0]!,
      message: `row ${table.rowNumbers[0]} describes the fields: skipped`,
      code: 'row_describes',
      params: { row: table.rowNumbers[0]! },
    });
  }
  const kept = dropRepeats(rows, rowNumbers, warnings);
  const C = TIKTOK_COLUMNS;
  const errors = new RowErrors();
  const hint = fileDecimalMark(
    kept.flatMap(({ cells }) => {
      const get = reader(table, cells);
      return [get(C.amount), get(C.unitPrice), get(C.refund)];
    }),
  );
  const times = kept.map(({ cells }) => reader(table, cells)(C.created));
  const evidence = dayOrderEvidence(times);
  if (evidence.conflict)
    return {
      ok: false,
      errors: [
        {
          row: null,
          message: `"${C.created}" mixes month-first and day-first dates: Flashcue cannot tell which is which. Export the file again.`,
          code: 'dates_mixed',
          params: { column: C.created },
        },
      ],
    };
  const dayOrder = opts.dayOrder ?? evidence.order ?? 'dmy';
  if (!opts.dayOrder && !evidence.order && times.some((t) => t.includes('/')))
    warnings.push({
      row: null,
      message:
        'The dates could be month or day first: read day first (27/05/2026). Check the window below.',
      code: 'dates_guessed_dmy',
    });

  const orders = new Map<string, { drafts: DraftLine[]; refund: number }>();
  for (const { cells, row } of kept) {
    const get = reader(table, cells);
    const orderId = get(C.orderId);
    if (!ORDER_ID.test(orderId)) {
      errors.add(
        row,
        C.orderId,
        orderId === ''
          ? { message: 'is empty', code: 'cell_empty' }
          : {
              message: `"${orderId.slice(0, 40)}" is not an order id`,
              code: 'cell_not_order_id',
              params: { cell: orderId.slice(0, 40) },
            },
      );
      continue;
    }
    const status = get(C.status);
    const cancelled = /cancel/i.test(status);
    const ctx = { currency: opts.currency, hint, errors, row };
    const at = readOrderTime(get(C.created), { timeZone: opts.timeZone, dayOrder });
    if (typeof at !== 'number') errors.add(row, C.created, at);
    const variation = get(C.variation);
    const draft: DraftLine = {
      orderId,
      sku: get(C.sku) || null,
      platformSkuId: get(C.skuId) || null,
      name: (get(C.name) + (variation ? ` — ${variation}` : '')).slice(0, 200) || '(no name)',
      quantity: count(get(C.quantity), { errors, row, column: C.quantity, required: true }),
      returned: count(get(C.returned), { errors, row, column: C.returned }),
      unitPrice: money(get(C.unitPrice), { ...ctx, column: C.unitPrice }),
      amount: money(get(C.amount), { ...ctx, column: C.amount }),
      cancelled,
      placedAt: typeof at === 'number' ? at : 0,
      buyer: get(C.buyer).slice(0, 60) || null,
      status: [status, get(C.cancelType)].filter(Boolean).join(' · ').slice(0, 80),
      row,
    };
    const refund = money(get(C.refund), { ...ctx, column: C.refund });
    const order = orders.get(orderId);
    if (order) {
      order.drafts.push(draft);
      // The order's refund is repeated on each of its rows: take it once.
      order.refund = Math.max(order.refund, refund);
    } else orders.set(orderId, { drafts: [draft], refund });
  }
  if (errors.errors.length) return { ok: false, errors: errors.errors };
  const lines: PlatformLine[] = [];
  for (const { drafts, refund } of orders.values()) {
    // A cancelled line in an order cancels the order (TikTok cancels whole orders).
    const cancelled = drafts.every((d) => d.cancelled);
    lines.push(
      ...finishOrder(
        'tiktok',
        drafts.map((d) => ({ ...d, cancelled })),
        refund,
        warnings,
      ),
    );
  }
  return {
    ok: true,
    value: {
      format: 'tiktok',
      lines,
      warnings,
      ignoredColumns: ignored(table, Object.values(C)),
      rows: kept.length,
    },
  };
}

export function ignored(table: Table, used: readonly string[]): string[] {
  const keys = new Set(used.map(headerKey));
  return table.headers.filter((h) => h !== '' && !keys.has(headerKey(h)));
}
