/**
 * The overlay view: the small, plain projection of a show snapshot that every overlay and the
 * host view render — the only thing that leaves the controller. Times are milliseconds
 * remaining at `now`; a receiver maps them onto its own clock.
 */
import type { SegmentKind } from '../runsheet/schema';
import { imageForView } from './assets';
import { selectStart, type StartView } from './startingSoon';
import { selectCards, type CardsView, type NextShow } from '../cards/cards';
import {
  currentSegment,
  dealRemainingMs,
  focusProductId,
  liveSales,
  lowerThirdShown,
  priceInForce,
  product,
  projectedEndAt,
  segmentProductId,
  showState,
  slotElapsedMs,
  slotRemainingMs,
  type PriceKind,
  type ShowSnapshot,
} from '../show';

export interface ProductView {
  id: string;
  name: string;
  category: string | null;
  image: string | null;
  retailPrice: number;
  livePrice: number;
  /** The price a sale would be recorded at now. */
  price: number;
  priceKind: PriceKind;
  stock: number;
  initialStock: number;
  soldOut: boolean;
  talkingPoints: string[];
}

export interface OverlayView {
  phase: 'ready' | 'live' | 'paused' | 'ended';
  title: string;
  currency: string;
  segment: {
    index: number;
    count: number;
    kind: SegmentKind;
    title: string;
    plannedMs: number;
    elapsedMs: number;
    /** Negative when the slot runs over. */
    remainingMs: number;
  } | null;
  /** The product the show is about: the deal's, else the segment's. */
  product: ProductView | null;
  lowerThird: boolean;
  deal: {
    productId: string;
    price: number;
    remainingMs: number;
    totalMs: number;
    cap: number | null;
    sold: number;
    frozen: boolean;
  } | null;
  next: { kind: SegmentKind; title: string; productName: string | null; startsInMs: number } | null;
  show: { elapsedMs: number; remainingMs: number; plannedMs: number };
  ticker: {
    recent: Array<{
      id: number;
      buyer: string | null;
      productName: string;
      quantity: number;
      agoMs: number;
    }>;
    unitsLastMinute: number;
    unitsTotal: number;
  };
  cue: { text: string; agoMs: number } | null;
  /** Before the show: the countdown to the scheduled start (null when none is scheduled). */
  start: StartView | null;
  /** The closing cards (shared/cards): a sell-out to celebrate, the last call's recap. */
  cards: CardsView;
}

const RECENT = 5;

export function segmentTitle(
  kind: SegmentKind,
  title: string | undefined,
  productName: string | null,
  label?: string,
): string {
  if (title) return title;
  switch (kind) {
    case 'opening':
      return 'Opening';
    case 'product':
      return productName ?? 'Product';
    case 'flash':
      return productName ? `Flash sale: ${productName}` : 'Flash sale';
    case 'engagement':
      return label ?? 'Engagement';
    case 'break':
      return 'Break';
    case 'closing':
      return 'Last call';
  }
}

/** `nextShow`: the series' next show, for the last call's recap (the controller looks it up). */
export function selectOverlayView(
  snapshot: ShowSnapshot,
  now: number,
  nextShow: NextShow | null = null,
): OverlayView {
  const { phase, paused, context: ctx } = showState(snapshot);
  const segment = currentSegment(ctx);
  const onAir = ctx.onAir;
  const productView = (id: string | undefined): ProductView | null => {
    const p = product(ctx, id);
    if (!p) return null;
    const inForce = priceInForce(ctx, p.id, now);
    const stock = ctx.stock[p.id] ?? 0;
    return {
      id: p.id,
      name: p.name,
      category: p.category ?? null,
      image: imageForView(p.image),
      retailPrice: p.retailPrice,
      livePrice: p.livePrice,
      price: inForce.price,
      priceKind: inForce.kind,
      stock,
      initialStock: p.stock,
      soldOut: stock <= 0,
      talkingPoints: p.talkingPoints,
    };
  };
  const nameOf = (id: string | undefined) => product(ctx, id)?.name ?? null;
  const nextIndex = (onAir?.index ?? -1) + 1;
  const nextSegment = phase === 'ended' ? undefined : ctx.sheet.segments[nextIndex];
  const sales = liveSales(ctx);
  const plannedShowMs = ctx.sheet.show.durationSec * 1000;
  const elapsedShow = ctx.startedAt === null ? 0 : (ctx.endedAt ?? now) - ctx.startedAt;
  const deal = ctx.deal;

  return {
    phase: phase === 'live' && paused ? 'paused' : phase,
    title: ctx.sheet.show.title,
    currency: ctx.sheet.show.currency,
    segment:
      segment && onAir
        ? {
            index: onAir.index,
            count: ctx.sheet.segments.length,
            kind: segment.kind,
            title: segmentTitle(
              segment.kind,
              segment.title,
              nameOf(segmentProductId(segment)),
              segment.kind === 'engagement' ? segment.label : undefined,
            ),
            plannedMs: segment.durationSec * 1000,
            elapsedMs: slotElapsedMs(ctx, now),
            remainingMs: slotRemainingMs(ctx, now),
          }
        : null,
    product: phase === 'live' ? productView(focusProductId(ctx)) : null,
    lowerThird: lowerThirdShown(snapshot),
    deal: deal
      ? {
          productId: deal.productId,
          price: deal.price,
          remainingMs: Math.max(0, dealRemainingMs(deal, now)),
          totalMs: deal.plannedMs + deal.extendedMs,
          cap: deal.cap,
          sold: deal.sold,
          frozen: deal.frozenAt !== null,
        }
      : null,
    next: nextSegment
      ? {
          kind: nextSegment.kind,
          title: segmentTitle(
            nextSegment.kind,
            nextSegment.title,
            nameOf(segmentProductId(nextSegment)),
            nextSegment.kind === 'engagement' ? nextSegment.label : undefined,
          ),
          productName: nameOf(segmentProductId(nextSegment)),
          startsInMs: onAir ? Math.max(0, slotRemainingMs(ctx, now)) : 0,
        }
      : null,
    show: {
      elapsedMs: elapsedShow,
      remainingMs:
        ctx.startedAt === null ? plannedShowMs : Math.max(0, projectedEndAt(ctx, now) - now),
      plannedMs: plannedShowMs,
    },
    ticker: {
      recent: sales
        .slice(-RECENT)
        .reverse()
        .map((s) => ({
          id: s.id,
          buyer: s.buyer,
          productName: nameOf(s.productId) ?? s.productId,
          quantity: s.quantity,
          agoMs: Math.max(0, now - s.at),
        })),
      unitsLastMinute: sales.reduce(
        (n, s) => (now - s.at < 60_000 && s.at <= now ? n + s.quantity : n),
        0,
      ),
      unitsTotal: sales.reduce((n, s) => n + s.quantity, 0),
    },
    cue: ctx.cue ? { text: ctx.cue.text, agoMs: Math.max(0, now - ctx.cue.at) } : null,
    start: phase === 'ready' ? selectStart(ctx, now) : null,
    cards: selectCards(ctx, now, nextShow),
  };
}
