/**
 * Reads OBS's stream, record and render figures while the link is up, once per interval
 * (default 1 s: "a few times a second at most" costs OBS next to nothing, and the window
 * smooths it), and hands each evaluation on. The next read waits for the previous answer, so
 * a slow OBS is never asked twice at once.
 */
import {
  evaluateHealth,
  keepWindow,
  RecordStatusAnswer,
  StatsAnswer,
  StreamStatusAnswer,
  type Health,
  type HealthSample,
} from './health';
import type { ObsLink, Timers } from './types';
import { globalTimers } from './types';

/** OBS's answer that did not parse: which figures, where and what (OBS's field names). */
export interface HealthReadFault {
  figures: 'stream' | 'record' | 'stats';
  path: string;
  phrase: string;
}

export interface HealthPollerOptions {
  onHealth: (health: Health, sample: HealthSample) => void;
  /**
   * An answer OBS gave that does not parse: said once per kind of problem, in English and as
   * data (which answer, the field's path and the schema's phrase) for the producer's language.
   */
  onProblem?: (message: string, fault: HealthReadFault) => void;
  intervalMs?: number;
  now?: () => number;
  timers?: Timers;
}

export function createHealthPoller(link: ObsLink, options: HealthPollerOptions): () => void {
  const timers = options.timers ?? globalTimers;
  const now = options.now ?? (() => performance.now());
  const intervalMs = Math.max(250, options.intervalMs ?? 1_000);
  let samples: HealthSample[] = [];
  let timer: unknown;
  let closed = false;
  let busy = false;

  async function read(): Promise<void> {
    timer = undefined;
    if (busy || closed || link.status().state !== 'connected') return;
    busy = true;
    try {
      const [stream, record, stats] = await Promise.all([
        link.call('GetStreamStatus'),
        link.call('GetRecordStatus'),
        link.call('GetStats'),
      ]);
      const parsed = {
        stream: StreamStatusAnswer.safeParse(stream),
        record: RecordStatusAnswer.safeParse(record),
        stats: StatsAnswer.safeParse(stats),
      };
      if (parsed.stream.success && parsed.record.success && parsed.stats.success) {
        const sample = {
          at: now(),
          stream: parsed.stream.data,
          record: parsed.record.data,
          stats: parsed.stats.data,
        };
        samples = keepWindow(samples, sample);
        options.onHealth(evaluateHealth(samples), sample);
      } else {
        const [name, bad] = Object.entries(parsed).find(([, p]) => !p.success)!;
        const issue = bad.error?.issues[0];
        const fault = {
          figures: name as HealthReadFault['figures'],
          path: issue?.path.join('.') || 'answer',
          phrase: issue?.message ?? 'invalid',
        };
        options.onProblem?.(
          `OBS's ${name} figures could not be read (${fault.path}: ${fault.phrase}).`,
          fault,
        );
      }
    } catch {
      // The link dropped mid-read: onConnected starts again.
    }
    busy = false;
    if (!closed && link.status().state === 'connected')
      timer = timers.setTimeout(() => void read(), intervalMs);
  }

  const off = link.onConnected(() => {
    samples = []; // counters of a reconnected OBS may have restarted
    if (timer === undefined) void read(); // a read in flight carries on by itself
  });
  return () => {
    closed = true;
    off();
    if (timer !== undefined) timers.clearTimeout(timer);
  };
}
