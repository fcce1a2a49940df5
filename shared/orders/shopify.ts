/**
 * Shopify's orders export (Admin → Orders → Export, "CSV for Excel, Numbers or other
 * spreadsheet programs"), read by header name: `Name, Email, Financial Status, Paid at, …,
 * Currency, …, Created at, Lineitem quantity, Lineitem name, Lineitem price, …, Lineitem sku,
 * …, Cancelled at, …, Refunded Amount, …, Id, …, Lineitem discount, …`. An order's extra line
 * items follow as rows with the same Name and the order columns left blank. Times carry
 * their offset (`2026-05-14 11:23:45 +0100`).
 */
import { fileDecimalMark } from '../import/decimal';
import { readOrderTime } from './dates';
import { count, dropRepeats, finishOrder, money, RowErrors, type DraftLine } from './lines';
import { ignored } from './tiktok';
import { headerKey, reader, type Table } from './table';
import type { ParseOutcome, ParseWarning, PlatformLine } from './types';

export const SHOPIFY_COLUMNS = {
  name: 'Name',
  financial: 'Financial Status',
  currency: 'Currency',
  created: 'Created at',
  quantity: 'Lineitem quantity',
  itemName: 'Lineitem name',
  price: 'Lineitem price',
  sku: 'Lineitem sku',
  discount: 'Lineitem discount',
  cancelled: 'Cancelled at',
  refunded: 'Refunded Amount',
  billingName: 'Billing Name',
} as const;

const REQUIRED = [
  SHOPIFY_COLUMNS.name,
  SHOPIFY_COLUMNS.created,
  SHOPIFY_COLUMNS.quantity,
  SHOPIFY_COLUMNS.itemName,
  SHOPIFY_COLUMNS.price,
];

export function isShopify(table: Table): boolean {
  return table.index.has(headerKey('Name')) && table.index.has(headerKey('Lineitem quantity'));
}

interface OrderHead {
  placedAt: number;
  cancelled: boolean;
  refund: number;
  status: string;
  buyer: string | null;
}

export function parseShopify(
  table: Table,
  opts: { currency: string; timeZone: string },
): ParseOutcome {
  const warnings: ParseWarning[] = [];
  const C = SHOPIFY_COLUMNS;
  const missing = REQUIRED.filter((c) => !table.index.has(headerKey(c)));
  if (missing.length)
    return {
      ok: false,
      errors: [
        {
          row: 1,
          message: `This Shopify export lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}: export the orders again with all columns.`,
          code: 'missing_columns',
          params: { platform: 'Shopify', columns: missing.map((m) => `"${m}"`).join(', ') },
        },
      ],
    };
  const kept = dropRepeats(table.rows, table.rowNumbers, warnings);
  const errors = new RowErrors();
  const hint = fileDecimalMark(
    kept.flatMap(({ cells }) => {
      const get = reader(table, cells);
      return [get(C.price), get(C.discount), get(C.refunded)];
    }),
  );
  const heads = new Map<string, OrderHead>();
  const drafts = new Map<string, DraftLine[]>();
  for (const { cells, row } of kept) {
    const get = reader(table, cells);
    const orderId = get(C.name);
    if (!orderId || orderId.length > 64) {
      errors.add(
        row,
        C.name,
        orderId
          ? { message: 'is longer than an order name', code: 'cell_name_long' }
          : { message: 'is empty', code: 'cell_empty' },
      );
      continue;
    }
    const ctx = { currency: opts.currency, hint, errors, row };
    let head = heads.get(orderId);
    const created = get(C.created);
    if (!head) {
      if (created === '') {
        errors.add(row, C.created, {
          message: `is empty on the first row of order ${orderId}`,
          code: 'cell_created_empty',
          params: { order: orderId },
        });
        continue;
      }
      const currency = get(C.currency);
      if (currency && currency.toUpperCase() !== opts.currency)
        errors.add(row, C.currency, {
          message: `is ${currency}, but this show is in ${opts.currency}`,
          code: 'cell_currency',
          params: { cell: currency, currency: opts.currency },
        });
      const at = readOrderTime(created, { timeZone: opts.timeZone, dayOrder: 'mdy' });
      if (typeof at !== 'number') errors.add(row, C.created, at);
      const financial = get(C.financial);
      head = {
        placedAt: typeof at === 'number' ? at : 0,
        // A voided payment never took the money: the order counts for nothing.
        cancelled: get(C.cancelled) !== '' || /^voided$/i.test(financial),
        refund: money(get(C.refunded), { ...ctx, column: C.refunded }),
        status: [financial, get(C.cancelled) ? 'cancelled' : ''].filter(Boolean).join(' · '),
        buyer: get(C.billingName).slice(0, 60) || null,
      };
      heads.set(orderId, head);
      drafts.set(orderId, []);
    } else if (
      created !== '' &&
      drafts.get(orderId)!.length &&
      !adjacent(kept, row, orderId, table)
    ) {
      warnings.push({
        row,
        message: `row ${row}: order ${orderId} appears again further down: its lines are added to the first`,
        code: 'order_again',
        params: { row, order: orderId },
      });
    }
    const quantity = count(get(C.quantity), { errors, row, column: C.quantity, required: true });
    const unitPrice = money(get(C.price), { ...ctx, column: C.price });
    const discount = money(get(C.discount), { ...ctx, column: C.discount });
    drafts.get(orderId)!.push({
      orderId,
      sku: get(C.sku) || null,
      platformSkuId: null,
      name: get(C.itemName).slice(0, 200) || '(no name)',
      quantity,
      returned: 0,
      unitPrice,
      amount: Math.max(0, unitPrice * quantity - discount),
      cancelled: head.cancelled,
      placedAt: head.placedAt,
      buyer: head.buyer,
      status: head.status.slice(0, 80),
      row,
    });
  }
  if (errors.errors.length) return { ok: false, errors: errors.errors };
  const lines: PlatformLine[] = [];
  for (const [orderId, list] of drafts) {
    if (list.length)
      lines.push(...finishOrder('shopify', list, heads.get(orderId)!.refund, warnings));
  }
  return {
    ok: true,
    value: {
      format: 'shopify',
      lines,
      warnings,
      ignoredColumns: ignored(table, Object.values(C)),
      rows: kept.length,
    },
  };
}

/** Whether the row before `row` belongs to the same order (a continuation, not a repeat). */
function adjacent(
  kept: Array<{ cells: string[]; row: number }>,
  row: number,
  orderId: string,
  table: Table,
): boolean {
  const i = kept.findIndex((k) => k.row === row);
  return i > 0 && reader(table, kept[i - 1]!.cells)(SHOPIFY_COLUMNS.name) === orderId;
}
