/** The stream-health record travels in the show file: exported, imported, checked (issue 19). */
import { describe, expect, test } from 'vitest';
import { exportShowArchive, importShowArchiveText } from '../../../../controller/db/showArchive';
import { archiveJson, parseShowArchive } from '../../../../controller/report/archive';
import { MINUTE_MS, minuteOf, type HealthMinute } from '../../../../shared/obs/healthRecord';
import { openTestDb } from '../../../support/db';
import { storeShow } from '../../../support/reportArchive';

const minute = (showId: string, at: number, dropped: number): HealthMinute => ({
  showId,
  minute: minuteOf(at),
  frames: 1800,
  dropped,
  renderFrames: 1800,
  renderSkipped: 3,
  congestion: 0.1,
  reconnecting: false,
  streaming: true,
  recording: true,
});

async function showWithHealth() {
  const db = openTestDb();
  const { row } = await storeShow(db);
  const start = row.startedAt!;
  await db.healthMinutes.bulkAdd([
    minute(row.id, start, 0),
    minute(row.id, start + MINUTE_MS, 216),
  ]);
  return { db, row, text: archiveJson(await exportShowArchive(db, row.id)) };
}

describe('the health record in a show file', () => {
  test('exported beside the log without the show id, and stored again on import', async () => {
    const { db, row, text } = await showWithHealth();
    const file = JSON.parse(text) as { health: Array<Record<string, unknown>> };
    expect(file.health).toHaveLength(2);
    expect(file.health[1]).toEqual({
      minute: minuteOf(row.startedAt! + MINUTE_MS),
      frames: 1800,
      dropped: 216,
      renderFrames: 1800,
      renderSkipped: 3,
      congestion: 0.1,
      reconnecting: false,
      streaming: true,
      recording: true,
    });
    const there = openTestDb();
    expect(await importShowArchiveText(there, text)).toMatchObject({ ok: true, outcome: 'added' });
    expect(await there.healthMinutes.where('showId').equals(row.id).sortBy('minute')).toEqual(
      await db.healthMinutes.where('showId').equals(row.id).sortBy('minute'),
    );
  });

  test('a re-import adds nothing and replaces nothing; a copy gets the record under its id', async () => {
    const { db, row, text } = await showWithHealth();
    await db.healthMinutes.update([row.id, minuteOf(row.startedAt!)], { frames: 1799 });
    expect(await importShowArchiveText(db, text)).toMatchObject({ ok: true, outcome: 'reused' });
    expect(await db.healthMinutes.count()).toBe(2);
    expect((await db.healthMinutes.get([row.id, minuteOf(row.startedAt!)]))!.frames).toBe(1799);

    const other = JSON.parse(text) as { show: { changes: string } };
    other.show.changes = 'a different show under the same id';
    const copy = await importShowArchiveText(db, JSON.stringify(other));
    expect(copy).toMatchObject({ ok: true, outcome: 'copied' });
    const copyId = (copy as { showId: string }).showId;
    expect(await db.healthMinutes.where('showId').equals(copyId).count()).toBe(2);
  });

  test('a file without a record still opens; a broken one is refused where it breaks', async () => {
    const { text } = await showWithHealth();
    const file = JSON.parse(text) as Record<string, unknown> & {
      health: Array<Record<string, unknown>>;
    };
    const { health, ...without } = file;
    expect(parseShowArchive(JSON.stringify(without)).ok).toBe(true);
    const broken = structuredClone(file);
    broken.health[1]!.dropped = -4;
    broken.health[0]!.minute = (health[0]!.minute as number) + 1;
    const result = parseShowArchive(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      'health[0].minute must be the start of a minute',
      'health[1].dropped must not be negative',
    ]);
    const twice = structuredClone(file);
    twice.health[1]!.minute = health[0]!.minute;
    const again = parseShowArchive(JSON.stringify(twice));
    expect(!again.ok && again.errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      'health[1].minute is listed twice',
    ]);
  });
});
