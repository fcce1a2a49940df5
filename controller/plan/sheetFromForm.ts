/**
 * The editor's form back into a run-sheet input (see form.ts for the form itself): every
 * decimal, m:ss and percent read back, with what cannot even be read reported at the schema's
 * own path so it lands on the field it was typed in.
 */
import type { RunSheetInput } from '../../shared/runsheet';
import type { LocatedError } from '../../shared/validation';
import {
  parseCount,
  parseDuration,
  parseMinutes,
  parseMoney,
  parsePercent,
  zonedLocalToIso,
  type Parsed,
} from './units';
import type { SheetForm } from './form';
import * as msg from '../i18n/paraglide/messages.js';

export interface Converted {
  input: RunSheetInput;
  /** What could not even be read (a price of "abc"): located like the schema's errors. */
  errors: LocatedError[];
}

/** The form as a run-sheet input plus the typing errors; the schema judges the rest. */
export function sheetFromForm(form: SheetForm): Converted {
  const errors: LocatedError[] = [];
  const f = form.show;
  const currency = f.currency.trim().toUpperCase();
  const read = <T>(
    path: string,
    value: string,
    parse: (t: string) => Parsed<T>,
    required = false,
  ): T | undefined => {
    if (value.trim() === '') {
      if (required) errors.push({ path, message: 'is required' });
      return undefined;
    }
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    errors.push({ path, message: parsed.message });
    return undefined;
  };
  const money = (path: string, value: string, required = false) =>
    read(path, value, (t) => parseMoney(t, currency), required);
  const count = (path: string, value: string, required = false) =>
    read(path, value, parseCount, required);
  const duration = (path: string, value: string, required = false) =>
    read(path, value, parseDuration, required);
  const opt = <K extends string, V>(key: K, value: V | undefined | ''): Partial<Record<K, V>> =>
    value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, V>);

  let scheduledStart: string | undefined;
  if (f.scheduledLocal.trim()) {
    const iso = zonedLocalToIso(f.scheduledLocal, f.timeZone);
    if (iso === null) errors.push({ path: 'show.scheduledStart', message: msg.unit_date_time() });
    else
      scheduledStart =
        f.scheduledIso && Date.parse(f.scheduledIso) === Date.parse(iso) ? f.scheduledIso : iso;
  }
  const commission = f.hasCommission
    ? {
        basePayment: money('show.commission.basePayment', f.basePayment) ?? 0,
        commissionRate: read('show.commission.commissionRate', f.ratePercent, parsePercent) ?? 0,
        gmvBonuses: f.gmvBonuses.map((b, i) => ({
          threshold: money(`show.commission.gmvBonuses[${i}].threshold`, b.threshold, true),
          amount: money(`show.commission.gmvBonuses[${i}].amount`, b.amount, true),
          ...opt('label', b.label.trim()),
        })),
        viewerBonuses: f.viewerBonuses.map((b, i) => ({
          metric: b.metric,
          threshold: count(`show.commission.viewerBonuses[${i}].threshold`, b.threshold, true),
          amount: money(`show.commission.viewerBonuses[${i}].amount`, b.amount, true),
          ...opt('label', b.label.trim()),
        })),
        otherBonuses: f.otherBonuses.map((b, i) => ({
          label: b.label,
          ...opt('amount', money(`show.commission.otherBonuses[${i}].amount`, b.amount)),
          ...opt('note', b.note.trim()),
        })),
      }
    : undefined;

  const show = {
    title: f.title,
    ...opt('scheduledStart', scheduledStart),
    timeZone: f.timeZone,
    currency,
    durationSec: read('show.durationSec', f.durationMin, parseMinutes, true),
    ...opt('expectedViewers', count('show.expectedViewers', f.expectedViewers)),
    ...opt('targetGmv', money('show.targetGmv', f.targetGmv)),
    ...opt('format', f.format.trim()),
    ...(commission ? { commission } : {}),
    livePriceFrom: f.livePriceFrom,
    ...opt('notes', f.notes.trim()),
  };

  const products = form.products.map((p, i) => {
    const at = (field: string) => `products[${i}].${field}`;
    return {
      id: p.id,
      name: p.name,
      ...opt('sku', p.sku.trim()),
      ...(p.platformSkuIds.trim()
        ? { platformSkuIds: p.platformSkuIds.split(/[\s,;|]+/).filter(Boolean) }
        : {}),
      ...opt('category', p.category.trim()),
      retailPrice: money(at('retailPrice'), p.retailPrice, true),
      livePrice: money(at('livePrice'), p.livePrice, true),
      ...opt('flashPrice', money(at('flashPrice'), p.flashPrice)),
      stock: count(at('stock'), p.stock, true),
      ...opt('flashSeconds', duration(at('flashSeconds'), p.flashSeconds)),
      ...opt('flashQuantity', count(at('flashQuantity'), p.flashQuantity)),
      ...opt('image', p.image.trim()),
      talkingPoints: p.talkingPoints
        .split(/\r\n|\n|\r/)
        .map((t) => t.trim())
        .filter(Boolean),
    };
  });

  const segments = form.segments.map((s, i) => {
    const at = (field: string) => `segments[${i}].${field}`;
    const base = {
      id: s.id,
      kind: s.kind,
      ...opt('title', s.title.trim()),
      durationSec: duration(at('durationSec'), s.duration, true),
    };
    const needsProduct = s.kind === 'product' || s.kind === 'flash';
    if (needsProduct && !s.productId)
      errors.push({ path: at('productId'), message: msg.unit_choose_product() });
    switch (s.kind) {
      case 'product':
        return { ...base, productId: s.productId };
      case 'flash':
        return {
          ...base,
          productId: s.productId,
          ...opt('price', money(at('price'), s.price)),
          ...opt('dealSeconds', duration(at('dealSeconds'), s.dealSeconds)),
          ...opt('quantity', count(at('quantity'), s.quantity)),
        };
      case 'engagement':
        return { ...base, activity: s.activity, label: s.label, ...opt('productId', s.productId) };
      case 'closing':
        return { ...base, ...opt('productId', s.productId) };
      default:
        return base;
    }
  });

  const input = {
    format: 'flashcue.runsheet',
    version: 1,
    id: form.id,
    show,
    products,
    segments,
  } as RunSheetInput;
  return { input, errors };
}
