/** New sheets, rows and ids for the plan screen; the planned-time sentence. */
import {
  RUNSHEET_FORMAT,
  RUNSHEET_VERSION,
  type RunSheet,
  type SegmentKind,
} from '../../shared/runsheet';
import { formatCountdown } from '../../shared/time';
import { newKey, type ProductForm, type SegmentForm } from './form';
import * as msg from '../i18n/paraglide/messages.js';

const MAX_ID = 64;

/** `base`, else `base-2`, `base-3`…, cut so the id stays within the schema's 64 characters. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = base.slice(0, MAX_ID - suffix.length) + suffix;
    if (!taken(id)) return id;
  }
}

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The words a blank sheet starts with; the controller passes its language's (stored as typed). */
export interface BlankWords {
  title: string;
  opening: string;
  closing: string;
}

const ENGLISH_BLANK: BlankWords = {
  title: 'Untitled show',
  opening: "Welcome & tonight's best deals",
  closing: 'Last call',
};

/** The smallest sheet a show can start from: an opening, a closing, 60 minutes, CNY. */
export function blankSheet(id: string, timeZone = 'UTC', words = ENGLISH_BLANK): RunSheet {
  return {
    format: RUNSHEET_FORMAT,
    version: RUNSHEET_VERSION,
    id,
    show: {
      title: words.title,
      timeZone,
      currency: 'CNY',
      durationSec: 3600,
      livePriceFrom: 'firstOnAir',
    },
    products: [],
    segments: [
      { id: 'opening', kind: 'opening', title: words.opening, durationSec: 300 },
      { id: 'closing', kind: 'closing', title: words.closing, durationSec: 300 },
    ],
  };
}

export function newProductForm(takenIds: Iterable<string>): ProductForm {
  const taken = new Set(takenIds);
  let n = taken.size + 1;
  while (taken.has(`product-${n}`)) n++;
  return {
    key: newKey(),
    id: `product-${n}`,
    name: '',
    sku: '',
    platformSkuIds: '',
    category: '',
    retailPrice: '',
    livePrice: '',
    flashPrice: '',
    stock: '',
    flashSeconds: '',
    flashQuantity: '',
    image: '',
    talkingPoints: '',
  };
}

const DEFAULT_LENGTH: Record<SegmentKind, string> = {
  opening: '2:00',
  product: '4:00',
  flash: '1:00',
  engagement: '2:00',
  break: '1:00',
  closing: '3:00',
};

const DEFAULT_TITLE: Record<SegmentKind, string> = {
  opening: 'Welcome',
  product: '',
  flash: 'Flash deal',
  engagement: '',
  break: 'Break',
  closing: 'Last call',
};

export function newSegmentForm(
  kind: SegmentKind,
  takenIds: Iterable<string>,
  productId = '',
): SegmentForm {
  const taken = new Set(takenIds);
  let n = taken.size + 1;
  while (taken.has(`seg-${n}`)) n++;
  return {
    key: newKey(),
    id: `seg-${n}`,
    kind,
    title: DEFAULT_TITLE[kind],
    duration: DEFAULT_LENGTH[kind],
    productId: kind === 'product' || kind === 'flash' ? productId : '',
    price: '',
    dealSeconds: '',
    quantity: '',
    activity: 'poll',
    label: kind === 'engagement' ? 'Poll: which deal next?' : '',
  };
}

/** A copy right for the list it joins: a fresh key and an id no other row has. */
export function copyRow<T extends { key: string; id: string }>(
  row: T,
  takenIds: Iterable<string>,
): T {
  const taken = new Set(takenIds);
  return {
    ...row,
    key: newKey(),
    id: uniqueId(`${row.id}-copy`.slice(0, MAX_ID), (id) => taken.has(id)),
  };
}

export type PlannedState = 'spare' | 'exact' | 'over';

/** "58:00 of 1:00:00 planned — 2:00 to spare" / "… — over by 4:30". */
export function plannedSummary(
  plannedSec: number,
  lengthSec: number,
): { text: string; state: PlannedState } {
  const t = (sec: number) => formatCountdown(sec * 1000);
  const head = msg.plan_planned_of({ planned: t(plannedSec), length: t(lengthSec) });
  const diff = lengthSec - plannedSec;
  if (diff > 0)
    return { text: `${head} — ${msg.plan_to_spare({ time: t(diff) })}`, state: 'spare' };
  if (diff < 0) return { text: `${head} — ${msg.plan_over_by({ time: t(-diff) })}`, state: 'over' };
  return { text: `${head} — ${msg.plan_exactly_on_time()}`, state: 'exact' };
}
