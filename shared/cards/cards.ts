/** The closing cards' part of the overlay view (issue 19): the SOLD OUT card and the recap. */
import type { ShowContext } from '../show/types';
import { selectRecap, type NextShow, type RecapView } from './recap';
import { selectSoldOut, type SoldOutView } from './soldOut';

export type { NextShow, RecapView, SoldOutView };

export interface CardsView {
  soldOut: SoldOutView | null;
  recap: RecapView | null;
}

/** Only on air: before the start and after the end there is nothing to celebrate or recap. */
export function selectCards(ctx: ShowContext, now: number, next: NextShow | null): CardsView {
  if (ctx.startedAt === null || ctx.endedAt !== null) return { soldOut: null, recap: null };
  return { soldOut: selectSoldOut(ctx, now), recap: selectRecap(ctx, now, next) };
}
