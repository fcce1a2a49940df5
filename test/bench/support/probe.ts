/**
 * The bench's in-page instruments, installed with `page.addInitScript` before any of the
 * page's own code runs. They only observe: wrappers call straight through to the originals.
 *
 * Timestamps come from `new Event('x').timeStamp`: the browser's own monotonic clock,
 * relative to the page's time origin, which Playwright's fake clock (`page.clock`) does not
 * touch — so a page whose clock is faked is still timed truly. Pages are put on one time
 * base by `calibrate()` (support/clocks.ts).
 */
import type { Page } from '@playwright/test';

export interface Mark {
  /** Real monotonic ms since the page's time origin. */
  t: number;
  v: string;
}

export interface WatchSpec {
  name: string;
  /** The first element matching this selector is watched. */
  selector: string;
  /** Watch this attribute instead of the text. */
  attr?: string;
}

export interface ReadySpec {
  name: string;
  /** Every condition must hold: the element's text (or attribute) equals `value`. */
  all: Array<{ selector: string; attr?: string; value: string }>;
}

export interface ProbeConfig {
  watch?: WatchSpec[];
  /** Sets `ready[name]` the first time all conditions hold; `frame[name]` at the next frame. */
  ready?: ReadySpec[];
  /** Ready conditions read from sessionStorage 'bench-ready' (so they survive a reload). */
  readyFromSession?: boolean;
  /** Stamps every click the page receives (capture phase, before the app's handlers). */
  clicks?: boolean;
  /** Stamps view messages sent and received over BroadcastChannel and WebSocket, as `logSeq:n:dealRemainingMs`. */
  messages?: boolean;
  /** Stamps read-write IndexedDB transactions: 'idb:start' when opened, 'idb:done' when committed. */
  idb?: boolean;
  /** The controller's own stage stamps (shared/perf/trace.ts), recorded as 'trace:<stage>'. */
  trace?: boolean;
  /** Counts requestAnimationFrame, setTimeout and setInterval calls and callbacks. */
  timers?: boolean;
  /** Collects 'longtask' performance entries. */
  longtasks?: boolean;
}

export interface TimerCounts {
  raf: number;
  rafFired: number;
  timeout: number;
  timeoutFired: number;
  interval: number;
  intervalFired: number;
  mutations: number;
}

