/**
 * CPU time per process, from Linux's /proc: what each part of the bench's machine spent while a
 * block of commands ran (figure 7's "CPU per sale"). Latency on two cores is set less by any one
 * thread than by all of them at once: the controller's renderer, the preview's, the GPU process
 * compositing their frames, the browser process (IndexedDB, IPC), the network service, OBS, and
 * the bench itself. Only processes started under this one (Playwright's browser, OBS) count.
 * Elsewhere (no /proc) every reading is null and the figure says so.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** CPU ms so far (user + system) per pid, with its kind. */
export type CpuReading = Map<number, { kind: string; ms: number }>;

/** Clock ticks per second: 100 on every Linux this runs on (getconf CLK_TCK). */
const TICK_MS = 10;

export function readCpu(root = process.pid): CpuReading | null {
  if (!existsSync('/proc/self/stat')) return null;
  const all = new Map<number, { ppid: number; cmd: string; ms: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state ppid … utime(12th) stime(13th).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.set(Number(name), {
        ppid: Number(f[1]),
        cmd,
        ms: (Number(f[11]) + Number(f[12])) * TICK_MS,
      });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const under = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 32; hops++) {
      if (p === root) return true;
      p = all.get(p)?.ppid ?? 0;
    }
    return false;
  };
  const out: CpuReading = new Map();
  for (const [pid, { cmd, ms }] of all) {
    if (pid !== root && !under(pid)) continue;
    out.set(pid, { kind: kindOf(pid, root, cmd), ms });
  }
  return out;
}

function kindOf(pid: number, root: number, cmd: string): string {
  if (pid === root) return 'bench';
  if (/chrom/i.test(cmd)) {
    const type = /--type=([\w-]+)/.exec(cmd)?.[1];
    if (!type) return 'browser';
    if (type === 'gpu-process') return 'gpu';
    if (type === 'utility') return 'network';
    return type; // renderer, zygote, …
  }
  if (/\bobs\b/.test(cmd)) return 'obs';
  if (/Xvfb/.test(cmd)) return 'xvfb';
  return 'other';
}

/** CPU ms spent between two readings, by role: a renderer named in `renderers` (pid → role)
 * counts under its role, every other renderer under `others`. */
function spentByRole(
  before: CpuReading,
  after: CpuReading,
  renderers: Map<number, string>,
  others: string,
): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [pid, { kind, ms }] of after) {
    const spent = ms - (before.get(pid)?.ms ?? 0);
    if (spent <= 0) continue;
    const role = kind === 'renderer' ? (renderers.get(pid) ?? others) : kind;
    sums[role] = (sums[role] ?? 0) + spent;
  }
  return sums;
}

export const cpuTotal = (perSale: Record<string, number>): number =>
  Math.round(Object.values(perSale).reduce((a, b) => a + b, 0) * 10) / 10;

export const cpuLine = (perSale: Record<string, number> | null): string =>
  perSale
    ? `${Object.entries(perSale)
        .filter(([, v]) => v >= 0.05)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; total ${cpuTotal(perSale)}`
    : 'not measured (no /proc)';

/**
 * Which renderer process runs `target`'s page: the one whose CPU moves while the page spins its
 * main thread for 400 ms (Chromium gives no page → pid map to a client).
 */
export async function rendererOf(target: {
  evaluate(fn: () => void): Promise<unknown>;
}): Promise<number | null> {
  const before = readCpu();
  if (!before) return null;
  await target.evaluate(() => {
    const t = performance.now();
    while (performance.now() - t < 400);
  });
  const after = readCpu()!;
  const spent = [...after]
    .filter(([, { kind }]) => kind === 'renderer')
    .map(([pid, { ms }]) => [pid, ms - (before.get(pid)?.ms ?? 0)] as const)
    .sort((a, b) => b[1] - a[1]);
  // On a loaded machine the spin gets less than its 400 ms of CPU: the spinner is the renderer
  // that clearly got the most.
  const [first, second] = spent;
  return first && first[1] >= 100 && first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : null;
}

/** Which renderer is whose, by role (empty where there is no /proc). */
export async function namedRenderers(
  pages: ReadonlyArray<readonly [{ evaluate(fn: () => void): Promise<unknown> }, string]>,
): Promise<Map<number, string>> {
  const renderers = new Map<number, string>();
  for (const [page, role] of pages) {
    const pid = await rendererOf(page);
    if (pid !== null) renderers.set(pid, role);
  }
  return renderers;
}

/** CPU per process over each path's sales, summed over its blocks, then per sale. */
export function cpuTally(renderers: Map<number, string>) {
  const spent = new Map<string, { ms: Record<string, number>; sales: number }>();
  return {
    /** Hooks for measurePath's `around`: readings taken just around the sales of one block. */
    of(id: string, sales: number): { start(): void; end(): void } {
      let before: CpuReading | null = null;
      return {
        start: () => (before = readCpu()),
        end: () => {
          const after = readCpu();
          if (!before || !after) return;
          const block = spentByRole(before, after, renderers, 'preview + other renderers');
          const acc = spent.get(id) ?? { ms: {}, sales: 0 };
          for (const [role, ms] of Object.entries(block)) acc.ms[role] = (acc.ms[role] ?? 0) + ms;
          acc.sales += sales;
          spent.set(id, acc);
        },
      };
    },
    /** ms per sale by role, largest first; null where there is no /proc. */
    perSale(id: string): Record<string, number> | null {
      const acc = spent.get(id);
      if (!acc) return null;
      const out: Record<string, number> = {};
      for (const [role, ms] of Object.entries(acc.ms).sort((a, b) => b[1] - a[1]))
        out[role] = Math.round((ms / acc.sales) * 100) / 100;
      return out;
    },
  };
}
