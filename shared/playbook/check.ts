/**
 * The playbook checks: one pure function from a run sheet (and the seller's history) to
 * gentle notes, one per rule that the plan does not follow. The rules and their numbers are
 * data (rules.ts); this file only knows how to measure a plan against each kind of rule.
 */
import type { ProductHistory } from '../report/history';
import type { RunSheet } from '../runsheet/schema';
import { PLAYBOOK_RULES, type PlaybookRule, type PlaybookRuleId } from './rules';
import { isEducational, minutes, placeSegments, productOf, type PlacedSegment } from './timeline';

/** What the seller has done before: shows held, and per product what it did in them. */
export interface PlanHistory {
  showCount: number;
  products: readonly ProductHistory[];
}

/** A value of a note's code: a number (minutes, units) or a name of the seller's. */
export type NoteParams = Record<string, string | number>;

export interface PlaybookNote {
  ruleId: PlaybookRuleId;
  title: string;
  /** The English sentence (tests, and the words the English controller shows). */
  message: string;
  /**
   * The sentence as data, for the controller's language (message `pbn_<code>`): minutes are
   * plain numbers, names the seller's own. `items` lists what the note enumerates, each worded
   * by `pbn_<code>_item` and joined the language's way.
   */
  code: string;
  params: NoteParams;
  items?: NoteParams[];
  source: PlaybookRule['source'];
  /** The segments (or products) the note is about, for highlighting. */
  refs: string[];
}

interface Plan {
  sheet: RunSheet;
  placed: PlacedSegment[];
  totalSec: number;
  history: PlanHistory;
}

type Finding = {
  message: string;
  code: string;
  params: NoteParams;
  items?: NoteParams[];
  refs: string[];
} | null;
type Check = (plan: Plan, params: Record<string, number>) => Finding;

const NO_HISTORY: PlanHistory = { showCount: 0, products: [] };

export function checkPlan(
  sheet: RunSheet,
  history: PlanHistory = NO_HISTORY,
  rules: readonly PlaybookRule[] = PLAYBOOK_RULES,
): PlaybookNote[] {
  const placed = placeSegments(sheet.segments);
  const plan: Plan = { sheet, placed, totalSec: placed.at(-1)?.endSec ?? 0, history };
  const notes: PlaybookNote[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const found = CHECKS[rule.id](plan, rule.params);
    if (found) notes.push({ ruleId: rule.id, title: rule.title, source: rule.source, ...found });
  }
  return notes;
}

const p = (params: Record<string, number>, key: string): number => params[key] ?? 0;