export interface BenchProbe {
  now(): number;
  marks: Record<string, Mark[]>;
  ready: Record<string, number>;
  frame: Record<string, number>;
  counts: TimerCounts;
  longtasks: Array<{ start: number; duration: number }>;
  /** Stamps `name` = `value` now (for code run by the bench itself); returns the time. */
  mark(name: string, value: string): number;
  /** Resolves with the time `name` first reads `value` (at once if it already did). */
  waitFor(name: string, value: string, timeoutMs?: number): Promise<number>;
  /** From now on, each `name` mark is also told to the bench through a binding (markTold). */
  tell(name: string): void;
  resetCounts(): void;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

/** The init script itself: self-contained, serialised into every page it is installed in. */
function install(config: ProbeConfig): void {
  const now = () => new Event('x').timeStamp;
  const marks: Record<string, Mark[]> = {};
  const waiters: Array<{ name: string; value: string; resolve: (t: number) => void }> = [];
  const told = new Set<string>();
  const counts: TimerCounts = {
    raf: 0,
    rafFired: 0,
    timeout: 0,
    timeoutFired: 0,
    interval: 0,
    intervalFired: 0,
    mutations: 0,
  };
  /** Counts stamped but not yet told apart (see countLater): made before marks are read. */
  let drainPending = () => {};
  const probe: BenchProbe = {
    now,
    get marks() {
      drainPending();
      return marks;
    },
    ready: {},
    frame: {},
    counts,
    longtasks: [],
    mark(name, value) {
      const t = now();
      record(name, value, t);
      return t;
    },
    waitFor(name, value, timeoutMs = 5000) {
      const hit = (marks[name] ?? []).find((m) => m.v === value);
      if (hit) return Promise.resolve(hit.t);
      return new Promise((resolve, reject) => {
        const waiter = { name, value, resolve };
        waiters.push(waiter);
        // The real timer, not the page's (possibly wrapped or faked) one.
        realSetTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) {
            waiters.splice(i, 1);
            const last = marks[name]?.at(-1)?.v ?? '(nothing)';
            reject(
              new Error(
                `${name} never read ${JSON.stringify(value)} within ${timeoutMs} ms (last: ${JSON.stringify(last)})`,
              ),
            );
          }
        }, timeoutMs);
      });
    },
    tell(name) {
      told.add(name);
    },
    resetCounts() {
      for (const key of Object.keys(counts) as Array<keyof TimerCounts>) counts[key] = 0;
    },
  };
  const realSetTimeout = window.setTimeout.bind(window);
  const realRaf = window.requestAnimationFrame.bind(window);
  Object.defineProperty(window, '__bench', { value: probe, enumerable: false });

  const record = (name: string, v: string, t = now()) => {
    (marks[name] ??= []).push({ t, v });
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.name === name && w.value === v) {
        waiters.splice(i, 1);
        w.resolve(t);
      }
    }
    if (told.has(name))
      (
        window as { __benchMarkSeen?: (name: string, v: string, t: number) => void }
      ).__benchMarkSeen?.(name, v, t);
  };

  const read = (selector: string, attr?: string): string | null => {
    const el = document.querySelector(selector);
    if (!el) return null;
    return attr ? el.getAttribute(attr) : (el.textContent ?? '').trim();
  };

  // --- DOM watches: one observer for everything, stamped in the mutation callback (a
  // microtask right after the DOM change, before the frame that paints it).
  const watches = config.watch ?? [];
  let readies = config.ready ?? [];
  if (config.readyFromSession) {
    try {
      readies = readies.concat(
        JSON.parse(sessionStorage.getItem('bench-ready') ?? '[]') as ReadySpec[],
      );
    } catch {
      // no conditions stored
    }
  }
  const last = new Map<string, string | null>();
  const check = () => {
    const t = now();
    for (const w of watches) {
      const v = read(w.selector, w.attr);
      if (v !== null && v !== last.get(w.name)) {
        last.set(w.name, v);
        record(w.name, v, t);
      }
    }
    for (const r of readies) {
      if (probe.ready[r.name] !== undefined) continue;
      if (r.all.every((c) => read(c.selector, c.attr) === c.value)) {
        probe.ready[r.name] = t;
        realRaf((frameTime) => {
          probe.frame[r.name] = Math.max(frameTime, t);
          // Tells the bench without it polling the page (see frameSeen below).
          (window as { __benchFrameSeen?: (name: string) => void }).__benchFrameSeen?.(r.name);
        });
      }
    }
  };
  if (watches.length || readies.length || config.timers) {
    new MutationObserver((list) => {
      counts.mutations += list.length;
      if (watches.length || readies.length) check();
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }

  if (config.clicks) {
    window.addEventListener('click', () => record('click', '', now()), { capture: true });
  }

  // --- View messages, by logSeq: when the controller hands one to a transport, when a page
  // gets one from a transport.
  if (config.messages) {
    // `logSeq:n:deal` names one send of one controller session (and carries the running
    // deal's remaining ms, for the countdown figure).
    const seqOf = (data: unknown): string | null => {
      if (typeof data === 'string') {
        if (!data.includes('"kind":"view"')) return null;
        const seq = /"logSeq":(\d+)/.exec(data)?.[1];
        const n = /"n":(\d+)/.exec(data)?.[1];
        const deal = /"deal":\{[^{}]*?"remainingMs":(\d+)/.exec(data)?.[1] ?? '';
        return seq && n ? `${seq}:${n}:${deal}` : null;
      }
      const m = data as {
        kind?: unknown;
        logSeq?: unknown;
        n?: unknown;
        view?: { deal?: { remainingMs?: number } | null };
      } | null;
      return m && m.kind === 'view' && typeof m.logSeq === 'number'
        ? `${m.logSeq}:${String(m.n)}:${m.view?.deal?.remainingMs ?? ''}`
        : null;
    };
    /** A message's kind (Flashcue's, or obs-websocket's op and request type) for the counts. */
    const kindOf = (data: unknown): string => {
      const text = typeof data === 'string' ? data : JSON.stringify(data ?? null);
      const kind = /"kind":"([^"]+)"/.exec(text)?.[1];
      const request = /"requestType":"([^"]+)"/.exec(text)?.[1];
      const op = /^\{"op":(\d+)/.exec(text)?.[1];
      return [op && `op${op}`, request, kind].filter(Boolean).join('/') || '?';
    };
    /**
     * Every message counted by kind, stamped now but told apart when the page is idle: the
     * serializing and matching stay out of the path a command's latency is measured on.
     */
    const pending: Array<() => void> = [];
    drainPending = () => pending.splice(0).forEach((count) => count());
    const countLater = (name: 'in' | 'out', where: () => string, data: unknown) => {
      const t = now();
      if (pending.push(() => record(name, `${where()}:${kindOf(data)}`, t)) === 1)
        requestIdleCallback(drainPending, { timeout: 500 });
    };
    const bcPost = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
      const seq = seqOf(message);
      if (seq !== null) record('send:bc', seq);
      bcPost.call(this, message);
      countLater('out', () => `bc:${this.name}`, message);
    };
    const wsSend = WebSocket.prototype.send;
    WebSocket.prototype.send = function (
      this: WebSocket,
      data: string | ArrayBufferLike | Blob | ArrayBufferView,
    ) {
      const seq = seqOf(data);
      if (seq !== null) record('send:ws', seq);
      wsSend.call(this, data as Parameters<WebSocket['send']>[0]);
      const url = () => new URL(this.url);
      countLater('out', () => `ws:${url().port}${url().pathname}`, data);
    };
    const NativeBC = window.BroadcastChannel;
    window.BroadcastChannel = class extends NativeBC {
      constructor(name: string) {
        super(name);
        this.addEventListener('message', (e) => {
          const seq = seqOf(e.data);
          if (seq !== null) record('recv:bc', seq);
        });
      }
    };
    const NativeWS = window.WebSocket;
    const WrappedWS = class extends NativeWS {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('message', (e) => {
          const seq = seqOf(e.data);
          if (seq !== null) record('recv:ws', seq);
          countLater('in', () => `ws:${new URL(this.url).port}`, e.data);
          // A command API message arriving (7-command-path): stamped by its id.
          const data = typeof e.data === 'string' ? e.data : '';
          if (data.includes('"kind":"command"')) {
            const id = /"id":"([^"]+)"/.exec(data)?.[1];
            if (id) record('recv:cmd', id);
          }
        });
      }
    };
    window.WebSocket = WrappedWS;
  }

  if (config.trace) {
    (window as { __flashcueTrace?: (stage: string) => void }).__flashcueTrace = (stage) =>
      record(`trace:${stage}`, '');
  }

  if (config.idb) {
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = open.apply(this, args);
      const stores = ([args[0]].flat() as string[]).join('+');
      if (args[1] === 'readwrite') {
        const id = String(Math.random());
        record('idb:start', id);
        record('idb:rw', stores);
        tx.addEventListener('complete', () => record('idb:done', id));
      } else record('idb:ro', stores); // a liveQuery re-run is a read-only transaction
      return tx;
    } as IDBDatabase['transaction'];
    // Every request placed on a store or an index (a count of the work each command does).
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as const) {
      for (const name of [
        'get',
        'getAll',
        'getAllKeys',
        'getKey',
        'count',
        'openCursor',
        'openKeyCursor',
        'add',
        'put',
        'delete',
      ] as const) {
        const method = (proto as unknown as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        (proto as unknown as Record<string, unknown>)[name] = function (
          this: unknown,
          ...a: unknown[]
        ) {
          record('idb:req', name);
          return (method as (...x: unknown[]) => unknown).apply(this, a);
        };
      }
    }
  }

  if (config.timers) {
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = function (cb: FrameRequestCallback) {
      counts.raf += 1;
      return raf.call(window, (t) => {
        counts.rafFired += 1;
        cb(t);
      });
    };
    type Timer = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
    const counted = (
      set: Timer,
      calls: 'timeout' | 'interval',
      fired: 'timeoutFired' | 'intervalFired',
    ): Timer =>
      function (handler, timeout, ...args) {
        counts[calls] += 1;
        const wrapped =
          typeof handler === 'function'
            ? (...a: unknown[]) => {
                counts[fired] += 1;
                (handler as (...x: unknown[]) => void)(...a);
              }
            : handler;
        return set.call(window, wrapped, timeout, ...args);
      };
    const w = window as unknown as { setTimeout: Timer; setInterval: Timer };
    w.setTimeout = counted(w.setTimeout, 'timeout', 'timeoutFired');
    w.setInterval = counted(w.setInterval, 'interval', 'intervalFired');
  }

  if (config.longtasks) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          probe.longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // longtask not supported: the figure then says so
    }
  }
}

