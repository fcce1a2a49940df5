/**
 * What the controller's main thread was doing while a command was on its way in (issue 13 §3,
 * "hop in"): Chromium's own trace over one block of 7a, read back here. For each command, the
 * window from its send (bench clock, mapped onto the page's) to the controller's receipt of it;
 * every top-level task of the controller's renderer main thread that overlaps the window is
 * charged to what it mostly did (its longest direct child: an event dispatch by type, a timer,
 * an animation frame, style/layout/paint, GC, a script by file). The trace costs time itself,
 * so this block is printed apart and counted in no figure.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: Record<string, unknown> };
}

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink.console',
];

/** Marks the page's clock in the trace: returns the page time stamped with `label`. */
export function alignMark(page: Page, label: string): Promise<number> {
  return page.evaluate((label) => {
    const t = window.__bench.now();
    console.timeStamp(label);
    return t;
  }, label);
}

const GENERIC = /mojo|SimpleWatcher|RunTask|ThreadController|MessagePipe|ChannelMojo|IPC/i;

const isTask = (e: TraceEvent) =>
  e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');

function labelOf(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'EventDispatch') return `event:${typeof d.type === 'string' ? d.type : '?'}`;
  if (e.name === 'FunctionCall') {
    const url = typeof d.url === 'string' ? d.url : '';
    return `script:${url.split('/').pop()?.split('?')[0] || '?'}`;
  }
  return e.name;
}

export interface HopTraceSummary {
  /** Commands whose window overlapped a busy main thread. */
  busyShare: number;
  /** Mean main-thread time inside a window, and in the slowest tenth of the hops. */
  meanBusyMs: number;
  slowTenthBusyMs: number;
  /** ms per command by what the overlapping tasks did, all windows / the slowest tenth. */
  byKind: Record<string, number>;
  slowTenthByKind: Record<string, number>;
}

/**
 * `windows` are [send, receipt] pairs on the page's clock; `align` the page time stamped with
 * `label` (alignMark) just before the trace was stopped.
 */
export async function readHopTrace(
  browser: Browser,
  label: string,
  align: number,
  windows: Array<[number, number]>,
): Promise<HopTraceSummary> {
  const raw = JSON.parse((await browser.stopTracing()).toString('utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const mark = events.find(
    (e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string })?.message === label,
  );
  if (!mark) throw new Error('the alignment mark is not in the trace');
  const toTrace = (t: number) => mark.ts + (t - align) * 1000;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X');
  const tasks = main.filter(isTask).sort((a, b) => a.ts - b.ts);
  const children = main.filter((e) => !isTask(e));
  const kindOf = (task: TraceEvent) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = children.filter((c) => c.ts >= task.ts && c.ts < end);
    // Direct children: not inside another child of the same task.
    const direct = inside.filter(
      (c) =>
        !inside.some(
          (p) =>
            p !== c &&
            p.ts <= c.ts &&
            p.ts + (p.dur ?? 0) >= c.ts + (c.dur ?? 0) &&
            (p.dur ?? 0) > (c.dur ?? 0),
        ),
    );
    let top = direct.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    // Through the scheduler's wrappers (an IPC message, a handle watcher) to the work itself.
    while (top && GENERIC.test(top.name)) {
      const within = inside.filter(
        (c) => c !== top && c.ts >= top!.ts && c.ts + (c.dur ?? 0) <= top!.ts + (top!.dur ?? 0),
      );
      const next = within.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
      if (!next) break;
      top = next;
    }
    return top ? labelOf(top) : 'other';
  };
  const perWindow = windows.map(([from, to]) => {
    const a = toTrace(from);
    const b = toTrace(to);
    const kinds: Record<string, number> = {};
    let busy = 0;
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      if (end <= a || task.ts >= b) continue;
      const overlap = Math.max(0, Math.min(end, b) - Math.max(task.ts, a)) / 1000;
      busy += overlap;
      const kind = kindOf(task);
      kinds[kind] = (kinds[kind] ?? 0) + overlap;
    }
    return { hop: to - from, busy, kinds };
  });
  const sum = (list: typeof perWindow) => {
    const out: Record<string, number> = {};
    for (const w of list)
      for (const [k, v] of Object.entries(w.kinds)) out[k] = (out[k] ?? 0) + v / list.length;
    return Object.fromEntries(
      Object.entries(out)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 8)
        .map(([k, v]) => [k, Math.round(v * 100) / 100]),
    );
  };
  const slow = [...perWindow]
    .sort((x, y) => y.hop - x.hop)
    .slice(0, Math.max(1, windows.length / 10));
  const mean = (list: typeof perWindow) =>
    Math.round((list.reduce((s, w) => s + w.busy, 0) / list.length) * 100) / 100;
  return {
    busyShare:
      Math.round((perWindow.filter((w) => w.busy > 0).length / windows.length) * 100) / 100,
    meanBusyMs: mean(perWindow),
    slowTenthBusyMs: mean(slow),
    byKind: sum(perWindow),
    slowTenthByKind: sum(slow),
  };
}
