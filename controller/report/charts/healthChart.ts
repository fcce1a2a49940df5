/**
 * The stream-health strip under the viewer curve (issue 19): the record's minutes on the viewer
 * chart's own x scale, in words, and the sentence for each viewer fall that came with trouble
 * on the stream. The cells are placed with the scale Observable Plot drew the curve with (its
 * pixel range inside the SVG), so a minute lines up with the curve above it at any margin.
 */
import type * as Plot from '@observablehq/plot';
import { healthNotes, type HealthMinute, type HealthNote } from '../../../shared/obs/healthRecord';
import { healthStrip, type HealthCell } from '../../../shared/obs/healthStrip';
import type { ShowReport } from '../../../shared/report/showReport';
import * as m from '../../i18n/paraglide/messages.js';
import { duration, percent } from '../format';

const MINUTE = 60_000;

interface HealthStripCell extends HealthCell {
  /** Chart units (minutes since the start), as the viewer chart's x. */
  x1: number;
  x2: number;
  title: string;
}

export interface ViewerHealth {
  cells: HealthStripCell[];
  /** One sentence per viewer fall that came with trouble ("Viewers fell at 2:00 — 12% …"). */
  notes: string[];
  /** The x domain when no curve was drawn (no viewer counts): the whole show. */
  endX: number;
}

/** The x scale of a drawn chart: data domain, pixel range, and the SVG's drawn width. */
export interface XFrame {
  domain: [number, number];
  range: [number, number];
  width: number;
}

function cellTitle(cell: HealthCell): string {
  const parts = [
    m.health_record_minute({
      time: `${duration(cell.from)}–${duration(cell.to)}`,
      dropped: percent(cell.dropped, 0),
    }),
  ];
  if (cell.skipped >= 0.01)
    parts.push(m.health_strip_skipped({ skipped: percent(cell.skipped, 0) }));
  if (cell.congestion >= 0.25) parts.push(m.health_strip_congested());
  if (cell.reconnecting) parts.push(m.health_strip_reconnecting());
  return parts.join(m.rep_chart_separator());
}

function noteText(note: HealthNote): string {
  const time = duration(note.t);
  if (note.dropped >= 0.01)
    return m.health_record_fell_dropped({ time, dropped: percent(note.dropped, 0) });
  return note.reconnecting
    ? m.health_record_fell_reconnect({ time })
    : m.health_record_fell_congested({ time });
}

/** Null when the show has no health record (no OBS, or a file from before issue 19). */
export function viewerHealth(
  report: ShowReport,
  minutes: readonly HealthMinute[],
): ViewerHealth | null {
  const { startedAt, endedAt, asOf } = report.show;
  const endMs = startedAt === null ? 0 : Math.max(0, (endedAt ?? asOf) - startedAt);
  const cells = healthStrip(minutes, startedAt, endMs).map((cell) => ({
    ...cell,
    x1: cell.from / MINUTE,
    x2: cell.to / MINUTE,
    title: cellTitle(cell),
  }));
  if (!cells.length) return null;
  const notes = healthNotes(report.series.viewerCurve, minutes).map(noteText);
  return { cells, notes, endX: endMs / MINUTE };
}

/** The x scale Plot drew with, or null when the element is not a Plot chart. */
export function frameOf(element: Element, width: number): XFrame | null {
  const scale = (element as Partial<Plot.Plot>).scale?.('x');
  const [d0, d1] = (scale?.domain ?? []) as number[];
  const [r0, r1] = (scale?.range ?? []) as number[];
  if ([d0, d1, r0, r1].some((v) => typeof v !== 'number' || !Number.isFinite(v)) || d1 === d0)
    return null;
  return { domain: [d0!, d1!], range: [r0!, r1!], width };
}

/** A cell's left edge and width as shares (0–1) of the strip, which is as wide as the SVG. */
export function place(
  cell: { x1: number; x2: number },
  frame: XFrame | null,
  endX: number,
): { left: number; width: number } {
  const f = frame ?? { domain: [0, Math.max(endX, 1)], range: [0, 1], width: 1 };
  const at = (x: number) =>
    (f.range[0] + ((x - f.domain[0]) / (f.domain[1] - f.domain[0])) * (f.range[1] - f.range[0])) /
    f.width;
  const left = at(cell.x1);
  return { left, width: Math.max(0, at(cell.x2) - left) };
}
