/**
 * The markers as files an editor cuts the highlight reel from: a CSV (every field, one row
 * per marker) and a chapters text, one `00:12:31 Vitamin C Serum reveal` line per marker.
 * The chapters use OBS's recording timecode when the show was recorded (the file the editor
 * opens), else the show's own clock. Titles come from `words` so the controller can name the
 * automatic moments in the producer's language; English by default.
 */
import { toCsv, type CsvColumn } from '../export/csv';
import { formatTimecode } from './marker';
import type { Marker } from './markers';

export interface MarkerWords {
  /** A manual marker without a label: the product or segment on air, else its number. */
  manual(m: { n: number; name: string | null }): string;
  soldOut(m: { name: string }): string;
  deal(m: { name: string }): string;
  recordMinute(): string;
}

export const ENGLISH_MARKER_WORDS: MarkerWords = {
  manual: ({ n, name }) => name ?? `Marker ${n}`,
  soldOut: ({ name }) => `${name} sold out`,
  deal: ({ name }) => `Flash deal: ${name}`,
  recordMinute: () => 'Record sales minute',
};

/** Chapter titles are one line: no line breaks, no runaway length. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 100);

export function markerTitle(marker: Marker, n: number, words = ENGLISH_MARKER_WORDS): string {
  const name = marker.productName ?? marker.segmentTitle;
  switch (marker.kind) {
    case 'manual':
      return oneLine(marker.label ?? words.manual({ n, name }));
    case 'sold-out':
      return oneLine(words.soldOut({ name: name ?? '' }));
    case 'deal':
      return oneLine(words.deal({ name: name ?? '' }));
    case 'record-minute':
      return oneLine(words.recordMinute());
  }
}

/** Which clock the chapters run on: the recording's when any marker has a recording time. */
export function chapterClock(markers: readonly Marker[]): 'recording' | 'show' {
  return markers.some((m) => m.recordMs !== null) ? 'recording' : 'show';
}

export function chaptersText(markers: readonly Marker[], words = ENGLISH_MARKER_WORDS): string {
  const clock = chapterClock(markers);
  let manual = 0;
  const lines: Array<[number, string]> = [];
  for (const m of markers) {
    if (m.kind === 'manual') manual += 1;
    const time = clock === 'recording' ? m.recordMs : m.showMs;
    if (time === null) continue; // before the recording started: not in the file
    lines.push([time, `${formatTimecode(time)} ${markerTitle(m, manual, words)}`]);
  }
  lines.sort((a, b) => a[0] - b[0]);
  return lines.map(([, line]) => line).join('\n') + (lines.length ? '\n' : '');
}

export function markersCsv(
  markers: readonly Marker[],
  timeZoneTime: (at: number) => string,
  words = ENGLISH_MARKER_WORDS,
): string {
  let manual = 0;
  const rows = markers.map((m) => {
    if (m.kind === 'manual') manual += 1;
    return { m, title: markerTitle(m, manual, words) };
  });
  const columns: CsvColumn<(typeof rows)[number]>[] = [
    { header: 'kind', value: (r) => r.m.kind },
    { header: 'title', value: (r) => r.title },
    { header: 'show_time', value: (r) => formatTimecode(r.m.showMs) },
    { header: 'show_s', value: (r) => r.m.showMs / 1000 },
    {
      header: 'recording_time',
      value: (r) => (r.m.recordMs === null ? '' : formatTimecode(r.m.recordMs)),
    },
    { header: 'recording_s', value: (r) => (r.m.recordMs === null ? null : r.m.recordMs / 1000) },
    { header: 'recording_estimated', value: (r) => (r.m.recordEstimated ? 'yes' : 'no') },
    { header: 'at_utc', value: (r) => new Date(r.m.at).toISOString() },
    { header: 'at_local', value: (r) => timeZoneTime(r.m.at) },
    { header: 'segment', value: (r) => r.m.position },
    { header: 'segment_title', value: (r) => r.m.segmentTitle ?? '' },
    { header: 'product_id', value: (r) => r.m.productId ?? '' },
    { header: 'product', value: (r) => r.m.productName ?? '' },
    { header: 'label', value: (r) => r.m.label ?? '' },
  ];
  return toCsv(rows, columns);
}
