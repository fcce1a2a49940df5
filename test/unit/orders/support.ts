/** The order fixtures, the report tests' main show with SKUs, and an XLSX built from rows. */
import { readFileSync } from 'node:fs';
import writeExcelFile from 'write-excel-file/node';
import { csvRows } from '../../../shared/orders/parse';
import { buildReport } from '../../../shared/report/showReport';
import { makeSheet } from '../../support/sheets';
import { mainShow } from '../report/scenario';

export const TZ = 'Asia/Shanghai';
export const OPTS = { currency: 'CNY', timeZone: TZ };

export const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/orders/${name}`, import.meta.url), 'utf8');

/** The main scenario on a sheet whose products carry seller SKUs (buds EB-01, mask MASK-1, lamp LAMP-01). */
export function skuShow() {
  const sheet = makeSheet((s) => {
    s.products[0]!.sku = 'EB-01';
    s.products[1]!.sku = 'MASK-1';
    s.products[2]!.sku = 'LAMP-01';
  });
  const show = mainShow(sheet);
  const events = show.log;
  const report = buildReport(sheet, events, { now: events.at(-1)!.at });
  return { sheet, events, report, t0: show.t0 };
}

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
