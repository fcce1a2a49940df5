import { describe, expect, test } from 'vitest';
import { appendEvent, createShow, deleteShow } from '../../../../controller/db/eventLog';
import { loadPlatform, storePlatformLines } from '../../../../controller/db/platformOrders';
import type { FlashcueDb } from '../../../../controller/db/db';
import type { PlatformLine } from '../../../../shared/orders/types';
import { openTestDb } from '../../../support/db';
import { T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';

const line = (orderId: string): PlatformLine => ({
  key: `tiktok:${orderId}#1`,
  format: 'tiktok',
  orderId,
  line: 1,
  sku: 'SKU-1',
  platformSkuId: null,
  name: 'Serum',
  quantity: 1,
  returned: 0,
  unitPrice: 1999,
  amount: 1999,
  refunded: 0,
  cancelled: false,
  placedAt: T0 + 1000,
  buyer: null,
  status: 'Completed',
  row: 2,
});

/** An ended show holding a log and `orders` imported platform orders. */
async function endedShowWithOrders(db: FlashcueDb, orders: string[]): Promise<string> {
  const show = await createShow(db, makeSheet(), { now: T0 });
  await appendEvent(db, show.id, { type: 'show.start', at: T0 });
  await appendEvent(db, show.id, { type: 'show.end', at: T0 + 60_000 });
  await storePlatformLines(db, show.id, orders.map(line), {
    window: { from: T0, to: T0 + 60_000 },
    timeZone: 'UTC',
    file: 'orders.csv',
    format: 'tiktok',
    now: T0 + 70_000,
  });
  return show.id;
}

describe('deleteShow and the imported platform orders', () => {
  test('deleting a show deletes its platform orders and meta; another show keeps its own', async () => {
    const db = openTestDb();
    const gone = await endedShowWithOrders(db, ['5770001', '5770002', '5770003']);
    const kept = await endedShowWithOrders(db, ['5770001', '5770009']);
    expect(await db.platformOrders.count()).toBe(5);

    expect(await deleteShow(db, gone)).toEqual({ ok: true });

    expect(await db.platformOrders.where('showId').equals(gone).count()).toBe(0);
    expect(await db.platformMeta.get(gone)).toBeUndefined();
    const other = await loadPlatform(db, kept);
    expect(other.lines.map((l) => l.orderId).sort()).toEqual(['5770001', '5770009']);
    expect(other.meta?.imports).toHaveLength(1);
    expect(await db.platformOrders.count()).toBe(2);
  });

  test('a live show keeps its platform orders: the delete is refused as a whole', async () => {
    const db = openTestDb();
    const show = await createShow(db, makeSheet(), { now: T0 });
    await appendEvent(db, show.id, { type: 'show.start', at: T0 });
    await storePlatformLines(db, show.id, [line('5770001')], {
      window: { from: T0, to: T0 + 60_000 },
      timeZone: 'UTC',
      file: 'orders.csv',
      format: 'tiktok',
      now: T0 + 1,
    });
    expect(await deleteShow(db, show.id)).toMatchObject({ ok: false });
    expect((await loadPlatform(db, show.id)).lines).toHaveLength(1);
  });
});