/** Installs the probe in `page` (for this and every later navigation of it). */
export async function installProbe(page: Page, config: ProbeConfig = {}): Promise<void> {
  await page.addInitScript(install, config);
}

/** The bench's listeners of each page's `__benchFrameSeen` binding (one binding per page). */
const frameListeners = new WeakMap<Page, Set<(name: string) => void>>();

/**
 * Listens for the page's probe stamping the frame of a ready condition, told through a binding
 * the page calls: no DevTools evaluation runs in the page while it loads and draws
 * (waitForFunction would inject Playwright's script and poll each frame, 15–30 ms of the
 * page's main thread inside the first paint it measures). Call before the page navigates or
 * reloads (the binding outlives both); await what it returns afterwards.
 */
export async function frameSeen(
  page: Page,
  name: string,
  timeoutMs = 10_000,
): Promise<() => Promise<void>> {
  let listeners = frameListeners.get(page);
  if (!listeners) {
    const all = new Set<(name: string) => void>();
    frameListeners.set(page, (listeners = all));
    await page.exposeBinding('__benchFrameSeen', (_source, which: string) => {
      for (const listener of all) listener(which);
    });
  }
  let seen!: () => void;
  const done = new Promise<void>((resolve) => (seen = resolve));
  const listener = (which: string) => {
    if (which === name) seen();
  };
  listeners.add(listener);
  return async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the probe stamped no frame for ${name} in ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([done, late]);
    } finally {
      clearTimeout(timer);
      listeners.delete(listener);
    }
  };
}

