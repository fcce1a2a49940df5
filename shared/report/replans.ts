/**
 * Replanned segments for the report's plan-vs-actual (issue 18): every `show.replan` in the
 * log, when it came (ms since the start), which proposal it applied, and each segment's
 * planned length before → after. Read from the log itself, so it shows exactly what was
 * applied; the runs' planned lengths already carry the new values (the machine applied them).
 */
import type { RunSheet } from '../runsheet/schema';
import type { ShowEvent } from '../show/types';

export interface ReplanChange {
  index: number;
  /** 1-based place in the run sheet. */
  position: number;
  title: string;
  fromMs: number;
  toMs: number;
}

export interface ReplanRow {
  at: number;
  /** Since the show's start; null when replanned before it started. */
  atMs: number | null;
  proposal: string | null;
  segments: ReplanChange[];
}

/** The segment's title, else its product's name, engagement label or kind (as the runs do). */
function label(sheet: RunSheet, index: number): string {
  const segment = sheet.segments[index];
  if (!segment) return `#${index + 1}`;
  if (segment.title) return segment.title;
  if ('productId' in segment)
    return (
      sheet.products.find((p) => p.id === segment.productId)?.name ??
      segment.productId ??
      segment.kind
    );
  if (segment.kind === 'engagement') return segment.label;
  return segment.kind;
}

export function replanRows(sheet: RunSheet, events: readonly ShowEvent[]): ReplanRow[] {
  const start = events.find((e) => e.type === 'show.start')?.at ?? null;
  const rows: ReplanRow[] = [];
  for (const e of events) {
    if (e.type !== 'show.replan') continue;
    rows.push({
      at: e.at,
      atMs: start === null || e.at < start ? null : e.at - start,
      proposal: e.proposal,
      segments: e.segments.map((s) => ({
        index: s.index,
        position: s.index + 1,
        title: label(sheet, s.index),
        fromMs: s.from * 1000,
        toMs: s.durationSec * 1000,
      })),
    });
  }
  return rows;
}

/** Segment index → its latest change, for marking rows of the plan-vs-actual table. */
export function replannedSegments(
  rows: readonly ReplanRow[],
): Map<number, ReplanChange & { row: ReplanRow }> {
  const marks = new Map<number, ReplanChange & { row: ReplanRow }>();
  for (const row of rows) for (const s of row.segments) marks.set(s.index, { ...s, row });
  return marks;
}
