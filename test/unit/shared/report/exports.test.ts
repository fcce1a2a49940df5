/** The command API's figures and the CSV exports, in CNY and in JPY (no minor digits). */
import { describe, expect, test } from 'vitest';
import { apiReport } from '../../../../shared/report/apiFigures';
import { localDateTime, reportCsv } from '../../../../shared/report/csv';
import { buildReport } from '../../../../shared/report/showReport';
import { drive, T0 } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';
import { mainShow, S } from '../../../support/reportScenario';

const jpySheet = () =>
  makeSheet((s) => {
    s.show.currency = 'JPY';
    s.show.timeZone = 'Asia/Tokyo';
    s.show.targetGmv = 10_000;
    s.show.commission = {
      basePayment: 5_000,
      commissionRate: 0.05,
      gmvBonuses: [{ threshold: 5_000, amount: 1_000 }],
    };
    s.products = [
      {
        id: 'buds',
        name: 'Earbuds',
        retailPrice: 2_980,
        livePrice: 1_980,
        flashPrice: 1_480,
        stock: 50,
      },
      { id: 'mask', name: '=cmd|calc', retailPrice: 890, livePrice: 590, stock: 10 },
      { id: 'lamp', name: 'Lamp', retailPrice: 1_590, livePrice: 1_290, stock: 5 },
    ];
    s.segments[2] = {
      id: 'f-buds',
      kind: 'flash',
      productId: 'buds',
      durationSec: 120,
      price: 1_290,
      dealSeconds: 90,
      quantity: 10,
    };
  });

/** A JPY show: ¥1,980 + ¥1,290 × 2 (deal) + ¥590 × 3 = 1980 + 2580 + 1770 = ¥6,330. */
function jpyShow() {
  const s = drive(jpySheet());
  s.ok({ type: 'show.start' });
  s.ok({ type: 'show.next' });
  s.advance(30 * S);
  s.ok({ type: 'sale', buyer: '@hana' });
  s.ok({ type: 'show.next' });
  s.ok({ type: 'deal.start' });
  s.advance(5 * S);
  s.ok({ type: 'sale', quantity: 2, buyer: '=HYPERLINK("x")' });
  s.ok({ type: 'show.next' });
  // The buds deal is still running, so a bare `sale` would be buds: name the mask.
  s.ok({ type: 'sale', productId: 'mask', quantity: 3 });
  s.ok({ type: 'viewers', concurrent: 80, unique: 40 });
  s.advance(25 * S);
  s.ok({ type: 'show.end' });
  return buildReport(s.sheet, s.log);
}

describe('a JPY show', () => {
  const report = jpyShow();

  test('whole-yen totals and earnings', () => {
    expect(report.totals).toMatchObject({
      gmv: 6_330,
      orders: 3,
      units: 6,
      averageOrderValue: 2_110,
    });
    // 5 % × 6330 = 316.5 → 317; 5000 + 317 + 1000 (GMV ≥ 5000) = 6317.
    expect(report.earnings!.totalHostCost).toBe(6_317);
    expect(report.viewers.conversionRate).toBe(3 / 40); // 0.075: within 5–15 %
    expect(report.viewers.verdict).toBe('within');
  });

  test('the API answer: yen as whole numbers, rates as fractions, plain JSON', () => {
    const api = apiReport(report, 'JPY');
    expect(JSON.parse(JSON.stringify(api))).toEqual(api);
    expect(api.totals).toMatchObject({
      gmv: 6_330,
      averageOrderValue: 2_110,
      targetGmv: 10_000,
      gmvVsTarget: 0.633,
    });
    expect(api.deals[0]).toMatchObject({ price: 1_290, gmv: 2_580, units: 2 });
    expect(api.earnings!.totalHostCost).toBe(6_317);
    expect(api.earnings!.bonuses[0]).toMatchObject({
      threshold: 5_000,
      actual: 6_330,
      amount: 1_000,
    });
  });

  test('CSV: whole-yen money, Tokyo local time, formula-looking text defused', () => {
    const csv = reportCsv(report, 'sales', { bom: false });
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe(
      'order_id,time_utc,time_local,time_zone,show_time_s,product_id,product_name,quantity,unit_price,price_kind,line_total,currency,deal_id,segment_position,segment_title,run,buyer,undone,undone_utc,platform_order_id,source,received_utc,list_price,flags,cancelled_utc',
    );
    // T0 = 2026-03-15 19:00 UTC = 2026-03-16 04:00 in Tokyo; the first sale is 30 s in.
    expect(first).toBe(
      `${first!.split(',')[0]},2026-03-15T19:00:30.000Z,2026-03-16 04:00:30,Asia/Tokyo,30,buds,Earbuds,1,1980,live,1980,JPY,,2,Earbuds,2,'@hana,no,,,hand,,,,`,
    ); // @ starts a formula in some spreadsheets
    expect(second).toContain(`"'=HYPERLINK(""x"")"`);
    expect(reportCsv(report, 'products', { bom: false })).toContain(`mask,'=cmd|calc`);
  });
});

describe('a CNY show', () => {
  const report = buildReport(mainShow().sheet, mainShow().log);

  test('the API answer converts every money figure to yuan', () => {
    const api = apiReport(report, 'CNY');
    expect(api.totals.gmv).toBe(1_637);
    expect(api.totals.averageOrderValue).toBe(272.83);
    const buds = api.products.find((p) => p.productId === 'buds')!;
    expect(buds).toMatchObject({
      gmv: 1_283,
      inDeals: { gmv: 387, units: 3, orders: 1 },
      outsideDeals: { gmv: 896 },
    });
    expect(buds.slots.map((s) => s.gmv)).toEqual([398, 387, 199]);
    expect(api.runs.map((r) => r.gmv)).toEqual([299, 398, 387, 354, 199]);
    expect(api.earnings).toBeNull();
    expect(api.viewers.conversionRate).toBe(0.006);
  });

  test('CSV of products and segments: decimals and seconds', () => {
    const products = reportCsv(report, 'products', { bom: false }).split('\r\n');
    expect(products[1]).toBe(
      'buds,Wireless Earbuds,,1,2 3,3,420,720,560,4,7,1283.00,3,387.00,4,896.00,0.75,100,93,0.07,1,CNY',
    );
    const segments = reportCsv(report, 'segments', { bom: false }).split('\r\n');
    expect(segments).toHaveLength(1 + 5);
    // s-buds: 120→420 s, 300 planned, 270 on air, 30 paused, 30 s short of plan.
    expect(segments[2]).toBe(
      '2,2,s-buds,product,Wireless Earbuds,buds,2026-03-15T19:02:00.000Z,2026-03-16 03:02:00,2026-03-15T19:07:00.000Z,2026-03-16 03:07:00,Asia/Shanghai,120,420,300,270,30,-30,1,2,398.00,no',
    );
    const sales = reportCsv(report, 'sales').split('\r\n');
    expect(sales[0]!.startsWith('\uFEFF')).toBe(true);
    expect(sales.filter((line) => line.includes(',yes,'))).toHaveLength(1); // the undone order, flagged
  });

  test('local date-time in the show time zone', () => {
    expect(localDateTime(T0, 'Asia/Shanghai')).toBe('2026-03-16 03:00:00');
    expect(localDateTime(T0, 'UTC')).toBe('2026-03-15 19:00:00');
    expect(localDateTime(T0, 'America/New_York')).toBe('2026-03-15 15:00:00'); // EDT since 8 March
  });
});
