/**
 * Issue 16 sweep: every CSV the controller exports names every column in Chinese for a zh-CN
 * producer — a column whose key has no `rcsv_` message would fall back to its English key
 * (`csvHeader`), so each export's whole header row is checked, not a sample of it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { baseLocale, overwriteGetLocale } from '../../../../controller/i18n/paraglide/runtime.js';
import { historyCsv } from '../../../../controller/report/across/acrossData';
import { csvHeader, withHeaders } from '../../../../controller/report/csvHeaders';
import { markerWords } from '../../../../controller/report/markerFiles';
import { markersCsv } from '../../../../shared/marker/exports';
import { platformOrdersCsv } from '../../../../shared/orders/csv';
import { reportCsv } from '../../../../shared/report/csv';
import { buildReport } from '../../../../shared/report/showReport';
import { mainShow } from '../../../support/reportScenario';
import { makeSheet } from '../../../support/sheets';

afterEach(() => overwriteGetLocale(() => baseLocale));

/** The Latin a Chinese header may keep: units and names written so in Chinese too. */
const KEPT = new Set(['UTC', 'SKU', 'GMV', 'ID', 'Flashcue']);
const headerRow = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]!
    .split(',');
const english = (headers: string[]) =>
  headers.filter((h) => [...h.matchAll(/[A-Za-z_]{2,}/g)].some((w) => !KEPT.has(w[0])));

describe('CSV headers in Chinese, every column of every export', () => {
  test('sales, products, segments, markers, product history and platform orders', () => {
    const sheet = makeSheet();
    const report = buildReport(sheet, mainShow(sheet).log);
    overwriteGetLocale(() => 'zh-CN');
    const rows: Record<string, string[]> = {
      sales: headerRow(reportCsv(report, 'sales', {}, csvHeader())),
      products: headerRow(reportCsv(report, 'products', {}, csvHeader())),
      segments: headerRow(reportCsv(report, 'segments', {}, csvHeader())),
      markers: headerRow(withHeaders(markersCsv([], () => '', markerWords()))),
      history: headerRow(historyCsv([], new Map(), csvHeader())),
      // Written in the import worker in English; the page names its columns on download.
      platform: headerRow(withHeaders(platformOrdersCsv([], 'CNY', 'Asia/Shanghai'))),
    };
    for (const [kind, headers] of Object.entries(rows)) {
      expect(headers.length, kind).toBeGreaterThan(2);
      expect(english(headers), kind).toEqual([]);
    }
  });
});
