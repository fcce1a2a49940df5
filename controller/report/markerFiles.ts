/** The markers of a report entry, named in the controller's language, and their two downloads. */
import { chaptersText, markersCsv, type MarkerWords } from '../../shared/marker/exports';
import { showMarkers, type Marker } from '../../shared/marker/markers';
import { localDateTime } from '../../shared/report/csv';
import * as m from '../i18n/paraglide/messages.js';
import { download } from '../plan/files';
import type { ShowEntry } from './reportStore.svelte';
import { fileStem } from './reportFiles';
import { withHeaders } from './csvHeaders';

/** Read at call time, so a language switched since is the one used. */
export const markerWords = (): MarkerWords => ({
  manual: ({ n, name }) => name ?? m.marker_numbered({ n }),
  soldOut: ({ name }) => m.marker_sold_out({ name }),
  deal: ({ name }) => m.marker_deal({ name }),
  recordMinute: () => m.marker_record_minute(),
});

const cache = new WeakMap<ShowEntry, Marker[]>();

export function entryMarkers(entry: ShowEntry): Marker[] {
  let markers = cache.get(entry);
  if (!markers) cache.set(entry, (markers = showMarkers(entry.report, entry.events)));
  return markers;
}

export function downloadMarkersCsv(entry: ShowEntry): void {
  const zone = entry.report.show.timeZone;
  download(
    `${fileStem(entry)}-markers.csv`,
    withHeaders(markersCsv(entryMarkers(entry), (at) => localDateTime(at, zone), markerWords())),
    'text/csv;charset=utf-8',
  );
}

export function downloadChapters(entry: ShowEntry): void {
  download(
    `${fileStem(entry)}-chapters.txt`,
    chaptersText(entryMarkers(entry), markerWords()),
    'text/plain;charset=utf-8',
  );
}
