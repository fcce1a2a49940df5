// The intake's pure parts: the door's body, the commands it becomes, masking, Shopify's and
// TikTok's signatures and payloads. Signature vectors were computed apart, with Python's hmac.
import { describe, expect, test } from 'vitest';
import { orderCommand, parseDoorBody } from '../../../../shared/intake/door';
import { maskBuyer } from '../../../../shared/intake/mask';
import { doorAnswer, outcomeOf } from '../../../../shared/intake/outcome';
import { bearerToken, sameSecret } from '../../../../shared/intake/secrets';
import {
  parseShopifyJson,
  shopifyOrders,
  shopifySignature,
  verifyShopify,
} from '../../../../shared/intake/shopify';
import { signTikTok, tiktokOrders, type TikTokOrder } from '../../../../shared/intake/tiktok';

const body = (orders: unknown) => JSON.stringify({ orders });

describe('the door body', () => {
  test('a valid order list is taken', () => {
    const parsed = parseDoorBody(
      body([{ orderId: '576460752303423488', sku: 'SERUM', quantity: 2, unitPrice: 19.9 }]),
    );
    expect(parsed).toEqual({
      ok: true,
      orders: [{ orderId: '576460752303423488', sku: 'SERUM', quantity: 2, unitPrice: 19.9 }],
    });
  });

  test.each([
    ['not JSON', '{orders', /not JSON/],
    ['no orders', body([]), /orders: must hold at least one order/],
    [
      'a numeric order id',
      body([{ orderId: 576460752303423500, sku: 'A', quantity: 1, unitPrice: 1 }]),
      /orders\[0\]\.orderId: must be text/,
    ],
    [
      'neither product nor sku',
      body([{ orderId: 'a', quantity: 1, unitPrice: 1 }]),
      /orders\[0\]\.productId: needs a productId or a sku/,
    ],
    [
      'zero quantity in the second order',
      body([
        { orderId: 'a', sku: 'A', quantity: 1, unitPrice: 1 },
        { orderId: 'b', sku: 'A', quantity: 0, unitPrice: 1 },
      ]),
      /orders\[1\]\.quantity: must be at least 1/,
    ],
    [
      'a typo',
      body([{ orderId: 'a', sku: 'A', quantity: 1, unitPrice: 1, quanity: 3 }]),
      /orders\[0\].*quanity/,
    ],
    [
      'a bad time',
      body([{ orderId: 'a', sku: 'A', quantity: 1, unitPrice: 1, createdAt: 'yesterday' }]),
      /orders\[0\]\.createdAt: must be an ISO-8601 time/,
    ],
  ])('%s is refused with where and why', (_name, text, reason) => {
    const parsed = parseDoorBody(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(reason);
  });
});

describe('orders to commands', () => {
  const order = {
    orderId: 'T-1',
    sku: 'SERUM',
    quantity: 2,
    unitPrice: 19.9,
    buyer: 'anna',
    createdAt: '2026-12-04T20:15:00+01:00',
  };

  test('a paid order is a sale with its id, price, time and source; the id is stable', () => {
    const command = orderCommand(order, { source: 'api', maskBuyers: false });
    expect(command).toEqual({
      id: 'order:T-1',
      command: 'sale',
      orderId: 'T-1',
      args: {
        orderId: 'T-1',
        sku: 'SERUM',
        quantity: 2,
        price: 19.9,
        buyer: 'anna',
        at: '2026-12-04T19:15:00.000Z',
        source: 'api',
      },
    });
    expect(orderCommand(order, { source: 'api', maskBuyers: false }).id).toBe(command.id);
  });

  test('masking applies before the command leaves; a cancellation is sale.cancel', () => {
    expect(orderCommand(order, { source: 'tiktok', maskBuyers: true }).args.buyer).toBe('a***a');
    expect(
      orderCommand({ ...order, status: 'refunded' }, { source: 'api', maskBuyers: false }),
    ).toEqual({
      id: 'order-cancel:T-1',
      command: 'sale.cancel',
      orderId: 'T-1',
      args: { orderId: 'T-1' },
    });
  });

  test('masking keeps first and last character, by code point', () => {
    expect(maskBuyer('anna')).toBe('a***a');
    expect(maskBuyer('x')).toBe('x***');
    expect(maskBuyer('李小龙')).toBe('李***龙');
    expect(maskBuyer('😀bob😀')).toBe('😀***😀');
  });
});

describe('answers', () => {
  test('applied, duplicate, refused and unanswered; any unanswered makes it a 503', () => {
    const outcomes = [
      outcomeOf('a', { ok: true, result: { seq: 4 } }, false),
      outcomeOf('b', { ok: true, result: { seq: 4, duplicate: true } }, false),
      outcomeOf('c', { ok: true, result: { seq: 5 } }, true),
      outcomeOf('d', { ok: false, error: 'Only 2 left.' }, false),
    ];
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'duplicate', 'duplicate', 'refused']);
    expect(doorAnswer(outcomes).status).toBe(200);
    const late = doorAnswer([...outcomes, outcomeOf('e', null, false)]);
    expect(late.status).toBe(503);
    expect(late.body).toMatchObject({ applied: 1, duplicate: 2, refused: 1, unanswered: 1 });
  });

  test('tokens compare whole; the bearer header is read strictly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('', '')).toBe(false);
    expect(bearerToken('Bearer tok_1')).toBe('tok_1');
    expect(bearerToken('Basic tok_1')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('Shopify', () => {
  test('the signature is base64 HMAC-SHA256 of the raw body (vector from Python)', () => {
    expect(shopifySignature('shpss_test_secret', '{"id":1}')).toBe(
      'K2XDCjoIIQnsCAW9wJNjHt4VwaiFCMoHAkXVA+JPSq0=',
    );
    const raw = Buffer.from('{"id":1}');
    expect(
      verifyShopify('shpss_test_secret', raw, 'K2XDCjoIIQnsCAW9wJNjHt4VwaiFCMoHAkXVA+JPSq0='),
    ).toBe(true);
    expect(
      verifyShopify(
        'shpss_test_secret',
        Buffer.from('{"id":2}'),
        'K2XDCjoIIQnsCAW9wJNjHt4VwaiFCMoHAkXVA+JPSq0=',
      ),
    ).toBe(false);
    expect(verifyShopify('other', raw, 'K2XDCjoIIQnsCAW9wJNjHt4VwaiFCMoHAkXVA+JPSq0=')).toBe(false);
    expect(verifyShopify('shpss_test_secret', raw, undefined)).toBe(false);
  });

  const order = {
    id: '820982911946154508',
    name: '#1001',
    created_at: '2026-12-04T20:15:00-05:00',
    financial_status: 'paid',
    customer: { first_name: 'Anna', last_name: 'Lee' },
    line_items: [{ id: 466157049, sku: 'SERUM', quantity: 2, price: '19.90', title: 'Serum' }],
  };

  test('a paid order becomes one door order per line, matched by SKU', () => {
    expect(shopifyOrders('orders/paid', order)).toEqual({
      ok: true,
      skipped: [],
      orders: [
        {
          orderId: '820982911946154508',
          sku: 'SERUM',
          quantity: 2,
          unitPrice: 19.9,
          buyer: 'Anna Lee',
          createdAt: '2026-12-04T20:15:00-05:00',
          status: 'paid',
        },
      ],
    });
    const two = shopifyOrders('orders/cancelled', {
      ...order,
      line_items: [
        ...order.line_items,
        { id: 7, sku: null, quantity: 1, price: '5.00', title: 'Gift card' },
        { id: 8, sku: 'CREAM', quantity: 1, price: '9.00' },
      ],
    });
    expect(two.ok && two.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['820982911946154508:466157049', 'cancelled'],
      ['820982911946154508:8', 'cancelled'],
    ]);
    expect(two.ok && two.skipped[0]).toMatch(/Gift card.*no SKU/);
  });

  test('ids past 2^53 keep every digit; quoted text in a note is left alone', () => {
    const text =
      '{"id": 820982911946154508, "note":"see \\"id\\":1234567890123456789", "line_items":[{"id":466157049,"variant_id":39072856,"product_id":1234567890123456789}]}';
    const json = parseShopifyJson(text) as Record<string, unknown>;
    expect(json.id).toBe('820982911946154508');
    expect(json.note).toBe('see "id":1234567890123456789');
    expect((json.line_items as Array<Record<string, unknown>>)[0]).toEqual({
      id: 466157049,
      variant_id: 39072856,
      product_id: '1234567890123456789',
    });
  });

  test('orders/create before payment waits for orders/paid; a non-order is refused', () => {
    const pending = shopifyOrders('orders/create', { ...order, financial_status: 'pending' });
    expect(pending).toMatchObject({ ok: true, orders: [] });
    const bad = shopifyOrders('orders/paid', { id: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/line_items/);
  });
});

describe('TikTok Shop', () => {
  test('signing: secret + path + sorted params (no sign, no access_token) + body + secret (vector from Python)', () => {
    const query = {
      app_key: '68xu9ks5p4i8',
      timestamp: '1696909648',
      shop_cipher: 'ROW_xkMbgAAAeVAQra0eZWebFQq5aIK',
      page_size: '50',
      access_token: 'TOKEN',
      sign: 'x',
    };
    const body = '{"update_time_ge":1696909000}';
    const expected = '68ef0a1b922eea37edd7214ba5961bee9f3df6d4135057a02f386c6ec292df2b';
    expect(signTikTok('e59af819cc', '/order/202309/orders/search', query, body)).toBe(expected);
    expect(
      signTikTok(
        'e59af819cc',
        '/order/202309/orders/search',
        { ...query, access_token: 'other' },
        body,
      ),
    ).toBe(expected);
    expect(signTikTok('e59af819cc', '/order/202309/orders/search', query, body + ' ')).not.toBe(
      expected,
    );
  });

  const order = (status: string, items: TikTokOrder['line_items']): TikTokOrder => ({
    id: '576460752303423488',
    status,
    create_time: 1_796_000_000,
    update_time: 1_796_000_100,
    line_items: items,
  });
  const item = (sku: string) => ({
    id: 'l',
    sku_id: `id-${sku}`,
    seller_sku: sku,
    sale_price: '9.90',
  });

  test('paid orders group line items by SKU; cancelled ones cancel; unpaid give nothing', () => {
    expect(tiktokOrders(order('AWAITING_SHIPMENT', [item('A'), item('A')]))).toEqual([
      {
        orderId: '576460752303423488',
        sku: 'A',
        quantity: 2,
        unitPrice: 9.9,
        buyer: null,
        createdAt: new Date(1_796_000_000_000).toISOString(),
        status: 'paid',
      },
    ]);
    expect(
      tiktokOrders(order('CANCELLED', [item('A'), item('B')])).map((o) => [o.orderId, o.status]),
    ).toEqual([
      ['576460752303423488:A', 'cancelled'],
      ['576460752303423488:B', 'cancelled'],
    ]);
    expect(tiktokOrders(order('UNPAID', [item('A')]))).toEqual([]);
  });
});
