import { describe, expect, test } from 'vitest';
import { parseRunSheet } from '../../../../shared/runsheet';
import { templates } from '../../../../shared/runsheet/templates';
import { formFromSheet, mergeErrors } from '../../../../controller/plan/form';
import { sheetFromForm } from '../../../../controller/plan/sheetFromForm';
import { describePath, errorsByPath, messagesFor } from '../../../../controller/plan/paths';
import { makeSheet } from '../../../support/sheets';
import demo from '../../../../public/demo/demo-show.json';

const roundTrip = (sheet: ReturnType<typeof makeSheet>) => {
  const { input, errors } = sheetFromForm(formFromSheet(sheet));
  expect(errors).toEqual([]);
  const parsed = parseRunSheet(input);
  expect(parsed.ok).toBe(true);
  return parsed.ok ? parsed.value : null;
};

describe('the editor form', () => {
  test('a sheet survives form and back unchanged: test sheet, every template, the demo', () => {
    const sheets = [makeSheet(), ...templates.map((t) => t.build())];
    const parsedDemo = parseRunSheet(demo);
    expect(parsedDemo.ok).toBe(true);
    if (parsedDemo.ok) sheets.push(parsedDemo.value);
    for (const sheet of sheets) expect(roundTrip(sheet)).toEqual(sheet);
  });

  test('a scheduled start keeps its stored spelling while it means the same instant', () => {
    const sheet = makeSheet((s) => (s.show.scheduledStart = '2026-03-15T11:00:00Z'));
    const form = formFromSheet(sheet);
    expect(form.show.scheduledLocal).toBe('2026-03-15T19:00');
    expect(sheetFromForm(form).input.show.scheduledStart).toBe('2026-03-15T11:00:00Z');
    form.show.scheduledLocal = '2026-03-15T20:00';
    expect(sheetFromForm(form).input.show.scheduledStart).toBe('2026-03-15T20:00:00+08:00');
  });

  test('typing errors are located at the schema path of the field', () => {
    const form = formFromSheet(makeSheet());
    form.products[2]!.livePrice = '12.345';
    form.products[0]!.stock = 'lots';
    form.segments[1]!.duration = '4:3';
    form.segments[2]!.productId = '';
    form.show.durationMin = '';
    const { errors } = sheetFromForm(form);
    expect(errors.map((e) => e.path)).toEqual([
      'show.durationSec',
      'products[0].stock',
      'products[2].livePrice',
      'segments[1].durationSec',
      'segments[2].productId',
    ]);
  });

  test('schema errors on a field that already has a typing error are not repeated', () => {
    const typing = [{ path: 'products[0].livePrice', message: 'must be an amount' }];
    const schema = [
      { path: 'products[0].livePrice', message: 'must be a number' },
      { path: 'products[1].name', message: 'must not be empty' },
    ];
    expect(mergeErrors(typing, schema)).toEqual([typing[0], schema[1]]);
  });

  test('a cross-field rule reaches the field: live above retail', () => {
    const form = formFromSheet(makeSheet());
    form.products[1]!.livePrice = '200';
    const parsed = parseRunSheet(sheetFromForm(form).input);
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      {
        path: 'products[1].livePrice',
        message: expect.stringMatching(/above the retail price/),
        code: 'live_above_retail',
        params: {},
      },
    ]);
  });

  test('switching a segment kind and back loses nothing', () => {
    const form = formFromSheet(makeSheet());
    const flash = form.segments[2]!;
    flash.kind = 'break';
    expect(sheetFromForm(form).input.segments[2]).toEqual({
      id: 'f-buds',
      kind: 'break',
      durationSec: 120,
    });
    flash.kind = 'flash';
    expect(sheetFromForm(form).input.segments[2]).toMatchObject({
      price: 12900,
      dealSeconds: 90,
      quantity: 10,
    });
  });

  test('commission: off means none; percent in, fraction out', () => {
    const form = formFromSheet(makeSheet());
    expect(form.show.hasCommission).toBe(false);
    expect(sheetFromForm(form).input.show.commission).toBeUndefined();
    form.show.hasCommission = true;
    form.show.ratePercent = '7';
    form.show.gmvBonuses.push({ key: 'x', threshold: '5000', amount: 'x', label: '' });
    const { input, errors } = sheetFromForm(form);
    expect(input.show.commission).toMatchObject({ basePayment: 0, commissionRate: 0.07 });
    expect(errors).toEqual([
      { path: 'show.commission.gmvBonuses[0].amount', message: expect.any(String) },
    ]);
  });
});

describe('error paths for people', () => {
  test('grouped by field; talking point errors worded by point', () => {
    const map = errorsByPath([
      { path: 'products[0].talkingPoints[3]', message: 'must be at most 200 characters' },
      { path: 'products[0].talkingPoints', message: 'keep to at most 12 talking points' },
    ]);
    expect(messagesFor(map, 'products[0].talkingPoints')).toEqual([
      'keep to at most 12 talking points',
    ]);
    expect(messagesFor(map, 'products[0].talkingPoints', true)).toEqual([
      'keep to at most 12 talking points',
      'point 4: must be at most 200 characters',
    ]);
  });

  test('paths read as where to look', () => {
    const form = formFromSheet(makeSheet());
    expect(describePath('products[1].livePrice', form)).toBe(
      'Product 2 (Hydrating Face Mask) › Live price',
    );
    expect(describePath('segments[0].durationSec', form)).toBe('Segment 1 (opening) › Length');
    expect(describePath('show.commission.gmvBonuses[1].amount', form)).toBe(
      'Show › Commission › GMV bonus 2 › amount',
    );
    expect(describePath('segments', form)).toBe('Segments');
  });
});

describe('the demo show', () => {
  test('is stored in Flashcue canonical form and fits its planned length', async () => {
    const { readFileSync } = await import('node:fs');
    const { exportRunSheetJson } = await import('../../../../shared/import');
    const text = readFileSync(
      new URL('../../../../public/demo/demo-show.json', import.meta.url),
      'utf8',
    );
    const parsed = parseRunSheet(JSON.parse(text));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(exportRunSheetJson(parsed.value)).toBe(text);
    const planned = parsed.value.segments.reduce((sum, s) => sum + s.durationSec, 0);
    expect(planned).toBeLessThanOrEqual(parsed.value.show.durationSec);
    expect(parsed.value.show.durationSec / 60).toBeGreaterThanOrEqual(20);
    expect(parsed.value.show.durationSec / 60).toBeLessThanOrEqual(25);
    expect(parsed.value.segments.filter((s) => s.kind === 'flash' && s.quantity)).toHaveLength(1);
    for (const p of parsed.value.products) {
      expect(p.image).toMatch(/^\/demo\/img\/[a-z]+\.svg$/);
      expect(
        readFileSync(new URL(`../../../../public${p.image}`, import.meta.url), 'utf8'),
      ).toMatch(/^<svg /);
    }
  });
});
