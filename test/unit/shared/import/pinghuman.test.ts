import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { importAny } from '../../../../shared/import';
import { PLACEHOLDER_STOCK } from '../../../../shared/import/outcome';
import { importPingHumanJson, importPingHumanTask } from '../../../../shared/import/pinghuman';
import { plannedTotalSec, type RunSheet } from '../../../../shared/runsheet';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/pinghuman/${name}`, import.meta.url), 'utf8');

function load(name: string) {
  const { result, warnings } = importPingHumanJson(fixture(name));
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
  return { sheet: result.value, warnings, paths: warnings.map((w) => w.path) };
}

const lastSegmentEnd = (sheet: RunSheet) => plannedTotalSec(sheet);

describe('PingHuman tasks from the skill', () => {
  test('Getting started: beauty flash sale with products_count only', () => {
    const { sheet, warnings } = load('task-beauty-flash-sale.json');
    expect(sheet.show).toMatchObject({
      title: 'Live shopping session: Beauty products flash sale',
      scheduledStart: '2026-03-15T19:00:00Z',
      timeZone: 'UTC',
      currency: 'CNY',
      durationSec: 7200,
      expectedViewers: 1000,
      format: 'product_showcase_with_flash_sales',
    });
    expect(sheet.show.notes).toMatch(/^Host a 2-hour TikTok Live session/);
    expect(sheet.products).toHaveLength(8);
    expect(sheet.products[7]).toEqual({
      id: 'product-8',
      name: 'Product 8',
      retailPrice: 0,
      livePrice: 0,
      stock: PLACEHOLDER_STOCK,
      talkingPoints: [],
    });
    expect(warnings).toEqual([
      {
        path: 'live_session_details.products_count',
        message: expect.stringMatching(/8 placeholder products.*price 0/),
      },
    ]);
    expect(sheet.show.commission).toEqual({
      basePayment: 150000,
      commissionRate: 0.08,
      viewerBonuses: [],
      otherBonuses: [],
      gmvBonuses: [
        { threshold: 5000000, amount: 80000, label: '50k gmv' },
        { threshold: 10000000, amount: 200000, label: '100k gmv' },
        { threshold: 20000000, amount: 500000, label: '200k gmv' },
      ],
    });
    expect(lastSegmentEnd(sheet)).toBe(7200);
  });

  test('Workflow 1: launch premiere, prices from launch discounts, mystery reveal', () => {
    const { sheet, warnings } = load('task-launch-premiere.json');
    expect(sheet.products.map((p) => [p.id, p.retailPrice, p.livePrice, p.stock])).toEqual([
      ['vitamin-c-serum', 19900, 13930, PLACEHOLDER_STOCK],
      ['retinol-night-cream', 24900, 18675, PLACEHOLDER_STOCK],
      ['hydrating-face-mask', 8900, 5340, PLACEHOLDER_STOCK],
    ]);
    expect(warnings.map((w) => w.path)).toEqual(
      [0, 1, 2].map((i) => `live_session_details.products[${i}].stock_quantity`),
    );
    expect(sheet.show).toMatchObject({
      durationSec: 10800,
      expectedViewers: 2000,
      format: 'product_launch_premiere',
    });
    expect(sheet.show.commission?.gmvBonuses.map((b) => b.threshold)).toEqual([
      10000000, 20000000, 30000000,
    ]);
    expect(sheet.show.commission?.otherBonuses).toEqual([
      { label: 'viral highlight 100k views', amount: 150000 },
    ]);
    const engagements = sheet.segments.filter((s) => s.kind === 'engagement');
    expect(engagements[0]).toMatchObject({ activity: 'mystery' });
    expect(sheet.segments.filter((s) => s.kind === 'flash')).toHaveLength(3);
    expect(lastSegmentEnd(sheet)).toBe(10800);
  });

  test('Workflow 3: educational Q&A in minutes, no live prices, text bonus kept', () => {
    const { sheet, warnings } = load('task-smart-home-qa.json');
    expect(sheet.show).toMatchObject({ durationSec: 5400, format: 'educational_sales_hybrid' });
    expect(sheet.show.notes).toMatch(/Format: 60% education \+ demos, 40% sales pitches$/);
    expect(sheet.products.map((p) => [p.name, p.retailPrice, p.livePrice])).toEqual([
      ['Smart Speaker', 29900, 29900],
      ['Smart Light Bulbs (4-pack)', 15900, 15900],
      ['Smart Plug Set', 8900, 8900],
    ]);
    expect(warnings.filter((w) => w.path.endsWith('live_discount_price'))).toHaveLength(3);
    expect(sheet.show.commission).toMatchObject({
      basePayment: 180000,
      commissionRate: 0.1,
      otherBonuses: [
        {
          label: 'high engagement bonus',
          amount: 30000,
          note: '300 CNY if 50+ questions answered',
        },
      ],
    });
    expect(sheet.segments.find((s) => s.kind === 'engagement')).toMatchObject({ activity: 'qa' });
    expect(lastSegmentEnd(sheet)).toBe(5400);
  });

  test('API reference: full product fields, time zone, target GMV, viewer bonus', () => {
    const { sheet, paths } = load('task-api-reference.json');
    expect(sheet.show).toMatchObject({
      title: 'Live shopping session',
      timeZone: 'Asia/Shanghai',
      targetGmv: 5000000,
      format: 'product_showcase_with_flash_sales',
    });
    expect(sheet.products).toEqual([
      {
        id: 'prod_001',
        name: 'Wireless Earbuds',
        retailPrice: 29900,
        livePrice: 19900,
        stock: 100,
        flashSeconds: 900,
        talkingPoints: [],
      },
    ]);
    expect(sheet.show.commission?.viewerBonuses).toEqual([
      { metric: 'peakConcurrent', threshold: 3000, amount: 50000, label: 'peak 3k viewers' },
    ]);
    expect(sheet.show.commission?.gmvBonuses).toHaveLength(3);
    expect(paths).toEqual(expect.arrayContaining(['currency', 'title']));
    expect(sheet.segments.find((s) => s.kind === 'flash')).toMatchObject({
      productId: 'prod_001',
      durationSec: 900,
    });
  });

  test('host profiles are not tasks', () => {
    for (const name of ['host-profile-1.json', 'host-profile-3.json']) {
      const { result } = importPingHumanJson(fixture(name));
      expect(result).toEqual({
        ok: false,
        errors: [
          { path: '(top level)', message: expect.stringMatching(/host profile, not a task/) },
        ],
      });
    }
  });

  test('host profile example 2 is broken JSON: line and column of the mismatched bracket', () => {
    const { result } = importPingHumanJson(fixture('host-profile-2-broken.json'));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: 'line 36, column 3',
          message: expect.stringMatching(/']' after array element, found "}" — near: },$/),
        },
      ],
    });
  });

  test('message and rating bodies are refused clearly', () => {
    for (const name of ['message-teaser.json', 'rate-review.json']) {
      expect(importPingHumanJson(fixture(name)).result.ok).toBe(false);
      expect(importAny(fixture(name), { fileName: name }).result).toEqual({
        ok: false,
        errors: [
          {
            path: '(top level)',
            message: expect.stringMatching(/neither a Flashcue run sheet .* nor a PingHuman task/),
          },
        ],
      });
    }
  });
});

describe('PingHuman hostile and edge input', () => {
  const task = (details: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    title: 'T',
    currency: 'CNY',
    live_session_details: { duration_hours: 1, ...details },
    ...extra,
  });
  const errors = (input: unknown) => {
    const { result } = importPingHumanTask(input);
    return result.ok ? [] : result.errors;
  };

  test('wrong types and negative or non-numeric prices are located at JSON paths', () => {
    expect(
      errors(
        task({
          products: [
            { name: 'A', retail_price: -1, stock_quantity: 1 },
            { name: 'B', retail_price: 'cheap', stock_quantity: 1 },
            { name: 'C', retail_price: 10, live_discount_price: 12, stock_quantity: 'lots' },
            { name: 'D', retail_price: 10, live_discount_price: 12, stock_quantity: 1 },
            { retail_price: 10, stock_quantity: 1 },
            'not a product',
          ],
        }),
      ),
    ).toEqual([
      { path: 'live_session_details.products[0].retail_price', message: 'must not be negative' },
      { path: 'live_session_details.products[1].retail_price', message: '"cheap" is not a number' },
      { path: 'live_session_details.products[2].stock_quantity', message: 'must be a number' },
      {
        path: 'live_session_details.products[5]',
        message: expect.stringMatching(/must be an object/),
      },
      {
        path: 'live_session_details.products[3].live_discount_price',
        message: expect.stringMatching(/above the retail price/),
      },
      { path: 'live_session_details.products[4].name', message: 'must not be empty' },
    ]);
  });

  test('duplicate product ids are reported on product_id', () => {
    expect(
      errors(
        task({
          products: [
            { product_id: 'x', name: 'A', retail_price: 1, stock_quantity: 1 },
            { product_id: 'x', name: 'B', retail_price: 1, stock_quantity: 1 },
          ],
        }),
      ),
    ).toEqual([
      {
        path: 'live_session_details.products[1].product_id',
        message: '"x" is used by another product',
      },
    ]);
  });

  test('bad discount, bad duration, bad schedule, unknown currency', () => {
    expect(
      errors(
        task({
          products: [{ name: 'A', retail_price: 10, launch_discount: '130%', stock_quantity: 1 }],
        }),
      )[0]!.path,
    ).toBe('live_session_details.products[0].launch_discount');
    expect(errors(task({ duration_hours: 'two' }))[0]).toEqual({
      path: 'live_session_details.duration_hours',
      message: 'must be a number',
    });
    expect(errors(task({ duration_hours: 30 }))[0]).toEqual({
      path: 'live_session_details.duration_hours',
      message: 'must be at most 24 hours',
    });
    expect(errors(task({ scheduled_time: 'tomorrow 7pm' }))[0]!.path).toBe(
      'live_session_details.scheduled_time',
    );
    expect(errors(task({}, { currency: 'DOGE' }))[0]).toEqual({
      path: 'currency',
      message: expect.stringMatching(/ISO 4217/),
    });
  });

  test('live_session_details alone, currency from an option, discount as a fraction and rounding', () => {
    const { result, warnings } = importPingHumanTask(
      {
        duration_minutes: 45,
        products: [
          { name: 'Mask', retail_price: 99.99, launch_discount: 0.125, stock_quantity: 3 },
        ],
      },
      { currency: 'USD' },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.show.currency).toBe('USD');
    expect(result.value.products[0]!.livePrice).toBe(8749); // 99.99 × 0.875 = 87.49125
    expect(warnings.map((w) => w.path)).toEqual(['title']);
  });

  test('currency from compensation_range; missing duration defaults to 2 hours with a warning', () => {
    const { result, warnings } = importPingHumanTask({
      title: 'X',
      compensation_range: { currency: 'usd' },
      live_session_details: { products_count: 2 },
    });
    expect(result.ok && result.value.show).toMatchObject({ currency: 'USD', durationSec: 7200 });
    expect(warnings.map((w) => w.path)).toContain('live_session_details.duration_hours');
  });

  test('a huge products_count is refused', () => {
    expect(errors(task({ products_count: 1e6 }))[0]!.path).toBe(
      'live_session_details.products_count',
    );
  });

  test('odd bonuses: non-numeric text kept as a note, wrong shapes refused', () => {
    const { result } = importPingHumanTask(
      task(
        {},
        {
          commission_structure: {
            base_payment: '2,000.00',
            commission_rate: '8%',
            performance_bonuses: {
              '1.5m_gmv': 9000,
              gmv_20k: 100,
              unique_10k_viewers: '200 CNY',
              top_seller: 'a team dinner',
            },
          },
        },
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.show.commission).toEqual({
      basePayment: 200000,
      commissionRate: 0.08,
      gmvBonuses: [
        { threshold: 150000000, amount: 900000, label: '1.5m gmv' },
        { threshold: 2000000, amount: 10000, label: 'gmv 20k' },
      ],
      viewerBonuses: [
        { metric: 'uniqueViewers', threshold: 10000, amount: 20000, label: 'unique 10k viewers' },
      ],
      otherBonuses: [{ label: 'top seller', note: 'a team dinner' }],
    });
    expect(errors(task({}, { commission_structure: { performance_bonuses: [1] } }))[0]!.path).toBe(
      'commission_structure.performance_bonuses',
    );
    expect(errors(task({}, { commission_structure: { commission_rate: 8 } }))[0]).toEqual({
      path: 'commission_structure.commission_rate',
      message: expect.stringMatching(/0\.08 means 8%/),
    });
  });

  test('non-objects and unrelated objects', () => {
    expect(errors(null)[0]!.path).toBe('(top level)');
    expect(errors({ hello: 1 })[0]!.message).toMatch(/not a PingHuman task/);
    expect(errors({ live_session_details: [] })[0]!.path).toBe('live_session_details');
  });
});
