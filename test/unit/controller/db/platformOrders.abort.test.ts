/**
 * A cancelled or failed import saves nothing: the lines already stored and the import record
 * stay exactly as they were, whichever slice the import had reached.
 */
import { describe, expect, it } from 'vitest';
import { importShowArchiveText } from '../../../../controller/db/showArchive';
import { loadPlatform } from '../../../../controller/db/platformOrders';
import { commitLines } from '../../../../controller/report/platform/orderImport';
import { ImportJob } from '../../../../shared/orders/importJob';
import { csvRows } from '../../../../shared/orders/parse';
import { showWindow } from '../../../../shared/orders/platformReport';
import type { PlatformLine } from '../../../../shared/orders/types';
import { openTestDb } from '../../../support/db';
import { skuShowArchive } from '../../../support/orderShow';
import { fixture, OPTS, skuShow } from '../../../support/orderFiles';

const window = showWindow(skuShow().report)!;
const info = { window, timeZone: OPTS.timeZone, file: 'x.csv', now: 1 };

function taken(name: string) {
  const read = csvRows(fixture(name));
  if ('error' in read) throw new Error(read.error);
  const job = new ImportJob();
  job.hold(read.rows);
  return job.take(OPTS, window)!;
}

/** Many distinct lines (several slices of 500) made from one real line. */
function many(line: PlatformLine, n: number): PlatformLine[] {
  return Array.from({ length: n }, (_, i) => ({
    ...line,
    key: `${line.key}-${i}`,
    orderId: `${line.orderId}${i}`,
  }));
}

async function withSavedImport() {
  const db = openTestDb();
  const imported = await importShowArchiveText(db, skuShowArchive());
  if (!imported.ok) throw new Error('archive refused');
  const showId = imported.showId;
  await commitLines(db, showId, taken('tiktok-us.csv'), info);
  const before = await loadPlatform(db, showId);
  expect(before.lines).toHaveLength(7);
  return { db, showId, before };
}

describe('an import that does not finish', () => {
  it('cancelled after its first slice was written: nothing of it is kept', async () => {
    const { db, showId, before } = await withSavedImport();
    const { format, lines } = taken('shopify.csv');
    let checks = 0;
    // Aborted as the second slice starts: the first 500 lines were already put.
    const signal = {
      throwIfAborted() {
        if (++checks > 1) throw new DOMException('The import was cancelled.', 'AbortError');
      },
    } as AbortSignal;
    await expect(
      commitLines(
        db,
        showId,
        { format, lines: many(lines[0]!, 1200), outside: 0 },
        {
          ...info,
          signal,
        },
      ),
    ).rejects.toThrow('cancelled');
    expect(checks).toBe(2);
    expect(await loadPlatform(db, showId)).toEqual(before);
  });

  it('aborted by the person before it starts: nothing written', async () => {
    const { db, showId, before } = await withSavedImport();
    const abort = new AbortController();
    abort.abort();
    await expect(
      commitLines(db, showId, taken('shopify.csv'), { ...info, signal: abort.signal }),
    ).rejects.toThrow();
    expect(await loadPlatform(db, showId)).toEqual(before);
  });

  it('failing in its third slice (storage refuses a line): nothing of it is kept', async () => {
    const { db, showId, before } = await withSavedImport();
    const { format, lines } = taken('shopify.csv');
    const all = many(lines[0]!, 1200);
    // A line storage cannot key (as a quota error or a broken disk would fail a write).
    (all[1100] as { key: unknown }).key = undefined;
    await expect(
      commitLines(db, showId, { format, lines: all, outside: 0 }, info),
    ).rejects.toThrow();
    expect(await loadPlatform(db, showId)).toEqual(before);
  });
});

describe('the same order in two different files', () => {
  it('a later export holding an order already imported (and a new one) adds only the new one', async () => {
    const { db, showId, before } = await withSavedImport();
    // A second export: the header, order …01 again, and a new order …09 (a copy of …01's row).
    const [head, description, first] = fixture('tiktok-us.csv').split('\r\n');
    const second = [
      head,
      description,
      first,
      first!.replace('576000000000000001', '576000000000000009'),
    ].join('\r\n');
    const read = csvRows(second);
    if ('error' in read) throw new Error(read.error);
    const job = new ImportJob();
    job.hold(read.rows);
    const outcome = await commitLines(db, showId, job.take(OPTS, window)!, info);
    expect(outcome).toMatchObject({ added: 1, changed: 0, unchanged: 1 });
    const after = await loadPlatform(db, showId);
    expect(after.lines).toHaveLength(before.lines.length + 1);
    expect(after.lines.filter((l) => l.orderId === '576000000000000001')).toHaveLength(1);
  });
});
