/** The show file: a round trip gives the same show; a hostile file is refused, and says where. */
import { describe, expect, test } from 'vitest';
import {
  archiveJson,
  parseShowArchive,
  parseShowArchiveValue,
  sameContent,
  SHOW_ARCHIVE_FORMAT,
  toArchive,
} from '../../../../controller/report/archive';
import { drive } from '../../../support/driver';
import { buildReport } from '../../../../shared/report/showReport';
import { clone, mainArchive } from '../../../support/reportArchive';

const refused = (value: unknown) => {
  const result = parseShowArchiveValue(value);
  if (result.ok) throw new Error('expected the archive to be refused');
  return result.errors;
};

describe('round trip', () => {
  test('text out, text in: the same archive, the same content, the same report', () => {
    const archive = mainArchive();
    const text = archiveJson(archive);
    const back = parseShowArchive(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value).toEqual(archive);
    expect(sameContent(back.value, archive)).toBe(true);
    const now = archive.show.endedAt!;
    const report = (a: typeof archive) =>
      buildReport(
        a.sheet,
        a.events.map((e) => e.event),
        { now },
      );
    expect(report(back.value)).toEqual(report(archive));
    expect(report(back.value).totals.gmv).toBeGreaterThan(0);
  });

  test('the file names its format and version and keeps the sheet in its export key order', () => {
    const text = archiveJson(mainArchive());
    const value = JSON.parse(text) as {
      format: string;
      version: number;
      sheet: Record<string, unknown>;
    };
    expect(value.format).toBe(SHOW_ARCHIVE_FORMAT);
    expect(value.version).toBe(2);
    expect(Object.keys(value.sheet).slice(0, 4)).toEqual(['format', 'version', 'id', 'show']);
    // Saving twice gives the same bytes.
    expect(archiveJson(mainArchive())).toBe(text);
  });

  test('another export time or another id is the same content; another note or event is not', () => {
    const a = mainArchive();
    expect(
      sameContent(a, { ...clone(a), exportedAt: 'later', show: { ...a.show, id: 'other' } }),
    ).toBe(true);
    expect(
      sameContent(a, { ...clone(a), show: { ...a.show, changes: 'Started an hour later' } }),
    ).toBe(false);
    const fewer = clone(a);
    fewer.events.splice(-2, 1);
    fewer.events.forEach((e, i) => (e.seq = i + 1));
    expect(sameContent(a, fewer)).toBe(false);
  });
});

