/**
 * A first segment plan for a list of products, shaped like the run sheets live sellers use:
 * an opening, one slot per product (3–5 min in a fast show, longer when there is time),
 * a flash deal after a discounted product, an engagement moment about every 30 minutes
 * (the mystery reveal at 30 min first) and a "last call" closing. Deterministic: the same
 * input gives the same plan, ids seg-1, seg-2….
 */
import type { Product, Segment } from '../runsheet/schema';
import type { LocatedError } from '../validation';

export interface PlanOptions {
  durationSec: number;
  /** The show's format (session_format/session_type): educational shows get longer slots and Q&A first. */
  format?: string;
}

export interface Plan {
  segments: Segment[];
  warnings: LocatedError[];
}

type NewSegment = Segment extends infer S ? (S extends Segment ? Omit<S, 'id'> : never) : never;
type PlanProduct = Pick<
  Product,
  'id' | 'name' | 'retailPrice' | 'livePrice' | 'flashPrice' | 'flashSeconds'
>;

const MIN_SLOT = 180;
const TIGHT_SLOT = 120;
const ENGAGEMENT_EVERY = 1800;

const ACTIVITY_LABELS = {
  mystery: 'Mystery product reveal',
  poll: "Viewers' choice: vote for the next deal",
  giveaway: 'Giveaway for viewers who stayed',
  qa: 'Live Q&A',
} as const;
type Activity = keyof typeof ACTIVITY_LABELS;

const round30 = (sec: number) => Math.round(sec / 30) * 30;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const clip = (title: string) => (title.length > 120 ? `${title.slice(0, 119)}…` : title);

export function hasFlash(p: PlanProduct): boolean {
  return p.flashPrice !== undefined || p.flashSeconds !== undefined || p.livePrice < p.retailPrice;
}

/** The product with the deepest discount: the one a "last call" pushes. */
function bestDeal(products: readonly PlanProduct[]): PlanProduct | undefined {
  let best: PlanProduct | undefined;
  let bestCut = -1;
  for (const p of products) {
    const price = p.flashPrice ?? p.livePrice;
    const cut = p.retailPrice > 0 ? (p.retailPrice - price) / p.retailPrice : 0;
    if (cut > bestCut) [best, bestCut] = [p, cut];
  }
  return best;
}

interface Sizes {
  opening: number;
  closing: number;
  engagement: number;
  flash: (p: PlanProduct) => number;
}

