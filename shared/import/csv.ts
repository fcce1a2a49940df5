/**
 * Product lists from spreadsheets. A refused row is reported where a spreadsheet user finds
 * it (`row 7, column "Live Price"`: rows count records as a spreadsheet shows them, header =
 * row 1) and the other rows are kept. Cells are only ever text: a "=HYPERLINK(…)" name stays
 * a name.
 */
import Papa from 'papaparse';
import { Id, Product } from '../runsheet/schema';
import { isKnownCurrency } from '../money';
import { issueCode, located, type LocatedError } from '../validation';
import { guessWarnings, noteGuess, optional, type Guesses } from './csvGuess';
import { checkImportSize, stripBom } from './json';
import { detectDelimiter, mapColumns, unescapeFormula, type Field } from './csvColumns';
import {
  countOf,
  fileDecimalMark,
  parseDecimal,
  readAmount,
  type DecimalMark,
  type DecimalProblem,
} from './decimal';
import { IdAllocator } from './ids';
import { PLACEHOLDER_STOCK } from './outcome';

/** A cell's problem as the located error's code and values (`imp_<code>`). */
const coded = ({ code, params }: DecimalProblem) => ({ code, ...(params ? { params } : {}) });

export interface CsvOptions {
  /** The currency the prices are in (ISO 4217). */
  currency: string;
}

export interface ProductsImport {
  products: Product[];
  /** Refused rows (and whole-file problems when nothing could be read). */
  errors: LocatedError[];
  warnings: LocatedError[];
}

const PRODUCT_FIELD: Record<string, Field> = {
  id: 'id',
  name: 'name',
  sku: 'sku',
  platformSkuIds: 'platformSkuIds',
  category: 'category',
  retailPrice: 'retail',
  livePrice: 'live',
  flashPrice: 'flash',
  stock: 'stock',
  flashSeconds: 'flashSeconds',
  flashQuantity: 'flashQuantity',
  image: 'image',
  talkingPoints: 'talkingPoints',
};

const fileError = (message: string, code?: string): ProductsImport => ({
  products: [],
  errors: [{ path: '(file)', message, ...(code ? { code } : {}) }],
  warnings: [],
});

/** Points split on newlines when the cell has any (the exporter's form), else on "|". */
export function splitTalkingPoints(cell: string): string[] {
  return cell
    .split(/[\r\n]/.test(cell) ? /\r\n|\n|\r/ : '|')
    .map((p) => p.trim())
    .filter(Boolean);
}

