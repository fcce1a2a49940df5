/** Highlight markers: logged, replayable, marked automatically, exported as CSV and chapters. */
import { describe, expect, test } from 'vitest';
import { chaptersText, markersCsv } from '../../../../shared/marker/exports';
import { formatTimecode, parseTimecode } from '../../../../shared/marker/marker';
import { showMarkers } from '../../../../shared/marker/markers';
import { buildReport } from '../../../../shared/report/showReport';
import { replay } from '../../../../shared/show';
import { EventSchema } from '../../../../shared/show/eventSchema';
import { drive, T0 } from '../../../support/driver';

const S = 1000;
const MIN = 60 * S;

/** Opening 2 min, buds with a marker (recording at 00:01:05 when the show starts), a deal, the mask sold out. */
function show() {
  const d = drive();
  d.ok({ type: 'show.start' });
  d.advance(2 * MIN);
  d.ok({ type: 'show.next' }); // buds on air
  d.advance(31 * S);
  const marker = d.ok({
    type: 'marker.add',
    label: 'Vitamin C Serum reveal',
    recordMs: 65 * S + 151 * S,
  });
  d.ok({ type: 'sale', quantity: 2 });
  d.advance(MIN);
  d.ok({ type: 'show.next' }); // flash segment
  d.ok({ type: 'deal.start' });
  d.advance(10 * S);
  d.ok({ type: 'sale', quantity: 4 });
  d.ok({ type: 'deal.end' });
  d.ok({ type: 'show.goto', index: 3 }); // mask, stock 5
  d.advance(20 * S);
  d.ok({ type: 'marker.add' });
  d.ok({ type: 'sale', quantity: 5 });
  d.advance(S);
  return { d, marker };
}

describe('marker.add', () => {
  test('carries show time, segment, product on air and the recording timecode', () => {
    const { marker } = show();
    expect(marker).toEqual({
      type: 'marker.add',
      label: 'Vitamin C Serum reveal',
      showMs: 2 * MIN + 31 * S,
      segmentIndex: 1,
      productId: 'buds',
      recordMs: 216 * S,
      at: T0 + 2 * MIN + 31 * S,
    });
    expect(EventSchema.safeParse(marker).success).toBe(true);
  });

  test('refused before the start and after the end, with a code', () => {
    const d = drive();
    expect(d.run({ type: 'marker.add' })).toMatchObject({ ok: false, code: 'need_start' });
    d.ok({ type: 'show.start' });
    d.ok({ type: 'show.end' });
    expect(d.run({ type: 'marker.add' })).toMatchObject({ ok: false, code: 'need_not_ended' });
  });

  test('a replayed log gives the same markers, and the machine ignores them otherwise', () => {
    const { d } = show();
    const again = replay(d.sheet, d.log);
    expect(again.context).toEqual(d.ctx());
  });
});

describe('showMarkers', () => {
  test('manual, deal start, sold-out and record minutes, in time order', () => {
    const { d } = show();
    const report = buildReport(d.sheet, d.log, { now: d.now() });
    const markers = showMarkers(report, d.log);
    expect(markers.map((m) => [m.kind, m.showMs, m.productId])).toEqual([
      ['record-minute', 2 * MIN, null],
      ['manual', 2 * MIN + 31 * S, 'buds'],
      ['record-minute', 3 * MIN, null],
      ['deal', 3 * MIN + 31 * S, 'buds'],
      ['manual', 4 * MIN + 1 * S, 'mask'],
      ['sold-out', 4 * MIN + 1 * S, 'mask'],
    ]);
    const [, first, , deal, second] = markers;
    expect(first).toMatchObject({
      position: 2,
      productName: 'Wireless Earbuds',
      recordMs: 216 * S,
    });
    expect(first!.recordEstimated).toBe(false);
    // One OBS timecode anchors the others: the recording ran on at the show's pace.
    expect(deal).toMatchObject({ recordMs: 216 * S + MIN, recordEstimated: true });
    expect(second).toMatchObject({ position: 4, recordMs: 216 * S + 90 * S });
    // The first minute before the recording's anchor maps to a time inside the file too.
    expect(markers[0]).toMatchObject({ recordMs: 216 * S - 31 * S });
  });

  test('no recording timecode anywhere: chapters on the show clock', () => {
    const d = drive();
    d.ok({ type: 'show.start' });
    d.advance(12 * MIN + 31 * S);
    d.ok({ type: 'marker.add', label: 'Vitamin C Serum reveal' });
    const markers = showMarkers(buildReport(d.sheet, d.log, { now: d.now() }), d.log);
    expect(chaptersText(markers)).toBe('00:12:31 Vitamin C Serum reveal\n');
  });
});

describe('exports', () => {
  test('chapters: recording timecodes, one line per marker, titles from the moment', () => {
    const { d } = show();
    const markers = showMarkers(buildReport(d.sheet, d.log, { now: d.now() }), d.log);
    expect(chaptersText(markers)).toBe(
      [
        '00:03:05 Record sales minute',
        '00:03:36 Vitamin C Serum reveal',
        '00:04:05 Record sales minute',
        '00:04:36 Flash deal: Wireless Earbuds',
        '00:05:06 Hydrating Face Mask',
        '00:05:06 Hydrating Face Mask sold out',
        '',
      ].join('\n'),
    );
  });

  test('CSV: a header and one row per marker; a formula-like label is defused', () => {
    const d = drive();
    d.ok({ type: 'show.start' });
    d.ok({ type: 'marker.add', label: '=HYPERLINK("x")' });
    const markers = showMarkers(buildReport(d.sheet, d.log, { now: d.now() }), d.log);
    const lines = markersCsv(markers, () => '2026-03-16 03:00:00')
      .replace('\uFEFF', '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'kind,title,show_time,show_s,recording_time,recording_s,recording_estimated,at_utc,at_local,segment,segment_title,product_id,product,label',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`manual,"'=HYPERLINK(""x"")",00:00:00,0,,,no,`);
  });

  test('timecodes: OBS format in, editor format out', () => {
    expect(parseTimecode('01:02:03.456')).toBe(3_723_456);
    expect(parseTimecode('00:00:00.000')).toBe(0);
    expect(parseTimecode('bogus')).toBeNull();
    expect(parseTimecode('00:61:00.000')).toBeNull();
    expect(formatTimecode(751_999)).toBe('00:12:31');
    expect(formatTimecode(-5)).toBe('00:00:00');
  });
});
