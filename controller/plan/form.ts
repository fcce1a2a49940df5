/**
 * The editor's form: a run sheet as the text a person types (prices as decimals, lengths as
 * m:ss, talking points one per line), so a half-typed "19." or "abc" can sit in the form and
 * be reported where it was typed instead of being lost. `sheetFromForm` turns it back into a
 * run-sheet input; its errors use the schema's own paths (`products[2].livePrice`), so they
 * merge with `parseRunSheet`'s errors and land on the same fields.
 */
import type { LocatedError } from '../../shared/validation';
import {
  ENGAGEMENT_ACTIVITIES,
  type RunSheet,
  type Segment,
  type SegmentKind,
} from '../../shared/runsheet';
import {
  formatDuration,
  formatMinutes,
  formatMoneyInput,
  formatPercent,
  isoToZonedLocal,
} from './units';

export type Activity = (typeof ENGAGEMENT_ACTIVITIES)[number];

/** `key` is the editor's own handle on a row (stable across reorders and id edits). */
export interface ProductForm {
  key: string;
  id: string;
  name: string;
  sku: string;
  /** The platforms' SKU ids, separated by spaces (or commas). */
  platformSkuIds: string;
  category: string;
  retailPrice: string;
  livePrice: string;
  flashPrice: string;
  stock: string;
  flashSeconds: string;
  flashQuantity: string;
  image: string;
  talkingPoints: string;
}

export interface SegmentForm {
  key: string;
  id: string;
  kind: SegmentKind;
  title: string;
  duration: string;
  productId: string;
  price: string;
  dealSeconds: string;
  quantity: string;
  activity: Activity;
  label: string;
}

export interface GmvBonusForm {
  key: string;
  threshold: string;
  amount: string;
  label: string;
}
export interface ViewerBonusForm {
  key: string;
  metric: 'peakConcurrent' | 'uniqueViewers';
  threshold: string;
  amount: string;
  label: string;
}
export interface OtherBonusForm {
  key: string;
  label: string;
  amount: string;
  note: string;
}

export interface ShowForm {
  title: string;
  /** datetime-local text, wall-clock time in `timeZone`. */
  scheduledLocal: string;
  /** The stored value, kept when the same instant is still meant (no reformatting on save). */
  scheduledIso: string;
  timeZone: string;
  currency: string;
  durationMin: string;
  expectedViewers: string;
  targetGmv: string;
  format: string;
  livePriceFrom: 'showStart' | 'firstOnAir';
  notes: string;
  hasCommission: boolean;
  basePayment: string;
  ratePercent: string;
  gmvBonuses: GmvBonusForm[];
  viewerBonuses: ViewerBonusForm[];
  otherBonuses: OtherBonusForm[];
}

export interface SheetForm {
  id: string;
  show: ShowForm;
  products: ProductForm[];
  segments: SegmentForm[];
}

let counter = 0;
export const newKey = () => `k${++counter}`;

const text = (value: string | undefined) => value ?? '';

export function productForm(p: RunSheet['products'][number], currency: string): ProductForm {
  const money = (v: number | undefined) => formatMoneyInput(v, currency);
  return {
    key: newKey(),
    id: p.id,
    name: p.name,
    sku: text(p.sku),
    platformSkuIds: (p.platformSkuIds ?? []).join(' '),
    category: text(p.category),
    retailPrice: money(p.retailPrice),
    livePrice: money(p.livePrice),
    flashPrice: money(p.flashPrice),
    stock: String(p.stock),
    flashSeconds: formatDuration(p.flashSeconds),
    flashQuantity: p.flashQuantity === undefined ? '' : String(p.flashQuantity),
    image: text(p.image),
    talkingPoints: p.talkingPoints.join('\n'),
  };
}

export function segmentForm(s: Segment, currency: string): SegmentForm {
  return {
    key: newKey(),
    id: s.id,
    kind: s.kind,
    title: text(s.title),
    duration: formatDuration(s.durationSec),
    productId: 'productId' in s ? text(s.productId) : '',
    price: s.kind === 'flash' ? formatMoneyInput(s.price, currency) : '',
    dealSeconds: s.kind === 'flash' ? formatDuration(s.dealSeconds) : '',
    quantity: s.kind === 'flash' && s.quantity !== undefined ? String(s.quantity) : '',
    activity: s.kind === 'engagement' ? s.activity : 'poll',
    label: s.kind === 'engagement' ? s.label : '',
  };
}

export function formFromSheet(sheet: RunSheet): SheetForm {
  const { show } = sheet;
  const c = show.currency;
  const money = (v: number | undefined) => formatMoneyInput(v, c);
  const commission = show.commission;
  return {
    id: sheet.id,
    show: {
      title: show.title,
      scheduledLocal: isoToZonedLocal(show.scheduledStart, show.timeZone),
      scheduledIso: text(show.scheduledStart),
      timeZone: show.timeZone,
      currency: c,
      durationMin: formatMinutes(show.durationSec),
      expectedViewers: show.expectedViewers === undefined ? '' : String(show.expectedViewers),
      targetGmv: money(show.targetGmv),
      format: text(show.format),
      livePriceFrom: show.livePriceFrom,
      notes: text(show.notes),
      hasCommission: commission !== undefined,
      basePayment: money(commission?.basePayment ?? 0),
      ratePercent: formatPercent(commission?.commissionRate ?? 0),
      gmvBonuses: (commission?.gmvBonuses ?? []).map((b) => ({
        key: newKey(),
        threshold: money(b.threshold),
        amount: money(b.amount),
        label: text(b.label),
      })),
      viewerBonuses: (commission?.viewerBonuses ?? []).map((b) => ({
        key: newKey(),
        metric: b.metric,
        threshold: String(b.threshold),
        amount: money(b.amount),
        label: text(b.label),
      })),
      otherBonuses: (commission?.otherBonuses ?? []).map((b) => ({
        key: newKey(),
        label: b.label,
        amount: money(b.amount),
        note: text(b.note),
      })),
    },
    products: sheet.products.map((p) => productForm(p, c)),
    segments: sheet.segments.map((s) => segmentForm(s, c)),
  };
}

/** Typing errors first; a schema error on a field that already has one would only repeat it. */
export function mergeErrors(typing: LocatedError[], schema: LocatedError[]): LocatedError[] {
  const typed = new Set(typing.map((e) => e.path));
  return [...typing, ...schema.filter((e) => !typed.has(e.path))];
}