describe('hostile files are refused with the place of the problem', () => {
  test('not JSON: line and column', () => {
    const result = parseShowArchive('{"format": "flashcue.show", "version": 1,,}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toMatch(/^line 1, column \d+$/);
  });

  test('not an object, another format, a run sheet, a newer version', () => {
    expect(refused([1, 2])[0]).toMatchObject({ path: '(top level)' });
    expect(refused({ format: 'nope' })[0]).toMatchObject({ path: 'format' });
    expect(refused({ format: 'flashcue.runsheet', version: 1 })[0]!.message).toMatch(/Plan screen/);
    expect(refused({ ...mainArchive(), version: 3 })[0]).toMatchObject({
      path: 'version',
      message: expect.stringMatching(/newer Flashcue/),
    });
  });

  test('wrong types', () => {
    const a = clone(mainArchive()) as unknown as {
      events: Array<{ event: Record<string, unknown> }>;
      show: Record<string, unknown>;
    };
    a.events[1]!.event.at = 'noon';
    a.show.startedAt = 'yesterday';
    const errors = refused(a);
    expect(errors).toContainEqual({
      path: 'events[1].event.at',
      message: 'must be a time (ms since 1970)',
    });
    expect(errors.map((e) => e.path)).toContain('show.startedAt');
  });

  test('negative prices, in the sheet and in a deal', () => {
    const a = clone(mainArchive());
    a.sheet.products[1]!.livePrice = -100;
    const deal = a.events.find((e) => e.event.type === 'deal.start')!;
    (deal.event as { price: number }).price = -1;
    const errors = refused(a);
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'sheet.products[1].livePrice',
        message: 'must not be negative',
      }),
    );
    const at = a.events.indexOf(deal);
    expect(errors).toContainEqual({
      path: `events[${at}].event.price`,
      message: 'must not be negative',
    });
  });

  test('an unknown event type and an extra field', () => {
    const a = clone(mainArchive()) as unknown as {
      events: Array<{ event: Record<string, unknown> }>;
    };
    a.events[2]!.event.type = 'money.print';
    a.events[3]!.event.sneaky = true;
    const errors = refused(a);
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['events[2].event.type', 'events[3].event']),
    );
  });

  test('a seq twice, a gap, a command id twice', () => {
    const a = clone(mainArchive());
    a.events[4]!.seq = 4;
    expect(refused(a)).toContainEqual({
      path: 'events[4].seq',
      message: 'is 4, which events[3] already has: every event needs its own number',
    });
    const b = clone(mainArchive());
    b.events[6]!.seq = 60;
    expect(refused(b)[0]).toMatchObject({
      path: 'events[6].seq',
      message: expect.stringMatching(/where 7 was expected/),
    });
    const c = clone(mainArchive());
    c.events[1]!.commandId = 'same';
    c.events[5]!.commandId = 'same';
    expect(refused(c)).toEqual([
      { path: 'events[5].commandId', message: '"same" is used by an earlier event' },
    ]);
  });

  test('time running backwards', () => {
    const a = clone(mainArchive());
    a.events[5]!.event.at = a.events[4]!.event.at - 1;
    expect(refused(a)).toContainEqual(expect.objectContaining({ path: 'events[5].event.at' }));
  });

  test('events the show would have refused: a sale after the end, a deal above the live price, an oversell', () => {
    const late = clone(mainArchive());
    const end = late.events.at(-1)!.event.at;
    late.events.push({
      seq: late.events.length + 1,
      commandId: null,
      event: { type: 'sale', productId: 'buds', quantity: 1, buyer: null, at: end + 1 },
    });
    expect(refused(late)).toEqual([
      {
        path: `events[${late.events.length - 1}] (seq ${late.events.length}, sale)`,
        message: "could not have happened: The show has ended: you can't record a sale now.",
      },
    ]);

    const pricey = clone(mainArchive());
    const deal = pricey.events.find((e) => e.event.type === 'deal.start')!;
    (deal.event as { price: number }).price = 999_999;
    const [error] = refused(pricey);
    expect(error!.path).toBe(
      `events[${pricey.events.indexOf(deal)}] (seq ${deal.seq}, deal.start)`,
    );
    expect(error!.message).toMatch(/above Wireless Earbuds's live price/);

    const oversell = clone(mainArchive());
    const sale = oversell.events.find(
      (e) => e.event.type === 'sale' && e.event.productId === 'mask',
    )!;
    (sale.event as { quantity: number }).quantity = 50;
    expect(refused(oversell)[0]!.message).toMatch(/Only 5 of Hydrating Face Mask left/);
  });

  test('a status the log contradicts, and a file saved while live', () => {
    const a = clone(mainArchive());
    a.show.status = 'ready';
    expect(refused(a)).toEqual([
      { path: 'show.status', message: 'is "ready", but the log starts the show' },
    ]);
    const b = clone(mainArchive());
    b.show.endedAt = b.show.endedAt! + 5;
    expect(refused(b)[0]!.path).toBe('show.endedAt');
    const live = clone(mainArchive());
    live.events.pop();
    live.show.status = 'live';
    live.show.endedAt = null;
    expect(refused(live)[0]).toMatchObject({
      path: 'show.status',
      message: expect.stringMatching(/on air/),
    });
  });

  test('viewers with nothing in them', () => {
    const a = clone(mainArchive());
    const v = a.events.find((e) => e.event.type === 'viewers')!;
    Object.assign(v.event, { concurrent: null, unique: null });
    expect(refused(a)[0]!.message).toMatch(/give concurrent and\/or unique viewers/);
  });
});

test('a file with more events than any show logs is refused before it is replayed', () => {
  const a = clone(mainArchive());
  const last = a.events.at(-1)!;
  a.events = Array.from({ length: 50_001 }, (_, i) => ({ ...last, seq: i + 1 }));
  const errors = refused(a);
  expect(errors).toContainEqual({ path: 'events', message: 'holds more than 50,000 events' });
});

test('a show with highlight markers goes out and comes back in (each checked as its command)', () => {
  const s = drive();
  s.ok({ type: 'show.start' });
  s.advance(60_000);
  s.ok({ type: 'marker.add' });
  s.advance(60_000);
  s.ok({ type: 'marker.add', label: 'Unboxing', recordMs: 95_000 });
  s.ok({ type: 'show.end' });
  const start = s.log[0]!.at;
  const end = s.log.at(-1)!.at;
  const row = {
    ...{ id: 'show-markers', runSheetId: s.sheet.id, status: 'ended' as const },
    ...{ createdAt: start - 60_000, startedAt: start, endedAt: end, sheet: s.sheet },
    ...{ changes: '', terms: [] },
  };
  const rows = s.log.map((event, i) => ({
    ...{ showId: row.id, seq: i + 1, at: event.at, event, commandId: null, loggedAt: 0 },
  }));
  const back = parseShowArchive(archiveJson(toArchive(row, rows, end)));
  expect(back.ok && back.value.events.map((e) => e.event)).toEqual(s.log);
});
