/**
 * A spreadsheet as rows of text, read by header name, never by position: platforms add and
 * drop columns by market. Cells are cleaned of what exports carry (a BOM, trailing tabs,
 * Excel's `="…"` text guard) before anything reads them.
 */

/** A header as compared: no BOM, no surrounding blanks or tabs, one space, lower case. */
export function headerKey(cell: string): string {
  return clean(cell).replace(/\s+/g, ' ').toLowerCase();
}

/** Most cells: nothing to clean (checked with one regex, not three). */
const PLAIN = /^(?:[^\s=\uFEFF][^]*[^\s]|[^\s=\uFEFF])?$/;

/** A cell's text: BOM, tabs and blanks around it dropped; `="123"` (Excel text guard) unwrapped. */
export function clean(cell: string | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string' && PLAIN.test(cell)) return cell;
  let s = String(cell)
    .replace(/^\uFEFF/, '')
    .replace(/^[\s\t]+|[\s\t]+$/g, '');
  const guarded = /^="(.*)"$/.exec(s);
  if (guarded) s = guarded[1]!;
  return s;
}

export interface Table {
  /** The header row's cells, cleaned, in file order. */
  headers: string[];
  /** header key → column index (the first column of that name). */
  index: Map<string, number>;
  rows: string[][];
  /** 1-based file row of each entry of `rows`. */
  rowNumbers: number[];
}

/** The first non-empty row is the header; blank rows are left out. */
export function toTable(raw: readonly (readonly (string | null | undefined)[])[]): Table | null {
  const first = raw.findIndex((row) => row.some((c) => clean(c) !== ''));
  if (first < 0) return null;
  const headers = raw[first]!.map((c) => clean(c));
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = first + 1; i < raw.length; i++) {
    const row = raw[i]!;
    if (!row.some((c) => clean(c) !== '')) continue;
    rows.push(row.map((c) => clean(c)));
    rowNumbers.push(i + 1);
  }
  return { headers, index, rows, rowNumbers };
}

/** Reads cells by column name; a missing column reads as ''. */
const keys = new Map<string, string>();
const keyOf = (name: string) => {
  let key = keys.get(name);
  if (key === undefined) keys.set(name, (key = headerKey(name)));
  return key;
};

export function reader(table: Table, row: readonly string[]) {
  return (name: string): string => {
    const i = table.index.get(keyOf(name));
    return i === undefined ? '' : (row[i] ?? '');
  };
}
