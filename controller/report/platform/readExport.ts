/**
 * A platform's order export to rows of cells: a picked file (CSV in 1 MB chunks with progress,
 * XLSX through read-excel-file) or the command API's text or base64. Runs inside the import
 * worker (import.worker.ts), so even a 40 MB file never holds the page.
 */
import Papa from 'papaparse';
import { csvRows, tooBigProblem, type FileProblem } from '../../../shared/orders/parse';
import { looksLikeXlsx, xlsxRows } from '../../../shared/orders/xlsx';

export type Rows = Array<Array<string | null>>;

/** A file to rows; CSV is parsed in 1 MB chunks so the page keeps painting and shows progress. */
export async function readExportFile(
  file: Blob & { name?: string },
  onProgress: (fraction: number) => void,
): Promise<{ rows: Rows } | { error: string; problem?: FileProblem }> {
  const big = tooBigProblem(file.size);
  if (big) return { error: big.message, problem: big };
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (looksLikeXlsx(head)) {
    onProgress(0.1);
    const read = await xlsxRows(await file.arrayBuffer());
    onProgress(1);
    return read;
  }
  return new Promise((resolve) => {
    const rows: Rows = [];
    let broken: FileProblem | null = null;
    Papa.parse<string[]>(file as File, {
      chunkSize: 1024 * 1024,
      skipEmptyLines: 'greedy',
      chunk(result) {
        rows.push(...result.data);
        const quote = result.errors.find((e) => e.type === 'Quotes');
        if (quote && !broken) {
          const row = rows.length - result.data.length + (quote.row ?? 0) + 1;
          const message = `row ${row}: ${quote.message.replace(/\.$/, '')} — the file is cut off or damaged; export it again.`;
          broken = { message, code: 'broken_quotes', params: { row } };
        }
        onProgress(Math.min(1, result.meta.cursor / Math.max(1, file.size)));
      },
      complete: () => resolve(broken ? { error: broken.message, problem: broken } : { rows }),
      error: (error) =>
        resolve({
          error: `The file could not be read: ${error.message}`,
          problem: {
            message: `The file could not be read: ${error.message}`,
            code: 'unreadable',
            params: { reason: error.message },
          },
        }),
    });
  });
}

/** A refusal of the command API's payload, with the code the controller words (`ord_<code>`). */
const refused = (message: string, code: string): { error: string; problem: FileProblem } => ({
  error: message,
  problem: { message, code },
});

/** Text or base64 (the command API) to rows. */
export async function rowsFromPayload(args: {
  text?: unknown;
  base64?: unknown;
}): Promise<{ rows: Rows } | { error: string; problem: FileProblem }> {
  if (typeof args.base64 === 'string') {
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(args.base64.replace(/\s/g, '')), (c) => c.charCodeAt(0));
    } catch {
      return refused('base64 is not valid base64.', 'api_base64');
    }
    const big = tooBigProblem(bytes.length);
    if (big) return { error: big.message, problem: big };
    if (looksLikeXlsx(bytes)) return xlsxRows(bytes.buffer as ArrayBuffer);
    return rowsFromPayload({ text: new TextDecoder().decode(bytes) });
  }
  if (typeof args.text !== 'string')
    return refused(
      'orders.import needs text (the CSV) or base64 (a CSV or XLSX file).',
      'api_no_payload',
    );
  const big = tooBigProblem(args.text.length);
  if (big) return { error: big.message, problem: big };
  if (args.text.includes('\u0000'))
    return refused('text holds binary data: send an XLSX file as base64.', 'api_binary');
  // The same reading as a picked CSV's: a broken quote is refused with its row.
  return csvRows(args.text);
}
