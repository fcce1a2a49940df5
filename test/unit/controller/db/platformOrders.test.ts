import { describe, expect, it } from 'vitest';
import { exportShowArchive, importShowArchiveText } from '../../../../controller/db/showArchive';
import { archiveJson, parseShowArchive } from '../../../../controller/report/archive';
import {
  loadPlatform,
  rememberAssignment,
  rememberedAssignments,
} from '../../../../controller/db/platformOrders';
import { ordersImport } from '../../../../controller/report/platform/apiOrders';
import { openTestDb } from '../../../support/db';
import { skuShowArchive } from '../../../support/orderShow';
import { fixture, skuShow } from '../../../support/orderFiles';

async function showWithOrders() {
  const db = openTestDb();
  const imported = await importShowArchiveText(db, skuShowArchive());
  if (!imported.ok) throw new Error('archive refused');
  const { sheet, report } = skuShow();
  const show = { id: imported.showId, sheet, report };
  return { db, show };
}

describe('orders.import and storage beside the log', () => {
  it('imports a CSV, answers with the platform block, and changes nothing the second time', async () => {
    const { db, show } = await showWithOrders();
    const eventsBefore = await db.events.count();
    const first = await ordersImport(db, show, { text: fixture('tiktok-us.csv') });
    expect(first).toMatchObject({
      ok: true,
      result: {
        message:
          "7 TikTok Shop order lines in the show's window, 7 new, 1 outside the window left out.",
        platform: { totals: { orders: 5, units: 12, gmv: 1508 }, headline: 'flashcue' },
      },
    });
    const again = await ordersImport(db, show, { text: fixture('tiktok-us.csv') });
    expect(again).toMatchObject({ ok: true, result: { added: 0, changed: 0, unchanged: 7 } });
    expect(await db.platformOrders.count()).toBe(7);
    // The show's log is never touched.
    expect(await db.events.count()).toBe(eventsBefore);
  });

  it('a newer export of the same orders updates only the lines that changed', async () => {
    const { db, show } = await showWithOrders();
    await ordersImport(db, show, { text: fixture('shopify.csv') });
    // Since the first export, the platform voided order #1003.
    const changed = await ordersImport(db, show, {
      text: fixture('shopify.csv').replace('partially_refunded', 'voided'),
    });
    expect(changed).toMatchObject({ ok: true, result: { added: 0, changed: 1, unchanged: 3 } });
  });

  it('base64 XLSX, and refusals with a located reason, nothing saved', async () => {
    const { db, show } = await showWithOrders();
    const { xlsxFromCsv } = await import('../../../support/orderFiles');
    const bytes = new Uint8Array(await xlsxFromCsv(fixture('tiktok-us.csv')));
    const base64 = Buffer.from(bytes).toString('base64');
    expect(await ordersImport(db, show, { base64 })).toMatchObject({
      ok: true,
      result: { format: 'tiktok', added: 7 },
    });
    expect(await ordersImport(db, show, { text: 'Foo,Bar\n1,2' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/neither a TikTok Shop order export/),
    });
    expect(await ordersImport(db, show, { text: 'x', timeZone: 'Mars/Base' })).toEqual({
      ok: false,
      error:
        'orders.import was refused:\ntimeZone: must be an IANA time zone such as America/New_York',
    });
    expect(await db.platformOrders.count()).toBe(7);
  });

  it('the show file carries the orders and brings them back, checked', async () => {
    const { db, show } = await showWithOrders();
    await ordersImport(db, show, { text: fixture('tiktok-us.csv') });
    const archive = await exportShowArchive(db, show.id);
    expect(archive.platform?.lines).toHaveLength(7);
    const text = archiveJson(archive);

    const other = openTestDb();
    const back = await importShowArchiveText(other, text);
    expect(back).toMatchObject({ ok: true, outcome: 'added' });
    expect((await loadPlatform(other, show.id)).lines).toEqual(
      (await loadPlatform(db, show.id)).lines,
    );
    // Into a browser that has the show without its orders: they are added to it.
    const bare = openTestDb();
    await importShowArchiveText(bare, skuShowArchive());
    expect(await importShowArchiveText(bare, text)).toMatchObject({ outcome: 'reused' });
    expect(await bare.platformOrders.count()).toBe(7);

    const hostile = JSON.parse(text) as { platform: { lines: Array<Record<string, unknown>> } };
    hostile.platform.lines[2]!.amount = -5;
    const refused = parseShowArchive(JSON.stringify(hostile));
    expect(refused.ok ? [] : refused.errors).toEqual([
      { path: 'platform.lines[2].amount', message: 'must not be negative' },
    ]);
  });

  it('an assignment is remembered in the catalogue, moving from any product it named', async () => {
    const { db, show } = await showWithOrders();
    const [buds, , lamp] = show.sheet.products;
    const ctx = { currency: 'CNY', showId: show.id, at: 0 };
    await rememberAssignment(db, 'sku:lamp-x', buds!, ctx);
    await rememberAssignment(db, 'sku:lamp-x', lamp!, ctx);
    expect(await rememberedAssignments(db)).toEqual(new Map([['sku:lamp-x', 'lamp']]));
    expect((await db.catalogue.get('buds'))!.platformKeys).toEqual([]);
  });
});
