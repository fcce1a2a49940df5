import type { ObsStatus } from '../../shared/obs/connection';

/** Status as one line a producer understands at a glance. */
export function obsStatusText(status: ObsStatus): string {
  switch (status.state) {
    case 'idle':
      return 'OBS not connected';
    case 'connecting':
      return status.attempt > 1
        ? `Connecting to OBS (try ${status.attempt})…`
        : 'Connecting to OBS…';
    case 'connected':
      return `OBS connected (OBS ${status.obsVersion}, websocket ${status.wsVersion})`;
    case 'retrying':
      return `OBS offline — retrying in ${Math.max(1, Math.ceil(status.inMs / 1000))} s: ${status.reason}`;
    case 'failed':
      return `OBS: ${status.reason}`;
  }
}
