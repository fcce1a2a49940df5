/**
 * The page's side of the import worker (import.worker.ts): one request at a time per kind of
 * answer, each answer checked with zod (shared/orders/importProtocol.ts) before it is used.
 * Cancelling ends the worker itself — a parse in progress cannot be interrupted any other
 * way — and the next request starts a fresh one. Created once per Report screen section.
 */
import {
  WorkerReplySchema,
  type Preview,
  type WorkerReply,
  type WorkerRequest,
} from '../../../shared/orders/importProtocol';
import type { ExportOptions } from '../../../shared/orders/parse';
import type { PlatformReport } from '../../../shared/orders/platformReport';
import type { Window } from '../../../shared/orders/reconcile';
import type { CommitOutcome } from './orderImport';

type Answer = Exclude<WorkerReply, { kind: 'progress' }>;
/** A request before it gets its id (distributed over the union, so each kind keeps its fields). */
type Unsent<R = WorkerRequest> = R extends WorkerRequest ? Omit<R, 'id'> : never;

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  progress?: (fraction: number) => void;
}

/** The sentence of a cancelled request: the caller tells it from a failure by this class. */
export class ImportCancelled extends Error {}

/** The worker's refusal: its English sentence, and its code + values for the page's words. */
export class OrderImportError extends Error {
  readonly code: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(reply: { message: string; code?: string; params?: Record<string, string | number> }) {
    super(reply.message);
    this.code = reply.code;
    this.params = reply.params;
  }
}

export class ImportWorker {
  #worker: Worker | null = null;
  #next = 1;
  #pending = new Map<number, Pending>();

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<unknown>) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#failAll(`The import worker stopped: ${event.message || 'it could not start'}.`);
    };
    this.#worker = worker;
    return worker;
  }

  #receive(data: unknown) {
    const checked = WorkerReplySchema.safeParse(data);
    if (!checked.success) {
      this.#failAll('The import worker answered something unreadable.');
      return;
    }
    const reply = checked.data;
    const pending = this.#pending.get(reply.id);
    if (!pending) return; // a cancelled request's late answer
    if (reply.kind === 'progress') {
      pending.progress?.(reply.fraction);
      return;
    }
    this.#pending.delete(reply.id);
    pending.resolve(reply);
  }

  #failAll(message: string) {
    const all = [...this.#pending.entries()];
    this.#pending.clear();
    this.#worker?.terminate();
    this.#worker = null;
    for (const [id, p] of all) p.resolve({ kind: 'error', id, message });
  }

  #ask(request: Unsent, progress?: (fraction: number) => void): Promise<Answer> {
    const worker = this.#start();
    const id = this.#next++;
    return new Promise<Answer>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, ...(progress ? { progress } : {}) });
      worker.postMessage({ ...request, id });
    });
  }

  /** Ends whatever runs: every pending request rejects with ImportCancelled. */
  cancel() {
    const all = [...this.#pending.values()];
    this.#pending.clear();
    this.#worker?.terminate();
    this.#worker = null;
    for (const p of all) p.reject(new ImportCancelled('cancelled'));
  }

  async #expect<K extends Answer['kind']>(
    answer: Promise<Answer>,
    kind: K,
  ): Promise<Extract<Answer, { kind: K }>> {
    const a = await answer;
    if (a.kind === 'error') throw new OrderImportError(a);
    if (a.kind !== kind) throw new Error(`The import worker answered ${a.kind}, not ${kind}.`);
    return a as Extract<Answer, { kind: K }>;
  }

  /** A picked file into the worker; its row count, or the reason it cannot be read. */
  async read(file: Blob, progress: (fraction: number) => void): Promise<number> {
    return (await this.#expect(this.#ask({ kind: 'read', file }, progress), 'read')).rows;
  }

  async readPayload(payload: { text?: string; base64?: string }): Promise<number> {
    return (await this.#expect(this.#ask({ kind: 'readPayload', ...payload }), 'read')).rows;
  }

  async preview(options: ExportOptions, window: Window | null): Promise<Preview> {
    const { dayOrder: _d, ...rest } = options;
    return (await this.#expect(this.#ask({ kind: 'preview', options: rest, window }), 'preview'))
      .preview;
  }

  /** Stores the kept lines in the worker; `abort()` rolls the transaction back. */
  store(
    request: Omit<Extract<Unsent, { kind: 'store' }>, 'kind' | 'options'> & {
      options: ExportOptions;
    },
  ): { done: Promise<CommitOutcome>; abort: () => void } {
    const { dayOrder: _d, ...options } = request.options;
    const id = this.#next;
    const done = this.#expect(this.#ask({ ...request, kind: 'store', options }), 'stored');
    return {
      done: done.then((a) => a.outcome),
      abort: () => this.#worker?.postMessage({ kind: 'abort', id } satisfies WorkerRequest),
    };
  }

  async reconcile(
    request: Omit<Extract<Unsent, { kind: 'reconcile' }>, 'kind'>,
  ): Promise<{ report: PlatformReport | null; lineCount: number }> {
    const a = await this.#expect(this.#ask({ ...request, kind: 'reconcile' }), 'report');
    return { report: a.report, lineCount: a.lineCount };
  }

  async csv(showId: string, currency: string, timeZone: string): Promise<string> {
    return (await this.#expect(this.#ask({ kind: 'csv', showId, currency, timeZone }), 'csv')).text;
  }

  /** Lets go of the file's rows in the worker (they can be tens of megabytes). */
  forget() {
    this.#worker?.postMessage({ kind: 'forget', id: 0 } satisfies WorkerRequest);
  }

  dispose() {
    this.cancel();
  }
}
