/** Show files since version 2 carry the live room; version 1 files (no room) still open. */
import { describe, expect, test } from 'vitest';
import {
  archiveJson,
  parseShowArchive,
  parseShowArchiveValue,
  SHOW_ARCHIVE_VERSION,
  type ShowArchive,
} from '../../../../controller/report/archive';
import { buildReport } from '../../../../shared/report/showReport';
import { roomReport } from '../../../../shared/room/roomReport';
import { restoreRoom } from '../../../../shared/room/saved';
import { clone, mainArchive } from '../../../support/reportArchive';
import { keptRoom } from '../../../support/keptRoom';

const withRoom = (): ShowArchive => ({ ...mainArchive(), room: keptRoom() });

/** The report's room table, as RoomReport.svelte builds it from a file. */
const roomTable = (a: ShowArchive) => {
  const report = buildReport(
    a.sheet,
    a.events.map((e) => e.event),
    { now: a.show.endedAt! },
  );
  const restored = a.room ? restoreRoom(a.room) : null;
  const tally = restored?.ok ? restored.state.tally : {};
  return roomReport(report.runs, report.series.viewerCurve, tally);
};

const refused = (value: unknown) => {
  const result = parseShowArchiveValue(value);
  if (result.ok) throw new Error('expected the archive to be refused');
  return result.errors;
};

describe('version 2: the room goes with the show', () => {
  test('written as version 2, the room last; read back the same, the same room table', () => {
    const archive = withRoom();
    const text = archiveJson(archive);
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(value.version).toBe(2);
    expect(Object.keys(value).at(-1)).toBe('room');
    const back = parseShowArchive(text);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value).toEqual(archive);
    const table = roomTable(back.value);
    expect(table).toEqual(roomTable(archive));
    // The counts made it: questions asked and answered, gifts, follows, shares, likes.
    const opening = table.find((r) => r.index === 0)!;
    expect(opening).toMatchObject({ comments: 2, questions: 1, likes: 15 });
    expect(table.find((r) => r.index === 1)).toMatchObject({
      questions: 1,
      answered: 1,
      gifts: 5,
      diamonds: 5,
      follows: 1,
      shares: 1,
      joins: 1,
    });
    // The question log and the pin, with the names as the room sent them (text, never markup).
    expect(back.value.room!.questions.items.map((q) => [q.id, q.answered])).toEqual([
      ['q1', true],
      ['q2', false],
    ]);
    expect(back.value.room!.questions.items[0]!.user.name).toBe('<b>Ann</b>');
    expect(back.value.room!.questions.pinnedId).toBe('q2');
  });

  test('a show without a room writes no room field', () => {
    const value = JSON.parse(archiveJson(mainArchive())) as Record<string, unknown>;
    expect(value).not.toHaveProperty('room');
  });

  test('a hostile room is refused with its place', () => {
    const a = clone(withRoom());
    a.room!.questions.items[0]!.user.name = 'N'.repeat(10_240);
    expect(refused(a)[0]!.path).toMatch(/^room\.questions\.items\[0]\.user\.name$/);
    const b = clone(withRoom()) as unknown as { room: { tally: Record<string, unknown> } };
    b.room.tally['0'] = { comments: -1 };
    expect(refused(b).map((e) => e.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^room\.tally/)]),
    );
  });
});

describe('version 1 files still open', () => {
  const v1 = () => {
    const { room: _room, ...rest } = withRoom();
    return { ...rest, version: 1 };
  };

  test('a version 1 file opens as a version 2 show without a room, with the same report', () => {
    const text = archiveJson(v1() as unknown as ShowArchive);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    const back = parseShowArchive(text);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.version).toBe(SHOW_ARCHIVE_VERSION);
    expect(back.value.room).toBeUndefined();
    expect(back.value.events).toEqual(mainArchive().events);
    // Viewer samples live in the log: the room table's viewer columns survive a version 1 file.
    const table = roomTable(back.value);
    expect(table.map((r) => [r.viewersAtStart, r.viewersAtEnd, r.held])).toEqual(
      roomTable(mainArchive()).map((r) => [r.viewersAtStart, r.viewersAtEnd, r.held]),
    );
    expect(table.every((r) => r.questions === 0 && r.gifts === 0)).toBe(true);
  });

  test('a version 1 file that claims a room is refused: rooms came with version 2', () => {
    expect(refused({ ...v1(), room: keptRoom() })).toEqual([
      { path: 'room', message: expect.stringMatching(/version 2/) },
    ]);
  });

  test('versions other than 1 and 2 are refused', () => {
    expect(refused({ ...mainArchive(), version: 0 })[0]).toMatchObject({ path: 'version' });
    expect(refused({ ...mainArchive(), version: 3 })[0]!.message).toMatch(/newer Flashcue/);
  });
});
