/**
 * A whole run sheet from a spreadsheet's product list (csv.ts reads the rows): the products
 * kept, a plan generated for them, and the refused rows told as warnings.
 */
import { MAX_PRODUCTS, RUNSHEET_FORMAT, RUNSHEET_VERSION } from '../runsheet/schema';
import { parseRunSheet } from '../runsheet';
import { importProductsCsv, type CsvOptions } from './csv';
import { slugify } from './ids';
import { suggestDurationSec, type ImportOutcome } from './outcome';
import { generateSegments } from './plan';

export interface CsvRunSheetOptions extends CsvOptions {
  title?: string;
  /** Show length; by default about 5 minutes per product plus opening and closing. */
  durationSec?: number;
  format?: string;
}

/**
 * A whole run sheet from a product list, with a generated plan. Refused rows do not stop the
 * import: they come back as warnings so the producer sees what was left out.
 */
export function importRunSheetCsv(text: string, options: CsvRunSheetOptions): ImportOutcome {
  const { products, errors, warnings } = importProductsCsv(text, options);
  if (!products.length) return { result: { ok: false, errors }, warnings };
  if (products.length > MAX_PRODUCTS) {
    // Said with the count, before planning 100,000 segments only to refuse them.
    const message = `has ${products.length} products: a run sheet holds at most ${MAX_PRODUCTS}. Split the list across shows`;
    return { result: { ok: false, errors: [{ path: '(file)', message }] }, warnings };
  }
  const title = options.title?.trim() || 'Imported product list';
  const durationSec = options.durationSec ?? suggestDurationSec(products.length);
  const plan = generateSegments(products, {
    durationSec,
    ...(options.format ? { format: options.format } : {}),
  });
  const result = parseRunSheet({
    format: RUNSHEET_FORMAT,
    version: RUNSHEET_VERSION,
    id: slugify(title, 'show'),
    show: {
      title,
      currency: options.currency,
      durationSec,
      ...(options.format ? { format: options.format } : {}),
    },
    products,
    segments: plan.segments,
  });
  // The row's own problem stays coded inside (`of`), so the controller can say both parts.
  const skipped = errors.map((e) => ({
    path: e.path,
    message: `${e.message} (row not imported)`,
    ...(e.code ? { code: 'csv_row_skipped', params: { ...e.params, of: e.code } } : {}),
  }));
  return { result, warnings: [...skipped, ...warnings, ...plan.warnings] };
}
