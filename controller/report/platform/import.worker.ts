/**
 * The import worker: reads and parses a platform's order export, sums the preview, stores the
 * lines and reconciles a show with its stored orders — all the work that held the Report
 * screen for half a second and more on a 20,000-line export. It stores on its own connection
 * to the app's IndexedDB, in one transaction (all or nothing; `abort` rolls it back between
 * slices), so the lines never cross to the page; the page's live queries hear the change
 * through Dexie's own cross-context channel. It holds one file's rows at a time. Every request
 * is checked (importProtocol.ts); one that fails is answered with a sentence, never silence.
 */
import '../../app/zodConfig'; // first: a worker is an entry of its own (no eval probe under the CSP)
import {
  WorkerRequestSchema,
  type WorkerReply,
  type WorkerRequest,
} from '../../../shared/orders/importProtocol';
import { ImportJob, reconcileShow } from '../../../shared/orders/importJob';
import { platformOrdersCsv } from '../../../shared/orders/csv';
import type { PlatformReport } from '../../../shared/orders/platformReport';
import { FlashcueDb } from '../../db/db';
import { loadPlatform, rememberedAssignments } from '../../db/platformOrders';
import { commitLines } from './orderImport';
import { readExportFile, rowsFromPayload } from './readExport';

// The project's types are the page's (lib "DOM"); a worker's scope is typed here by the
// two members it uses rather than by mixing lib "WebWorker" into every file.
const scope = self as unknown as {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

const job = new ImportJob();
const reply = (message: WorkerReply) => scope.postMessage(message);
/** The worker's own connection to the app's database (the page names it). */
let connection: FlashcueDb | null = null;
const database = (name: string) => {
  if (connection?.name !== name) connection = new FlashcueDb(name);
  return connection;
};
/** Stores in progress, by request id: `abort` rolls one back between its slices. */
const storing = new Map<number, AbortController>();
/** The last reconciled show, its attributed lines kept here for the CSV. */
let last: { showId: string; report: PlatformReport } | null = null;

/** Each error carries a code (controller message `ord_<code>`) so the page words it. */
const NO_FILE = (id: number) =>
  ({ kind: 'error', id, message: 'No file is open.', code: 'no_file' }) as const;

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request;
  switch (request.kind) {
    case 'read':
    case 'readPayload': {
      job.forget();
      const read =
        request.kind === 'read'
          ? await readExportFile(request.file, (fraction) =>
              reply({ kind: 'progress', id, fraction }),
            )
          : await rowsFromPayload(request);
      if ('error' in read) {
        const problem = 'problem' in read ? read.problem : undefined;
        return reply({ kind: 'error', id, message: read.error, ...(problem ?? {}) });
      }
      job.hold(read.rows);
      return reply({ kind: 'read', id, rows: read.rows.length });
    }
    case 'preview': {
      const preview = job.preview(request.options, request.window);
      if (!preview) return reply(NO_FILE(id));
      return reply({ kind: 'preview', id, preview });
    }
    case 'store': {
      const taken = job.take(request.options, request.window);
      if (!taken) return reply(NO_FILE(id));
      const abort = new AbortController();
      storing.set(id, abort);
      try {
        const outcome = await commitLines(database(request.db), request.showId, taken, {
          window: request.window,
          timeZone: request.timeZone,
          file: request.file,
          now: request.now,
          signal: abort.signal,
        });
        job.forget();
        return reply({ kind: 'stored', id, outcome });
      } finally {
        storing.delete(id);
      }
    }
    case 'abort':
      storing.get(id)?.abort();
      return;
    case 'reconcile': {
      const db = database(request.db);
      const [stored, remembered] = await Promise.all([
        loadPlatform(db, request.showId),
        rememberedAssignments(db),
      ]);
      const report = reconcileShow({
        ...request,
        lines: stored.lines,
        meta: stored.meta,
        remembered: [...remembered],
      });
      if (typeof report === 'string') return reply({ kind: 'error', id, message: report });
      last = report ? { showId: request.showId, report } : null;
      const lineCount = report?.lines.length ?? 0;
      return reply({ kind: 'report', id, lineCount, report: report && { ...report, lines: [] } });
    }
    case 'csv': {
      if (last?.showId !== request.showId)
        return reply({
          kind: 'error',
          id,
          message: 'The orders are not reconciled yet.',
          code: 'not_reconciled',
        });
      const text = platformOrdersCsv(last.report.lines, request.currency, request.timeZone);
      return reply({ kind: 'csv', id, text });
    }
    case 'forget':
      job.forget();
  }
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  const checked = WorkerRequestSchema.safeParse(event.data);
  if (!checked.success) {
    const id = (event.data as { id?: unknown } | null)?.id;
    reply({
      kind: 'error',
      id: typeof id === 'number' && id >= 0 ? id : 0,
      message: `The import worker could not read the request: ${checked.error.issues[0]?.message ?? 'unknown'}`,
      code: 'bad_request',
      params: { reason: checked.error.issues[0]?.message ?? '?' },
    });
    return;
  }
  handle(checked.data).catch((error: unknown) =>
    reply({
      kind: 'error',
      id: checked.data.id,
      message: `The import failed: ${error instanceof Error ? error.message : String(error)}`,
      code: 'failed',
      params: { reason: error instanceof Error ? error.message : String(error) },
    }),
  );
};
