/**
 * The import worker: reads and parses a platform's order export, sums the preview, hands over
 * the lines to store and reconciles a show with its stored orders — all the work that held the
 * Report screen for half a second and more on a 20,000-line export. It holds one file's rows
 * at a time; the page stores (in one IndexedDB transaction, so an import is all or nothing)
 * and cancels by ending the worker. Every request is checked (importProtocol.ts); a request
 * that fails is answered with a sentence, never with silence.
 */
import '../../app/zodConfig'; // first: a worker is an entry of its own (no eval probe under the CSP)
import {
  WorkerRequestSchema,
  type WorkerReply,
  type WorkerRequest,
} from '../../../shared/orders/importProtocol';
import { ImportJob, reconcileShow } from '../../../shared/orders/importJob';
import { readExportFile, rowsFromPayload } from './readExport';

// The project's types are the page's (lib "DOM"); a worker's scope is typed here by the
// two members it uses rather than by mixing lib "WebWorker" into every file.
const scope = self as unknown as {
  postMessage(message: WorkerReply): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

const job = new ImportJob();
const reply = (message: WorkerReply) => scope.postMessage(message);

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
      if ('error' in read) return reply({ kind: 'error', id, message: read.error });
      job.hold(read.rows);
      return reply({ kind: 'read', id, rows: read.rows.length });
    }
    case 'preview': {
      const preview = job.preview(request.options, request.window);
      if (!preview) return reply({ kind: 'error', id, message: 'No file is open.' });
      return reply({ kind: 'preview', id, preview });
    }
    case 'take': {
      const taken = job.take(request.options, request.window);
      if (!taken) return reply({ kind: 'error', id, message: 'No file is open.' });
      return reply({ kind: 'lines', id, ...taken });
    }
    case 'reconcile': {
      const report = reconcileShow(request);
      if (typeof report === 'string') return reply({ kind: 'error', id, message: report });
      return reply({ kind: 'report', id, report });
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
    });
    return;
  }
  handle(checked.data).catch((error: unknown) =>
    reply({
      kind: 'error',
      id: checked.data.id,
      message: `The import failed: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
};