export function importProductsCsv(text: string, options: CsvOptions): ProductsImport {
  const tooBig = checkImportSize(text);
  if (tooBig) return { products: [], errors: [tooBig], warnings: [] };
  const source = stripBom(text);
  if (!source.trim())
    return fileError(
      'is empty: expected a header row (name, price, stock…) and one row per product',
    );
  const currency = options.currency.trim().toUpperCase();
  if (!isKnownCurrency(currency))
    return fileError(
      `cannot be read in currency "${options.currency}": use an ISO 4217 code such as CNY, USD or EUR`,
    );

  const delimiter = detectDelimiter(source);
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false });
  const rows = parsed.data;
  const blank = (row: string[] | undefined) => !row || row.every((c) => !c.trim());
  const headerAt = rows.findIndex((row) => !blank(row));
  const width = rows[headerAt]?.length ?? 0;
  const columns = mapColumns((rows[headerAt] ?? []).map(unescapeFormula));
  const at = (row: number, field: Field) =>
    `row ${row + 1}, column "${columns.header[field] ?? field}"`;
  const products: Product[] = [];
  const warnings: LocatedError[] = [];
  const errors: LocatedError[] = [];

  if (columns.index.name === undefined) {
    return fileError(
      `has no product name column (found: ${(rows[headerAt] ?? []).join(', ') || 'nothing'}). Name a column "name", "product" or "title"`,
    );
  }
  if (columns.index.retail === undefined && columns.index.live === undefined) {
    return fileError(
      'has no price column. Add "retail price" and "live price" (or just "price")',
      'csv_no_price',
    );
  }
  for (const header of columns.unknown)
    warnings.push({
      path: `row ${headerAt + 1}, column "${header}"`,
      message: 'is not a column Flashcue knows: ignored',
      code: 'csv_unknown_column',
    });
  for (const header of columns.duplicate)
    warnings.push({
      path: `row ${headerAt + 1}, column "${header}"`,
      message: 'repeats a column already read: ignored',
      code: 'csv_repeated_column',
    });
  if (columns.index.stock === undefined) {
    warnings.push({
      path: '(file)',
      message: `has no stock column: every product gets ${PLACEHOLDER_STOCK} as a placeholder (0 would mean sold out). Set the real stock before the show`,
      code: 'csv_no_stock',
      params: { stock: PLACEHOLDER_STOCK },
    });
  }

  const quoteErrors = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.type !== 'Quotes' || e.row === undefined || quoteErrors.has(e.row)) continue;
    quoteErrors.set(
      e.row,
      e.code === 'MissingQuotes'
        ? 'a quoted cell is never closed (a " is missing), so the rest of the file was read into it'
        : 'has a stray " after a quoted cell: put quotes around the whole cell and double any " inside it',
    );
  }

  const cell = (row: string[], field: Field): string => {
    const i = columns.index[field];
    const value = i === undefined ? '' : unescapeFormula(row[i] ?? '');
    return field === 'talkingPoints' ? value : value.trim();
  };
  const dataRows = rows
    .map((row, i) => ({ row, i }))
    .filter(({ row, i }) => i > headerAt && !blank(row));
  const moneyCells = dataRows.flatMap(({ row }) =>
    (['retail', 'live', 'flash', 'flashMinutes'] as const).map((f) => cell(row, f)),
  );
  const hint = fileDecimalMark(moneyCells);

  const ids = new IdAllocator();
  const explicitId = (row: string[]) => {
    const id = cell(row, 'id') || cell(row, 'sku');
    return id && (cell(row, 'id') || Id.safeParse(id).success) ? id : '';
  };
  for (const { row } of dataRows) if (explicitId(row)) ids.reserve(explicitId(row));
  const usedBy = new Map<string, number>();
  const guesses: Guesses = new Map();

  for (const { row, i } of dataRows) {
    const rowErrors: LocatedError[] = [];
    const quoteProblem = quoteErrors.get(i);
    if (quoteProblem) {
      errors.push({ path: `row ${i + 1}`, message: quoteProblem });
      continue;
    }
    // Extra filled cells mean a delimiter inside an unquoted cell shifted the columns.
    if (row.slice(width).some((c) => c.trim())) {
      errors.push({
        path: `row ${i + 1}`,
        message: `has ${row.length} cells but the header has ${width}: a cell containing "${delimiter === '\t' ? 'tab' : delimiter}" needs quotes around it`,
        code: 'csv_cells',
        params: { cells: row.length, width, delimiter: delimiter === '\t' ? 'tab' : delimiter },
      });
      continue;
    }
    const fail = (field: Field, message: string, coded?: Pick<LocatedError, 'code' | 'params'>) =>
      rowErrors.push({ path: at(i, field), message, ...coded });
    const money = (field: 'retail' | 'live' | 'flash') => {
      const text = cell(row, field);
      if (!text) return undefined;
      const read = readAmount(text, currency, hint);
      if ('code' in read) return void fail(field, read.message, coded(read));
      if (read.guessed) noteGuess(guesses, field, at(i, field), read.guessed, read.guess);
      return read.minor;
    };
    const count = (
      field: 'stock' | 'flashQuantity' | 'flashSeconds' | 'flashMinutes',
      mark?: DecimalMark,
    ) => {
      const text = cell(row, field);
      if (!text) return undefined;
      const read = parseDecimal(text, {
        currency,
        count: field !== 'flashMinutes',
        ...(mark ? { hint: mark } : {}),
      });
      if (!read.ok) return void fail(field, read.message, coded(read));
      if (field === 'flashMinutes')
        return Math.round(Number(`${read.value.whole}.${read.value.fraction || '0'}`) * 60);
      const n = countOf(read.value);
      return typeof n === 'number' ? n : void fail(field, n.message, coded(n));
    };

    const retail = money('retail');
    const live = money('live');
    if (retail === undefined && live === undefined && !rowErrors.length) {
      fail(
        columns.index.live !== undefined ? 'live' : 'retail',
        'is missing: every product needs a price',
        { code: 'csv_no_price_cell' },
      );
    }
    let stock = count('stock', hint);
    if (stock === undefined && cell(row, 'stock') === '' && columns.index.stock !== undefined) {
      stock = PLACEHOLDER_STOCK;
      warnings.push({
        path: at(i, 'stock'),
        message: `is empty: set to ${PLACEHOLDER_STOCK} as a placeholder (0 would mean sold out)`,
        code: 'csv_empty_stock',
        params: { stock: PLACEHOLDER_STOCK },
      });
    }
    const name = cell(row, 'name');
    const id = explicitId(row) || ids.fromName(name);
    const candidate = {
      id,
      name,
      ...optional('sku', cell(row, 'sku')),
      // Several platform SKU ids share one cell, split by spaces, commas, ; or |.
      ...optional(
        'platformSkuIds',
        cell(row, 'platformSkuIds')
          ? cell(row, 'platformSkuIds')
              .split(/[\s,;|]+/)
              .filter(Boolean)
          : undefined,
      ),
      ...optional('category', cell(row, 'category')),
      retailPrice: retail ?? live,
      livePrice: live ?? retail,
      ...optional('flashPrice', money('flash')),
      stock: stock ?? PLACEHOLDER_STOCK,
      ...optional('flashSeconds', count('flashSeconds', hint) ?? count('flashMinutes', hint)),
      ...optional('flashQuantity', count('flashQuantity', hint)),
      ...optional('image', cell(row, 'image')),
      talkingPoints: splitTalkingPoints(cell(row, 'talkingPoints')),
    };
    if (!rowErrors.length) {
      const checked = Product.safeParse(candidate);
      if (checked.success) {
        const first = usedBy.get(checked.data.id);
        if (first === undefined) {
          usedBy.set(checked.data.id, i + 1);
          products.push(checked.data);
          continue;
        }
        fail('id', `"${checked.data.id}" is already used by row ${first}`, {
          code: 'csv_id_taken',
          params: { id: checked.data.id, row: first },
        });
      } else {
        for (const issue of checked.error.issues) {
          const key = String(issue.path[0] ?? 'name');
          let field: Field = PRODUCT_FIELD[key] ?? 'name';
          // A value taken from another column is reported on that column.
          if (columns.index[field] === undefined) {
            field =
              field === 'flashSeconds'
                ? 'flashMinutes'
                : field === 'retail'
                  ? 'live'
                  : field === 'live'
                    ? 'retail'
                    : field === 'id'
                      ? columns.index.sku !== undefined
                        ? 'sku'
                        : 'name'
                      : field;
          }
          fail(field, issue.message, issueCode(issue));
        }
      }
    }
    errors.push(...rowErrors);
  }
  warnings.push(...guessWarnings(guesses));
  if (!products.length && !errors.length)
    errors.push(located('(file)', 'has a header row but no products under it', 'csv_no_products'));
  return { products, errors, warnings };
}
