/**
 * The XSS corpus at the schema edge: hostile text is data (accepted, kept verbatim, carried to
 * the overlays unchanged), while image references that could navigate or run something are
 * refused with an error that says where, by every way a run sheet comes in.
 */
import { describe, expect, test } from 'vitest';
import { importAny, importValue } from '../../../../shared/import';
import { parseMessage } from '../../../../shared/protocol/messages';
import { parseRunSheet } from '../../../../shared/runsheet';
import { selectOverlayView } from '../../../../shared/view/overlayView';
import { drive } from '../../../support/driver';
import { makeSheet } from '../../../support/sheets';
import {
  HOSTILE_IMAGE_URLS,
  LIMITS,
  XSS_PAYLOADS,
  fitText as clip,
  hostileSheet,
} from '../../../fixtures/hostile/xss';

describe('the XSS corpus', () => {
  test('has at least 25 payloads, each a different attack', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(XSS_PAYLOADS.map((p) => p.text)).size).toBe(XSS_PAYLOADS.length);
  });

  test('a run sheet made of payloads is valid, and keeps every text exactly', () => {
    const parsed = parseRunSheet(hostileSheet());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const sheet = parsed.value;
    XSS_PAYLOADS.forEach((payload, i) => {
      expect(sheet.products[i]!.name).toBe(clip(payload.text, LIMITS.productName));
      expect(sheet.products[i]!.talkingPoints[1]).toBe(clip(payload.text, LIMITS.talkingPoint));
    });
    expect(sheet.segments.filter((s) => s.kind === 'product').map((s) => s.title)).toEqual(
      XSS_PAYLOADS.map((p) => clip(p.text, LIMITS.segmentTitle)),
    );
  });

  test('reaches the overlays verbatim: views with payloads in every text pass the message schema', () => {
    const parsed = parseRunSheet(hostileSheet());
    if (!parsed.ok) throw new Error('hostile sheet refused');
    const s = drive(parsed.value);
    s.ok({ type: 'show.start' });
    XSS_PAYLOADS.forEach((payload, i) => {
      s.ok({ type: 'show.goto', index: 1 + 2 * i });
      s.ok({ type: 'sale', buyer: clip(payload.text, LIMITS.buyer) });
      s.ok({ type: 'cue', text: clip(payload.text, LIMITS.cue) });
      const view = selectOverlayView(s.actor.getSnapshot(), s.now());
      expect(view.product?.name).toBe(clip(payload.text, LIMITS.productName));
      expect(view.ticker.recent[0]?.buyer).toBe(clip(payload.text, LIMITS.buyer));
      expect(view.cue?.text).toBe(clip(payload.text, LIMITS.cue));
      const message = {
        app: 'flashcue',
        v: 1,
        kind: 'view',
        showId: 's',
        session: 'x',
        logSeq: i,
        n: i,
        view,
      };
      expect(parseMessage(message)).toEqual({ ok: true, message });
    });
  });

  test('a hostile id is refused, located, not rendered anywhere', () => {
    const result = parseRunSheet({ ...makeSheet(), id: '<img src=x onerror=alert(1)>' });
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'id', message: 'may use only letters, digits and _ . : -' },
    ]);
  });
});

describe('image references that could run or navigate are refused', () => {
  const withImage = (image: string) => {
    const sheet = structuredClone(makeSheet()) as unknown as Record<string, unknown> & {
      products: Array<Record<string, unknown>>;
    };
    sheet.products[1]!.image = image;
    return sheet;
  };
  const MESSAGE = 'must be an http(s) URL, a path starting with /, or an uploaded image';

  for (const url of HOSTILE_IMAGE_URLS) {
    test(`${JSON.stringify(url)}: a run sheet file, the command API, a CSV list and a PingHuman task`, () => {
      const json = importAny(JSON.stringify(withImage(url)), { fileName: 'show.json' });
      expect(json.result.ok ? [] : json.result.errors).toEqual([
        { path: 'products[1].image', message: MESSAGE },
      ]);

      const api = importValue(withImage(url));
      expect(api.result.ok ? [] : api.result.errors).toEqual([
        { path: 'products[1].image', message: MESSAGE },
      ]);

      const csvText = `name,price,stock,image_url\r\nSafe,10,1,https://cdn.example.com/a.png\r\nBad,10,1,"${url.replace(/"/g, '""')}"\r\n`;
      const csv = importAny(csvText, { fileName: 'list.csv', currency: 'USD' });
      expect(csv.result.ok && csv.result.value.products.map((p) => p.name)).toEqual(['Safe']);
      expect(csv.warnings).toContainEqual({
        path: 'row 3, column "image_url"',
        message: `${MESSAGE} (row not imported)`,
      });

      const task = {
        live_session_details: {
          currency: 'USD',
          products: [{ name: 'Bad', retail_price: 10, image_url: url }],
        },
      };
      const ping = importValue(task);
      expect(ping.result.ok ? [] : ping.result.errors).toContainEqual({
        path: 'live_session_details.products[0].image_url',
        message: MESSAGE,
      });
    });
  }

  test('what is allowed: web URLs, paths, and uploaded images as base64 data URLs', () => {
    for (const image of [
      'https://cdn.example.com/a.png',
      'http://192.168.1.2/a.jpg',
      '/demo/img/a.png',
      'data:image/png;base64,iVBORw0KGgo=',
    ]) {
      expect(importValue(withImage(image)).result.ok).toBe(true);
    }
  });
});