/** The bench's side of each page's `__benchMarkSeen` binding: waiters and marks told, by key. */
interface Told {
  waiting: Map<string, (t: number) => void>;
  seen: Map<string, number>;
}
const toldByPage = new WeakMap<Page, Told>();

/**
 * Waits for `name` marks without a DevTools evaluation in flight while the path runs: the
 * page's probe tells this process of each mark through a binding, after stamping it. A
 * `waitFor` evaluation sent right after a command runs in this process, the browser process and
 * the page while the command's own path runs on the same two cores: 2–3 ms of CPU per sale in
 * this process alone (measured 5 Dec), inside the interval it times. Call again after the page
 * reloads (the binding outlives it, the probe's list of names does not).
 * Returns `expect(value)`: call it BEFORE what makes the mark, await its promise after.
 */
export async function markTold(
  page: Page,
  name: string,
): Promise<(value: string, timeoutMs?: number) => Promise<number>> {
  let told = toldByPage.get(page);
  if (!told) {
    const fresh: Told = { waiting: new Map(), seen: new Map() };
    toldByPage.set(page, (told = fresh));
    await page.exposeBinding('__benchMarkSeen', (_source, n: string, v: string, t: number) => {
      const key = `${n}\u0000${v}`;
      const resolve = fresh.waiting.get(key);
      if (resolve) {
        fresh.waiting.delete(key);
        resolve(t);
      } else fresh.seen.set(key, t);
    });
  }
  await page.evaluate((n) => window.__bench.tell(n), name);
  const state = told;
  state.seen.clear();
  return (value, timeoutMs = 5000) => {
    const key = `${name}\u0000${value}`;
    const already = state.seen.get(key);
    if (already !== undefined) {
      state.seen.delete(key);
      return Promise.resolve(already);
    }
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        state.waiting.delete(key);
        reject(new Error(`${name} was never told ${JSON.stringify(value)} in ${timeoutMs} ms`));
      }, timeoutMs);
      state.waiting.set(key, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  };
}
