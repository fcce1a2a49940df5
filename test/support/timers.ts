// Shared test helpers: timers that can be counted (close() must leave none) or sped up, and
// polling for a condition reached over a real socket.
import type { ObsStatus, Timers } from '../../shared/obs/types';

/** Real timers, counted; `scale` divides every delay (a 30 s backoff runs in 30 ms at 1000). */
export function countingTimers(scale = 1) {
  const active = new Set<unknown>();
  const requested: number[] = [];
  const timers: Timers = {
    setTimeout(fn, ms) {
      requested.push(ms);
      const handle = setTimeout(() => {
        active.delete(handle);
        fn();
      }, ms / scale);
      active.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      active.delete(handle);
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
  return {
    timers,
    requested,
    get active() {
      return active.size;
    },
  };
}

export async function waitFor<T>(
  probe: () => T | undefined | false,
  timeoutMs = 2_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function statusLog(link: { onStatus(listener: (status: ObsStatus) => void): () => void }) {
  const log: ObsStatus[] = [];
  link.onStatus((status) => log.push(status));
  return log;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
