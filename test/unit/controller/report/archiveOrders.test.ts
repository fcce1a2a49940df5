/** A show file with platform orders (issue 15): the new fields and sale.cancel import; a forged repeat does not. */
import { expect, test } from 'vitest';
import { archiveJson, parseShowArchive, toArchive } from '../../../../controller/report/archive';
import type { ShowEvent } from '../../../../shared/show';
import { drive, T0 } from '../../../support/driver';
import { makeSheet, withSkus } from '../../../support/sheets';

function ordersShow() {
  const s = drive(makeSheet(withSkus));
  s.ok({ type: 'show.start' });
  s.advance(1000);
  s.ok({ type: 'show.next' });
  const placed = s.now();
  s.advance(5000);
  s.ok({ type: 'sale', quantity: 2, buyer: 'anna' });
  s.ok({
    type: 'sale',
    orderId: '576460752303423488',
    sku: 'TT-1729',
    price: 18950,
    at: new Date(placed).toISOString(),
    source: 'tiktok',
  });
  s.ok({ type: 'sale', orderId: '#1001', sku: 'GIFT', price: 2500, source: 'shopify' });
  s.ok({ type: 'sale.cancel', orderId: '#1001', restock: false });
  s.advance(1000);
  s.ok({ type: 'show.end' });
  s.advance(1000);
  s.ok({
    type: 'sale',
    productId: 'buds',
    orderId: 'late',
    at: new Date(placed).toISOString(),
    source: 'tiktok',
  });
  return s;
}

function archiveOf(sheet: ReturnType<typeof drive>['sheet'], log: ShowEvent[]) {
  const start = log.find((e) => e.type === 'show.start')!.at;
  const end = log.find((e) => e.type === 'show.end')!.at;
  const row = {
    id: 'show-orders',
    runSheetId: sheet.id,
    status: 'ended' as const,
    createdAt: T0 - 60_000,
    startedAt: start,
    endedAt: end,
    sheet,
    changes: '',
    term: 1,
  };
  const events = log.map((event, i) => ({
    showId: row.id,
    seq: i + 1,
    at: event.at,
    event,
    commandId: null,
    loggedAt: 0,
  }));
  return toArchive(row, events, T0 + 3_600_000);
}

test('orders with ids, prices, times and sources, and cancellations, survive the show file', () => {
  const s = ordersShow();
  const archive = archiveOf(s.sheet, s.log);
  const back = parseShowArchive(archiveJson(archive));
  expect(back.ok && back.value.events.map((e) => e.event)).toEqual(s.log);
});

test('a forged log that counts an order id twice is refused, and says where', () => {
  const s = ordersShow();
  const sale = s.log.find((e) => e.type === 'sale' && e.orderId === '576460752303423488')!;
  const forged = [...s.log.slice(0, -2), { ...sale, at: s.log.at(-3)!.at }, ...s.log.slice(-2)];
  const back = parseShowArchive(archiveJson(archiveOf(s.sheet, forged)));
  expect(back.ok).toBe(false);
  if (!back.ok)
    expect(back.errors[0]!.message).toMatch(
      /could not have happened: Order 576460752303423488 is already recorded/,
    );
});
