/**
 * A platform export's file-level problems and the import worker's errors in the controller's
 * language (`ord_<code>`), a cell's problem on a row included. English keeps shared/'s sentence
 * word for word; a problem without a code stays in English rather than saying nothing.
 */
import * as m from '../../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../../i18n/paraglide/runtime.js';
import { OrderImportError } from './importWorker';

type Message = (params: Record<string, string | number>, options?: { locale?: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;

export function orderProblemText(
  problem: {
    message: string;
    code?: string | undefined;
    params?: Record<string, string | number> | undefined;
  },
  locale: Locale = getLocale(),
): string {
  if (locale === 'en' || !problem.code) return problem.message;
  if (problem.code === 'cell') return cellText(problem.params ?? {}, locale);
  const message = catalogue[`ord_${problem.code}`];
  return message ? message({ ...problem.params }, { locale }) : problem.message;
}

/**
 * A cell's problem on a row: the row and column around the cell's own problem, worded by its
 * code (`ord_<of>` for the order readers', `imp_<of>` for the decimal reader's), or its English
 * phrase where it has none.
 */
function cellText(params: Record<string, string | number>, locale: Locale): string {
  const of = String(params.of ?? '');
  const own = of ? (catalogue[`ord_${of}`] ?? catalogue[`imp_${of}`]) : undefined;
  const problem = own ? own(params, { locale }) : String(params.problem ?? '');
  return m.ord_cell({ row: params.row ?? '', column: params.column ?? '', problem }, { locale });
}

/** An error thrown by the import (the worker's coded refusal, or anything else). */
export function orderErrorText(error: unknown, locale: Locale = getLocale()): string {
  if (error instanceof OrderImportError) return orderProblemText(error, locale);
  return error instanceof Error ? error.message : String(error);
}