const CHECKS: Record<PlaybookRuleId, Check> = {
  opening({ placed }, params): Finding {
    const first = placed[0];
    const max = p(params, 'maxMinutes') * 60;
    if (!first || first.segment.kind !== 'opening')
      return {
        message: `The show does not start with an opening: welcome viewers and preview the best deals in the first ${minutes(max)}.`,
        code: 'opening_missing',
        params: { max: max / 60 },
        refs: first ? [first.segment.id] : [],
      };
    if (first.segment.durationSec > max)
      return {
        message: `The opening runs ${minutes(first.segment.durationSec)}: keep it to ${minutes(max)} or less and preview the best deals.`,
        code: 'opening_long',
        params: { min: round1(first.segment.durationSec / 60), max: max / 60 },
        refs: [first.segment.id],
      };
    return null;
  },

  slotLength({ sheet, placed }, params): Finding {
    const edu = isEducational(sheet);
    const min = p(params, edu ? 'educationalMinMinutes' : 'minMinutes') * 60;
    const max = p(params, edu ? 'educationalMaxMinutes' : 'maxMinutes') * 60;
    const off = placed.filter(
      ({ segment: s }) => s.kind === 'product' && (s.durationSec < min || s.durationSec > max),
    );
    if (!off.length) return null;
    const list = off.map(
      ({ segment: s, index }) => `${label(sheet, s, index)} (${minutes(s.durationSec)})`,
    );
    return {
      message: `${off.length === 1 ? 'A product slot is' : `${off.length} product slots are`} outside ${minutes(min).replace(' min', '')}–${minutes(max)}${edu ? ' (educational format)' : ''}: ${list.join(', ')}.`,
      code: edu ? 'slot_length_edu' : 'slot_length',
      params: { count: off.length, min: min / 60, max: max / 60 },
      items: off.map(({ segment: s, index }) => ({
        // Empty when the segment has neither title nor product: the controller says "segment n".
        label: s.title ?? productName(sheet, s) ?? '',
        n: index + 1,
        min: round1(s.durationSec / 60),
      })),
      refs: off.map(({ segment }) => segment.id),
    };
  },

  flashCadence({ placed, totalSec }, params): Finding {
    const max = p(params, 'everyMaxMinutes') * 60;
    if (totalSec <= max) return null;
    const starts = placed.filter(({ segment }) => segment.kind === 'flash').map((s) => s.startSec);
    const marks = [0, ...starts, totalSec];
    let worst = { from: 0, to: 0 };
    for (let i = 1; i < marks.length; i++) {
      if (marks[i]! - marks[i - 1]! > worst.to - worst.from)
        worst = { from: marks[i - 1]!, to: marks[i]! };
    }
    if (worst.to - worst.from <= max) return null;
    const every = { min: p(params, 'everyMinMinutes'), max: max / 60 };
    return starts.length
      ? {
          message: `No flash deal from minute ${Math.round(worst.from / 60)} to minute ${Math.round(worst.to / 60)}: plan one every ${p(params, 'everyMinMinutes')}–${minutes(max)}.`,
          code: 'flash_gap',
          params: { from: Math.round(worst.from / 60), to: Math.round(worst.to / 60), ...every },
          refs: [],
        }
      : {
          message: `The plan has no flash deal: plan one every ${p(params, 'everyMinMinutes')}–${minutes(max)}.`,
          code: 'flash_none',
          params: every,
          refs: [],
        };
  },

  engagementMarks({ placed, totalSec }, params): Finding {
    const within = p(params, 'withinMinutes') * 60;
    const missing = [p(params, 'firstMark'), p(params, 'secondMark')].filter((mark) => {
      const at = mark * 60;
      if (at >= totalSec) return false;
      return !placed.some(
        ({ segment, startSec, endSec }) =>
          segment.kind === 'engagement' && startSec <= at + within && endSec >= at - within,
      );
    });
    if (!missing.length) return null;
    return {
      message: `No engagement moment (poll, giveaway, mystery reveal, Q&A) near minute ${missing.join(' or ')}: viewers come to expect one there.`,
      code: 'engagement',
      params: {},
      items: missing.map((mark) => ({ mark })),
      refs: [],
    };
  },

  lastCall({ placed, totalSec }, params): Finding {
    const from = totalSec - p(params, 'finalMinutes') * 60;
    const found = placed.some(
      ({ segment, endSec }) =>
        endSec > from &&
        (segment.kind === 'flash' || (segment.kind === 'closing' && segment.productId)),
    );
    if (found || totalSec === 0) return null;
    return {
      message: `Nothing sells in the final ${minutes(totalSec - from)}: end with a last call (a flash deal, or a closing that pushes a product).`,
      code: 'last_call',
      params: { min: round1((totalSec - from) / 60) },
      refs: [],
    };
  },

  firstSession({ sheet, totalSec, history }, params): Finding {
    const max = p(params, 'maxMinutes') * 60;
    const length = Math.max(totalSec, sheet.show.durationSec);
    if (history.showCount > 0 || length <= max) return null;
    return {
      message: `This is your first show and it runs ${minutes(length)}: first sessions do best at 90–${minutes(max)}.`,
      code: 'first_session',
      params: { min: round1(length / 60), max: max / 60 },
      refs: [],
    };
  },

  stockVsViewers: (plan) => stockFinding(plan),
};

const round1 = (n: number) => Math.round(n * 10) / 10;

const productName = (sheet: RunSheet, segment: PlacedSegment['segment']) =>
  sheet.products.find((x) => x.id === productOf(segment))?.name;

function label(sheet: RunSheet, segment: PlacedSegment['segment'], index: number): string {
  return segment.title ?? productName(sheet, segment) ?? `segment ${index + 1}`;
}

/** Expected units = expected viewers × the product's past conversion × its units per order. */
function stockFinding({ sheet, placed, history }: Plan): Finding {
  const viewers = sheet.show.expectedViewers;
  if (!viewers) return null;
  const lines: string[] = [];
  const items: NoteParams[] = [];
  const refs: string[] = [];
  for (const product of sheet.products) {
    const past = history.products.find((h) => h.productId === product.id);
    if (!past?.conversion || !past.orders) continue;
    const demand = viewers * past.conversion * (past.units / past.orders);
    if (demand <= product.stock) continue;
    const minute = selloutMinute(placed, product.id, product.stock / demand);
    if (minute === null) continue;
    lines.push(
      `you may sell out of ${product.name} (${product.stock} in stock) by minute ${minute}: ${viewers} expected viewers × ${(past.conversion * 100).toFixed(1)}% past conversion ≈ ${Math.round(demand)} units`,
    );
    items.push({
      name: product.name,
      stock: product.stock,
      minute,
      viewers,
      percent: (past.conversion * 100).toFixed(1),
      units: Math.round(demand),
    });
    refs.push(product.id);
  }
  if (!lines.length) return null;
  const text = lines.join('; ');
  return {
    message: `${text[0]!.toUpperCase()}${text.slice(1)}.`,
    code: 'stock',
    params: {},
    items,
    refs,
  };
}

/** Demand spread evenly over the product's time on air: the minute its stock runs out. */
function selloutMinute(placed: PlacedSegment[], productId: string, share: number): number | null {
  const on = placed.filter(({ segment }) => productOf(segment) === productId);
  const total = on.reduce((t, s) => t + s.segment.durationSec, 0);
  if (!total) return null;
  let left = share * total;
  for (const s of on) {
    if (left <= s.segment.durationSec) return Math.max(1, Math.ceil((s.startSec + left) / 60));
    left -= s.segment.durationSec;
  }
  return Math.ceil(on.at(-1)!.endSec / 60);
}
