/**
 * What both platforms' parsers share: reading money and counts from cells with a located
 * message, dropping rows that repeat an earlier row exactly, and turning grouped rows into
 * lines with the order's refund spread over them so that per-product sums add up to the
 * order's refund to the cent.
 */
import { countOf, parseDecimal, readAmount, type DecimalMark } from '../import/decimal';
import { minorDigits } from '../money';
import type { CellProblem, OrderFormat, ParseWarning, PlatformLine } from './types';

const PLAIN_AMOUNT = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Far above a real export (a busy shop's month runs to tens of thousands of lines). */
export const MAX_EXPORT_LINES = 200_000;

export class RowErrors {
  readonly errors: ParseWarning[] = [];
  readonly warnings: ParseWarning[] = [];
  /**
   * A cell's problem, located: code `cell` with the row, the column and the cell's own
   * problem (`of` + its values; `problem` its English phrase, for problems without a code).
   */
  add(row: number, column: string, problem: string | CellProblem) {
    const p = typeof problem === 'string' ? { message: problem } : problem;
    if (this.errors.length < 50)
      this.errors.push({
        row,
        message: `row ${row}, ${column}: ${p.message}`,
        code: 'cell',
        params: { ...p.params, row, column, problem: p.message, of: p.code ?? '' },
      });
    else if (this.errors.length === 50)
      this.errors.push({
        row: null,
        message: 'more problems were left out: fix these first',
        code: 'more_left_out',
      });
  }
}

export function money(
  text: string,
  ctx: {
    currency: string;
    hint: DecimalMark | undefined;
    errors: RowErrors;
    row: number;
    column: string;
  },
): number {
  if (text === '') return 0;
  // Most cells are plain "299.00": read them directly (exact, no float) unless the file uses commas.
  const plain = PLAIN_AMOUNT.exec(text);
  if (plain && ctx.hint !== ',' && (plain[2] ?? '').length <= minorDigits(ctx.currency)) {
    const digits = minorDigits(ctx.currency);
    return Number(plain[1]! + (plain[2] ?? '').padEnd(digits, '0'));
  }
  // Exports write negative adjustments with a minus; amounts here are never below zero.
  const read = readAmount(text, ctx.currency, ctx.hint);
  if ('message' in read) {
    ctx.errors.add(ctx.row, ctx.column, read);
    return 0;
  }
  return read.minor;
}

export function count(
  text: string,
  ctx: { errors: RowErrors; row: number; column: string; required?: boolean },
): number {
  if (text === '') {
    if (ctx.required)
      ctx.errors.add(ctx.row, ctx.column, {
        message: 'is empty: a line needs a quantity',
        code: 'cell_no_quantity',
      });
    return 0;
  }
  const parsed = parseDecimal(text, { currency: 'USD', count: true });
  const n = parsed.ok ? countOf(parsed.value) : parsed;
  if (typeof n !== 'number' || n > 1_000_000) {
    ctx.errors.add(
      ctx.row,
      ctx.column,
      typeof n !== 'number' ? n : { message: 'is implausibly large', code: 'too_large' },
    );
    return 0;
  }
  return n;
}

/** A row equal to an earlier one, cell for cell, is the same line exported twice. */
export function dropRepeats(
  rows: string[][],
  rowNumbers: number[],
  warnings: ParseWarning[],
): Array<{ cells: string[]; row: number }> {
  const seen = new Map<string, number>();
  const kept: Array<{ cells: string[]; row: number }> = [];
  rows.forEach((cells, i) => {
    const key = JSON.stringify(cells);
    const first = seen.get(key);
    if (first !== undefined) {
      warnings.push({
        row: rowNumbers[i]!,
        message: `row ${rowNumbers[i]} repeats row ${first} exactly: counted once`,
        code: 'row_repeats',
        params: { row: rowNumbers[i]!, first },
      });
      return;
    }
    seen.set(key, rowNumbers[i]!);
    kept.push({ cells, row: rowNumbers[i]! });
  });
  return kept;
}

export type DraftLine = Omit<PlatformLine, 'key' | 'line' | 'refunded' | 'format'>;

/** One order's lines, numbered in file order, its refund spread by line amount. */
export function finishOrder(
  format: OrderFormat,
  drafts: DraftLine[],
  refund: number,
  warnings: ParseWarning[],
): PlatformLine[] {
  const total = drafts.reduce((sum, d) => sum + d.amount, 0);
  let left = refund;
  if (refund > total && !drafts[0]!.cancelled) {
    warnings.push({
      row: drafts[0]!.row,
      message: `order ${drafts[0]!.orderId}: the refund is more than its lines sold for (shipping or tax refunded too): counted up to the lines' value`,
      code: 'refund_over',
      params: { order: drafts[0]!.orderId },
    });
    left = total;
  }
  const refundable = left;
  return drafts.map((d, i) => {
    const share =
      i === drafts.length - 1
        ? left
        : total === 0
          ? 0
          : Math.min(left, Math.floor((refundable * d.amount) / total));
    left -= share;
    return { ...d, format, key: `${format}:${d.orderId}#${i + 1}`, line: i + 1, refunded: share };
  });
}
