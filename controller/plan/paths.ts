/**
 * Located errors on the editor's fields. A field's element id is derived from the schema
 * path it edits, so an error summary can move focus to the field the error is about.
 */
import type { LocatedError } from '../../shared/validation';
import type { SheetForm } from './form';

export function fieldId(path: string): string {
  return `field-${path}`;
}

/** Errors grouped by path. Paths under a list field (`talkingPoints[3]`) are kept whole. */
export function errorsByPath(errors: readonly LocatedError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) map.set(e.path, [...(map.get(e.path) ?? []), e.message]);
  return map;
}

/**
 * The messages for one field. With `nested`, errors about parts of it count too, worded by
 * the part: `talkingPoints[3]` becomes "point 4: …".
 */
export function messagesFor(map: Map<string, string[]>, path: string, nested = false): string[] {
  const out = [...(map.get(path) ?? [])];
  if (!nested) return out;
  for (const [p, messages] of map) {
    const m = p.startsWith(`${path}[`) ? /^\[(\d+)\]/.exec(p.slice(path.length)) : null;
    if (m) for (const message of messages) out.push(`point ${Number(m[1]) + 1}: ${message}`);
  }
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  scheduledStart: 'Scheduled start',
  timeZone: 'Time zone',
  currency: 'Currency',
  durationSec: 'Length',
  expectedViewers: 'Expected viewers',
  targetGmv: 'Target GMV',
  format: 'Format',
  livePriceFrom: 'Live price from',
  notes: 'Notes',
  commission: 'Commission',
  basePayment: 'Base payment',
  commissionRate: 'Commission rate',
  gmvBonuses: 'GMV bonus',
  viewerBonuses: 'Viewer bonus',
  otherBonuses: 'Other bonus',
  threshold: 'threshold',
  amount: 'amount',
  label: 'Label',
  metric: 'metric',
  note: 'note',
  id: 'Id',
  name: 'Name',
  sku: 'SKU',
  platformSkuIds: 'Platform SKU ids',
  category: 'Category',
  retailPrice: 'Retail price',
  livePrice: 'Live price',
  flashPrice: 'Flash price',
  stock: 'Stock',
  flashSeconds: 'Flash length',
  flashQuantity: 'Flash cap',
  image: 'Image',
  talkingPoints: 'Talking points',
  kind: 'Kind',
  productId: 'Product',
  price: 'Deal price',
  dealSeconds: 'Deal length',
  quantity: 'Deal cap',
  activity: 'Activity',
};

/** "Product 3 (Earbuds) › Live price" for `products[2].livePrice`: where a person looks. */
export function describePath(path: string, form: SheetForm): string {
  const row = /^(products|segments)\[(\d+)\]\.?(.*)$/.exec(path);
  if (row) {
    const [, list, index, rest = ''] = row;
    const i = Number(index);
    const name =
      list === 'products'
        ? form.products[i]?.name
        : form.segments[i]?.title || form.segments[i]?.kind;
    const head = `${list === 'products' ? 'Product' : 'Segment'} ${i + 1}${name ? ` (${name})` : ''}`;
    return rest ? `${head} › ${labelOf(rest)}` : head;
  }
  if (path === 'products') return 'Products';
  if (path === 'segments') return 'Segments';
  return `Show › ${labelOf(path.replace(/^show\./, ''))}`;
}

function labelOf(rest: string): string {
  return rest
    .split('.')
    .map((part) => {
      const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
      if (!m) return part;
      const label = FIELD_LABELS[m[1]!] ?? m[1]!;
      return m[2] === undefined ? label : `${label} ${Number(m[2]) + 1}`;
    })
    .join(' › ');
}