export function generateSegments(products: readonly PlanProduct[], options: PlanOptions): Plan {
  const total = Math.max(60, Math.round(options.durationSec));
  const format = options.format ?? '';
  const educational = /educat|q&a|\bqa\b|hybrid|tutorial|explain/i.test(format);
  const activities: Activity[] = educational
    ? ['qa', 'poll', 'giveaway', 'mystery']
    : /launch|premiere/i.test(format)
      ? ['mystery', 'qa', 'giveaway', 'poll']
      : ['mystery', 'poll', 'giveaway', 'qa'];
  const warnings: LocatedError[] = [];

  // Two profiles: the comfortable one, then a squeezed one (shorter default flash deals,
  // engagement moments, opening and closing) for fast rotation shows of 10–15 products an hour.
  const normal: Sizes = {
    opening: clamp(round30(total * 0.04), total < 1200 ? 60 : 120, 300),
    closing: total >= 5400 ? 600 : clamp(round30(total * 0.1), 60, 600),
    engagement: educational ? 300 : 180,
    flash: (p) => p.flashSeconds ?? 120,
  };
  const squeezed: Sizes = {
    opening: Math.min(normal.opening, 120),
    closing: Math.min(normal.closing, 300),
    engagement: 120,
    flash: (p) => p.flashSeconds ?? 60,
  };
  const count = products.length;
  const maxSlot = educational ? 1800 : 900;
  const fit = (s: Sizes) => {
    const marks: number[] = [];
    for (let m = ENGAGEMENT_EVERY; m < total - s.closing; m += ENGAGEMENT_EVERY) marks.push(m);
    const flashTotal = products.reduce((sum, p) => sum + (hasFlash(p) ? s.flash(p) : 0), 0);
    const forSlots = total - s.opening - s.closing - marks.length * s.engagement - flashTotal;
    const rounds = count && forSlots > 0 ? Math.max(1, Math.ceil(forSlots / count / maxSlot)) : 1;
    return { s, marks, forSlots, rounds, perSlot: count ? forSlots / (count * rounds) : 0 };
  };
  let plan = fit(normal);
  if (count && plan.perSlot < MIN_SLOT) plan = fit(squeezed);
  const { s, marks, rounds } = plan;
  const slots = count * rounds;

  // Slot lengths in whole 10 s steps; the last few seconds go to the closing so the total is exact.
  let slotLengths: number[];
  let closing = s.closing;
  if (count === 0) {
    slotLengths = [];
    warnings.push({
      path: 'products',
      message:
        'there are no products: the plan has only an opening, engagement moments and a closing',
      code: 'plan_no_products',
    });
  } else if (plan.perSlot >= TIGHT_SLOT) {
    const units = Math.floor(plan.forSlots / 10);
    slotLengths = Array.from(
      { length: slots },
      (_, i) => (Math.floor(units / slots) + (i < units % slots ? 1 : 0)) * 10,
    );
    closing += plan.forSlots - units * 10;
    if (plan.perSlot < MIN_SLOT) {
      warnings.push({
        path: 'show.durationSec',
        message: `${count} products leave only about ${Math.floor(plan.perSlot / 60)} min ${Math.round(plan.perSlot % 60)} s per product (3–5 min is usual): consider a longer show or fewer products`,
        code: 'plan_tight',
        params: {
          count,
          min: Math.floor(plan.perSlot / 60),
          sec: Math.round(plan.perSlot % 60),
        },
      });
    }
  } else {
    slotLengths = Array.from({ length: slots }, () => TIGHT_SLOT);
    const over = Math.ceil((TIGHT_SLOT * slots - plan.forSlots) / 60);
    warnings.push({
      path: 'show.durationSec',
      message: `${count} products do not fit in ${Math.round(total / 60)} min: even at 2 min each the plan runs about ${over} min over. Lengthen the show or split the products across shows`,
      code: 'plan_overfull',
      params: { count, total: Math.round(total / 60), over },
    });
  }

  const segments: Segment[] = [];
  const add = (segment: NewSegment) =>
    segments.push({ id: `seg-${segments.length + 1}`, ...segment });
  let clock = 0;
  let next = 0;
  const engage = (aboutId?: string) => {
    const activity = activities[next % activities.length]!;
    const productId = activity === 'mystery' || activity === 'giveaway' ? aboutId : undefined;
    add({
      kind: 'engagement',
      activity,
      label: ACTIVITY_LABELS[activity],
      title: ACTIVITY_LABELS[activity],
      durationSec: s.engagement,
      ...(productId ? { productId } : {}),
    });
    clock += s.engagement;
    next++;
  };

  add({ kind: 'opening', title: "Welcome & tonight's best deals", durationSec: s.opening });
  clock += s.opening;
  for (let i = 0; i < slots; i++) {
    const product = products[i % count]!;
    const round = Math.floor(i / count);
    const flash = round === 0 && hasFlash(product) ? s.flash(product) : 0;
    const block = slotLengths[i]! + flash;
    // Engage at whichever block boundary falls nearer the 30-minute mark.
    while (
      next < marks.length &&
      Math.abs(clock - marks[next]!) <= Math.abs(clock + block - marks[next]!)
    )
      engage(product.id);
    add({
      kind: 'product',
      productId: product.id,
      title: clip(round ? `${product.name} (round ${round + 1})` : product.name),
      durationSec: slotLengths[i]!,
    });
    if (flash)
      add({
        kind: 'flash',
        productId: product.id,
        title: clip(`Flash deal: ${product.name}`),
        durationSec: flash,
      });
    clock += block;
  }
  while (next < marks.length) engage(products[0]?.id);
  const lastCall = bestDeal(products);
  add({
    kind: 'closing',
    title: 'Last call: recap of the best deals',
    durationSec: closing,
    ...(lastCall ? { productId: lastCall.id } : {}),
  });
  return { segments, warnings };
}
