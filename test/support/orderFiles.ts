/** The order fixtures, the report tests' main show with SKUs, and an XLSX built from rows. */
import { readFileSync } from 'node:fs';
import writeExcelFile from 'write-excel-file/node';
import { csvRows } from '../../shared/orders/parse';

export const TZ = 'Asia/Shanghai';
export const OPTS = { currency: 'CNY', timeZone: TZ };

export const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/orders/${name}`, import.meta.url), 'utf8');

export { skuShow } from './orderShow';

/** An .xlsx holding the same cells as a CSV, every cell as text (as TikTok's XLSX has them). */
export async function xlsxFromCsv(text: string): Promise<ArrayBuffer> {
  const read = csvRows(text);
  if ('error' in read) throw new Error(read.error);
  const buffer = await writeExcelFile(
    read.rows.map((row) => row.map((value) => ({ value, type: String }))),
  ).toBuffer();
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer;
}
