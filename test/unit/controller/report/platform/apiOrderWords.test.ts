// orders.import through the command API answers a zh-CN producer's tool in Chinese: argument
// names and the platform's column names stay as they are spelled; English is unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { importShowArchiveText } from '../../../../../controller/db/showArchive';
import { ordersImport } from '../../../../../controller/report/platform/apiOrders';
import {
  baseLocale,
  overwriteGetLocale,
} from '../../../../../controller/i18n/paraglide/runtime.js';
import { openTestDb } from '../../../../support/db';
import { skuShowArchive } from '../../../../support/orderShow';
import { skuShow } from '../../../../support/orderFiles';

afterEach(() => overwriteGetLocale(() => baseLocale));

async function show() {
  const db = openTestDb();
  const imported = await importShowArchiveText(db, skuShowArchive());
  if (!imported.ok) throw new Error('archive refused');
  const { sheet, report } = skuShow();
  return { db, show: { id: imported.showId, sheet, report } };
}

const hasLatinWords = (text: string, allowed: string[]) =>
  [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !allowed.includes(w));

describe('orders.import refusals in the controller’s language', () => {
  it('English keeps the sentences the API always gave', async () => {
    const { db, show: s } = await show();
    expect(await ordersImport(db, s, { base64: '*not base64*' })).toEqual({
      ok: false,
      error: 'orders.import was refused: base64 is not valid base64.',
    });
    expect(await ordersImport(db, s, {})).toEqual({
      ok: false,
      error:
        'orders.import was refused: orders.import needs text (the CSV) or base64 (a CSV or XLSX file).',
    });
    expect(await ordersImport(db, s, { text: 'a,"b\n1,2' })).toEqual({
      ok: false,
      error:
        'orders.import was refused: row 1: Quoted field unterminated — the file is cut off or damaged; export it again.',
    });
  });

  it('Chinese: bad base64, missing payload, arguments and an unknown export, fields kept', async () => {
    const { db, show: s } = await show();
    overwriteGetLocale(() => 'zh-CN');
    expect(await ordersImport(db, s, { base64: '*not base64*' })).toEqual({
      ok: false,
      error: 'orders.import 被拒绝：base64 不是有效的 base64 编码。',
    });
    expect(await ordersImport(db, s, {})).toEqual({
      ok: false,
      error:
        'orders.import 被拒绝：orders.import 需要 text（CSV 文本）或 base64（CSV 或 XLSX 文件）。',
    });
    const args = await ordersImport(db, s, { base64: 7, timeZone: 'Mars/Base', extra: 1 });
    expect(args).toEqual({
      ok: false,
      error: expect.stringContaining('orders.import 被拒绝：\n'),
    });
    const said = (args as { error: string }).error;
    expect(said).toContain('base64：必须是 base64 编码的文件');
    expect(said).toContain('timeZone：必须是 IANA 时区');
    expect(said).toContain('有不应出现的字段：');
    expect(
      hasLatinWords(said, [
        'orders',
        'import',
        'base',
        'timeZone',
        'IANA',
        'Asia',
        'Shanghai',
        'extra',
      ]),
    ).toEqual([]);
    const unknown = await ordersImport(db, s, { text: 'Foo,Bar\n1,2' });
    expect(unknown).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^orders\.import 被拒绝：/),
    });
    expect(
      hasLatinWords((unknown as { error: string }).error, [
        'orders',
        'import',
        'TikTok',
        'Shop',
        'Order',
        'ID',
        'Seller',
        'SKU',
        'Shopify',
        'Name',
        'Lineitem',
        'quantity',
        'Foo',
        'Bar',
      ]),
    ).toEqual([]);
    expect(await db.platformOrders.count()).toBe(0);
  });
});
