/**
 * Located errors on the editor's fields. A field's element id is derived from the schema
 * path it edits, so an error summary can move focus to the field the error is about.
 */
import type { LocatedError } from '../../shared/validation';
import type { SheetForm } from './form';
import { errorText, fieldsText } from '../i18n/located';
import * as msg from '../i18n/paraglide/messages.js';

export function fieldId(path: string): string {
  return `field-${path}`;
}

/** Errors grouped by path. Paths under a list field (`talkingPoints[3]`) are kept whole. */
export function errorsByPath(errors: readonly LocatedError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) map.set(e.path, [...(map.get(e.path) ?? []), errorText(e)]);
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
    if (m)
      for (const message of messages)
        out.push(msg.plan_point_error({ n: Number(m[1]) + 1, message }));
  }
  return out;
}

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
    const n = i + 1;
    const head =
      list === 'products'
        ? name
          ? msg.place_product_named({ n, name })
          : msg.place_product({ n })
        : name
          ? msg.place_segment_named({ n, name })
          : msg.place_segment({ n });
    return rest ? `${head} › ${fieldsText(rest)}` : head;
  }
  if (path === 'products') return msg.field_products();
  if (path === 'segments') return msg.field_segments();
  return `${msg.place_show()} › ${fieldsText(path.replace(/^show\./, ''))}`;
}
