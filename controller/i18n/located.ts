/**
 * Import and validation errors in the controller's language: where (a row and column, a line,
 * a field of the run sheet) and what. English keeps the sentence and place shared/ wrote, word
 * for word (exports and tests stay the same); another language renders the error's code with
 * its values, and an error without a code (or a code this catalogue lacks) stays in English
 * rather than saying nothing.
 */
import type { LocatedError } from '../../shared/validation';
import * as m from './paraglide/messages.js';
import { getLocale, type Locale } from './paraglide/runtime.js';
import { fieldLabel } from './fieldLabel';
import { refusalText } from './refusal';

type Message = (params: Record<string, string | number>, options?: { locale?: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;

/** What went wrong, in `locale`. */
export function errorText(
  error: Pick<LocatedError, 'message' | 'code' | 'params'>,
  locale: Locale = getLocale(),
): string {
  if (locale === 'en' || !error.code) return error.message;
  const { of, ...params } = error.params ?? {};
  if (error.code === 'csv_row_skipped' && typeof of === 'string') {
    const inner = errorText({ message: error.message, code: of, params }, locale);
    return m.imp_csv_row_skipped({ problem: inner }, { locale });
  }
  if (error.code === 'arch_impossible' && typeof of === 'string') {
    // A show file's event the show would have refused: the refusal's own words.
    const { reason, ...values } = params;
    const said = refusalText({ error: String(reason ?? ''), code: of, params: values }, locale);
    return m.imp_arch_impossible({ reason: said }, { locale });
  }
  if (error.code.startsWith('dec_guess_')) {
    const count = Number(params.more ?? 0);
    params.more = count ? m.imp_dec_guess_more({ count }, { locale }) : '';
  }
  const message = catalogue[`imp_${error.code}`];
  return message ? message({ ...error.params, ...params }, { locale }) : error.message;
}

const LIST = /^(products|segments)\[(\d+)\]\.?(.*)$/;

/** A schema path's fields in words: `commission.gmvBonuses[0].amount` → "… › GMV bonus 1 › amount". */
export function fieldsText(rest: string, locale: Locale = getLocale()): string {
  return rest
    .split('.')
    .map((part) => {
      const found = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
      if (!found) return part;
      const label = fieldLabel(found[1]!, locale);
      return found[2] === undefined ? label : `${label} ${Number(found[2]) + 1}`;
    })
    .join(' › ');
}

/**
 * Where an error is, in `locale`: `row 7, column "price"` → 第 7 行“price”列,
 * `products[2].livePrice` → 商品 3 › 直播价. English, and a place of no known form, unchanged.
 */
export function placeText(path: string, locale: Locale = getLocale()): string {
  if (locale === 'en') return path;
  const o = { locale };
  if (path === '(file)') return m.place_file({}, o);
  if (path === '(top level)') return m.place_top({}, o);
  let found = /^line (\d+), column (\d+)$/.exec(path);
  if (found) return m.place_line_column({ line: found[1]!, column: found[2]! }, o);
  found = /^row (\d+), column "(.*)"$/.exec(path);
  if (found) return m.place_row_column({ row: found[1]!, column: found[2]! }, o);
  found = /^row (\d+)$/.exec(path);
  if (found) return m.place_row({ row: found[1]! }, o);
  found = LIST.exec(path);
  if (found) {
    const n = Number(found[2]) + 1;
    const head = found[1] === 'products' ? m.place_product({ n }, o) : m.place_segment({ n }, o);
    return found[3] ? `${head} › ${fieldsText(found[3], locale)}` : head;
  }
  if (/^(show|version|format|products|segments|id)([.[]|$)/.test(path)) {
    const rest = path.replace(/^show\.?/, '');
    const show = m.place_show({}, o);
    if (path.startsWith('show')) return rest ? `${show} › ${fieldsText(rest, locale)}` : show;
    return fieldsText(path, locale);
  }
  return path;
}
