import { describe, expect, it } from 'vitest';
import { parseOrderCsv } from '../../../../shared/orders/parse';
import { platformReport, showWindow, apiPlatform } from '../../../../shared/orders/platformReport';
import { assignKey } from '../../../../shared/orders/match';
import { platformOrdersCsv } from '../../../../shared/orders/csv';
import type { PlatformLine } from '../../../../shared/orders/types';
import { replay } from '../../../../shared/show';
import { fixture, OPTS, skuShow } from '../../../support/orderFiles';

const lines = (name: string): PlatformLine[] => {
  const out = parseOrderCsv(fixture(name), OPTS);
  if (!out.ok) throw new Error(JSON.stringify(out.errors));
  return out.value.lines;
};

describe('reconciling the exports with the show', () => {
  const { sheet, report, t0 } = skuShow();
  const both = [...lines('tiktok-us.csv'), ...lines('shopify.csv')];
  const p = platformReport(report, sheet.products, both, null)!;

  it('keeps the show window and both platforms; totals are the files’ sums in it, to the cent', () => {
    expect(p.window).toEqual(showWindow(report));
    expect(p.window).toEqual({ from: t0, to: t0 + 800_000 });
    expect(p.formats).toEqual(['tiktok', 'shopify']);
    expect(p.totals).toEqual({ orders: 7, units: 17, gmv: 150800 + 64600 });
    expect(p.flashcue).toEqual({ orders: 6, units: 13, gmv: 163700 });
    expect(p.difference).toEqual({ orders: 1, units: 4, gmv: 215400 - 163700 });
    expect(p.cancelled).toEqual({ orders: 2, lines: 2 });
  });

  it('matches by SKU, name and proximity; pairs hand-entered sales with the nearest order', () => {
    const by = Object.fromEntries(p.lines.map((l) => [l.key, l.match?.by ?? null]));
    expect(by['tiktok:576000000000000001#1']).toBe('sku');
    expect(by['tiktok:576000000000000005#1']).toBe('name');
    expect(by['tiktok:576000000000000006#1']).toBeNull();
    // Each live sale (60 buds, 150 buds ×2, 430 buds ×3, 600 mask ×5, 620 mask, 700 buds)
    // takes the nearest unpaired order of its product within 10 minutes — the cancelled
    // Shopify mask order (610) included: the sale was made, the platform cancelled it later.
    expect(p.lines.filter((l) => l.saleId !== null).map((l) => l.key)).toEqual([
      'tiktok:576000000000000001#1',
      'tiktok:576000000000000002#1',
      'tiktok:576000000000000003#1',
      'tiktok:576000000000000005#1',
      'shopify:#1002#1',
      'shopify:#1003#1',
    ]);
    expect([p.matched, p.flashcueOnly, p.platformOnly]).toEqual([6, 0, 4]);
    expect(p.unmatched).toEqual([
      {
        key: 'sku:lamp-x',
        name: 'Desk Lamp Pro',
        sku: 'LAMP-X',
        platformSkuId: '1729000000000000006',
        lines: 1,
        units: 1,
      },
    ]);
  });

  it('attributes each order to the segment run and deal on air when it was placed', () => {
    const deal = p.deals[0]!;
    expect(deal.platform).toEqual({ orders: 1, units: 3, gmv: 38700 });
    const runOf = (key: string) => p.lines.find((l) => l.key === key)!.run;
    expect(runOf('tiktok:576000000000000001#1')).toBe(1); // 62 s: the opening
    expect(runOf('tiktok:576000000000000003#1')).toBe(3); // 433 s: the flash segment
    const segmentSum = p.segments.reduce((sum, s) => sum + s.platform.gmv, 0);
    expect(segmentSum + p.outsideSegments.gmv).toBe(p.totals.gmv);
    const productSum = p.products.reduce((sum, r) => sum + r.platform.gmv, 0);
    expect(productSum + p.unmatchedFigures.gmv).toBe(p.totals.gmv);
  });

  it('attributes by the show’s own on-air rule when given its context, the same here', () => {
    const { events } = skuShow();
    const context = replay(sheet, events).context;
    const withContext = platformReport(report, sheet.products, both, null, undefined, context)!;
    expect(withContext.lines.map((l) => [l.key, l.run, l.dealId])).toEqual(
      p.lines.map((l) => [l.key, l.run, l.dealId]),
    );
  });

  it('an assignment remembered in the catalogue matches the line next time', () => {
    const lamp = p.lines.find((l) => l.orderId === '576000000000000006')!;
    const again = platformReport(
      report,
      sheet.products,
      both,
      null,
      new Map([[assignKey(lamp), 'lamp']]),
    )!;
    expect(again.unmatched).toEqual([]);
    expect(again.products.find((r) => r.productId === 'lamp')!.platform).toEqual({
      orders: 2,
      units: 3,
      gmv: 24800 + 12900,
    });
  });

  it('platform SKU ids on a product match before the name', () => {
    const products = sheet.products.map((x) =>
      x.id === 'lamp' ? { ...x, platformSkuIds: ['1729000000000000006'] } : x,
    );
    const again = platformReport(report, products, both, null)!;
    expect(again.lines.find((l) => l.orderId === '576000000000000006')!.match).toEqual({
      productId: 'lamp',
      by: 'platformSku',
    });
  });

  it('a narrower window leaves orders out; the API block is in decimals', () => {
    const narrow = platformReport(report, sheet.products, both, {
      window: { from: t0, to: t0 + 300_000 },
      timeZone: 'Asia/Shanghai',
      imports: [],
      summary: null,
    })!;
    expect(narrow.totals).toEqual({ orders: 3, units: 7, gmv: 29900 + 45700 + 44700 });
    const api = apiPlatform(p, 'CNY')!;
    expect(api.totals).toEqual({ orders: 7, units: 17, gmv: 2154 });
    expect(api.headline).toBe('flashcue');
    expect(api.segments.map((s) => s.ordinal)).toEqual(report.runs.map((r) => r.ordinal));
  });

  it('conversion uses the platform’s unique viewers when given', () => {
    const withSummary = platformReport(report, sheet.products, both, {
      window: p.window,
      timeZone: 'Asia/Shanghai',
      imports: [],
      summary: {
        gmv: null,
        skuOrders: null,
        customers: null,
        viewers: null,
        uniqueViewers: 140,
        avgWatchSeconds: null,
        productClicks: null,
      },
    })!;
    expect(withSummary.conversion).toEqual({
      rate: 7 / 140,
      orders: 'platform',
      viewers: 'platform',
    });
    expect(p.conversion).toEqual({ rate: 7 / 1000, orders: 'platform', viewers: 'flashcue' });
  });

  it('the orders CSV escapes a buyer name that is a formula', () => {
    const csv = platformOrdersCsv(p.lines, 'CNY', 'Asia/Shanghai');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""cx"")"`);
    expect(csv.split('\r\n')[0]).toContain('order_id,line,placed_utc');
  });
});
