import { describe, expect, it } from 'vitest';
import { ImportJob, reconcileShow } from '../../../../shared/orders/importJob';
import { WorkerReplySchema, WorkerRequestSchema } from '../../../../shared/orders/importProtocol';
import { csvRows } from '../../../../shared/orders/parse';
import { platformReport, showWindow } from '../../../../shared/orders/platformReport';
import { replay } from '../../../../shared/show';
import { fixture, OPTS, skuShow } from '../../../support/orderFiles';

const rows = (name: string) => {
  const read = csvRows(fixture(name));
  if ('error' in read) throw new Error(read.error);
  return read.rows;
};

describe('the import worker’s job', () => {
  const { report } = skuShow();
  const window = showWindow(report)!;

  it('previews the in-window sums the Report screen shows, and says which columns it left out', () => {
    const job = new ImportJob();
    expect(job.preview(OPTS, window)).toBeNull();
    job.hold(rows('tiktok-us.csv'));
    const preview = job.preview(OPTS, window);
    expect(preview).toMatchObject({
      ok: true,
      format: 'tiktok',
      lines: 8,
      kept: 7,
      figures: { orders: 5, units: 12, gmv: 150800 },
      warningCount: 2,
    });
    if (!preview?.ok) throw new Error('not parsed');
    expect(preview.ignoredColumns).toContain('Checked Status');
    // No window (a show that never ran): the lines, nothing kept.
    expect(job.preview(OPTS, null)).toMatchObject({ ok: true, lines: 8, kept: 0 });
  });

  it('hands over only the lines in the window; a file of neither platform is refused, located', () => {
    const job = new ImportJob();
    job.hold(rows('tiktok-us.csv'));
    const taken = job.take(OPTS, window)!;
    expect(taken.format).toBe('tiktok');
    expect(taken.lines).toHaveLength(7);
    expect(taken.outside).toBe(1);
    expect(taken.lines.every((l) => l.placedAt >= window.from && l.placedAt <= window.to)).toBe(
      true,
    );
    job.hold([
      ['Foo', 'Bar'],
      ['1', '2'],
    ]);
    expect(job.take(OPTS, window)).toBeNull();
    expect(job.preview(OPTS, window)).toMatchObject({
      ok: false,
      errors: [{ row: 1, message: expect.stringContaining('neither a TikTok Shop') }],
    });
    job.forget();
    expect(job.holding).toBe(false);
  });

  it('reconciles from the show’s own log exactly as the page did on its own thread', () => {
    const { sheet, events, report } = skuShow();
    const job = new ImportJob();
    job.hold(rows('tiktok-us.csv'));
    const lines = job.take(OPTS, window)!.lines;
    const meta = { window, timeZone: OPTS.timeZone, imports: [], summary: null };
    const inWorker = reconcileShow({
      sheet,
      events,
      now: report.show.asOf,
      lines,
      meta,
      remembered: [],
    });
    const onPage = platformReport(
      report,
      sheet.products,
      lines,
      meta,
      new Map(),
      replay(sheet, events, report.show.asOf).context,
    );
    expect(inWorker).toEqual(onPage);
    expect(inWorker).toMatchObject({ totals: { orders: 5, units: 12, gmv: 150800 } });
    expect(reconcileShow({ sheet: { nope: 1 }, events, now: 0, lines, meta, remembered: [] })).toBe(
      'The show’s run sheet could not be read for the reconciliation.',
    );
  });
});

describe('the messages between the page and the worker', () => {
  const window = { from: 10, to: 20 };
  const options = { currency: 'CNY', timeZone: 'Asia/Shanghai' };
  const store = {
    kind: 'store',
    id: 1,
    db: 'flashcue',
    showId: 'show-1',
    options,
    window,
    timeZone: 'Asia/Shanghai',
    file: 'orders.csv',
    now: 5,
  };

  it('a request is checked: an unknown kind, a window that ends before it starts, a file that is not one', () => {
    expect(WorkerRequestSchema.safeParse(store).success).toBe(true);
    expect(WorkerRequestSchema.safeParse({ kind: 'eval', id: 1 }).success).toBe(false);
    expect(WorkerRequestSchema.safeParse({ ...store, window: { from: 20, to: 10 } }).success).toBe(
      false,
    );
    expect(WorkerRequestSchema.safeParse({ ...store, showId: '' }).success).toBe(false);
    expect(WorkerRequestSchema.safeParse({ kind: 'read', id: 2, file: 'x.csv' }).success).toBe(
      false,
    );
    expect(
      WorkerRequestSchema.safeParse({ kind: 'read', id: 2, file: new Blob(['a']) }).success,
    ).toBe(true);
  });

  it('an answer is checked before the page uses it', () => {
    const outcome = {
      format: 'tiktok',
      inWindow: 7,
      outside: 1,
      added: 7,
      changed: 0,
      unchanged: 0,
    };
    expect(WorkerReplySchema.safeParse({ kind: 'stored', id: 3, outcome }).success).toBe(true);
    expect(
      WorkerReplySchema.safeParse({ kind: 'stored', id: 3, outcome: { ...outcome, added: -1 } })
        .success,
    ).toBe(false);
    const totals = { orders: 1, units: 1, gmv: 100 };
    expect(
      WorkerReplySchema.safeParse({
        kind: 'report',
        id: 4,
        lineCount: 0,
        report: { lines: [], totals },
      }).success,
    ).toBe(true);
    expect(
      WorkerReplySchema.safeParse({
        kind: 'report',
        id: 4,
        lineCount: 0,
        report: { lines: 'x', totals },
      }).success,
    ).toBe(false);
    expect(WorkerReplySchema.safeParse({ kind: 'progress', id: 5, fraction: 2 }).success).toBe(
      false,
    );
  });
});
