import type { ObsStatus } from '../../shared/obs/connection';
import * as m from '../i18n/paraglide/messages.js';
import { causeText } from './obsWords';

/**
 * Status as one line a producer understands at a glance, in the controller's language, the
 * reason after a failure too (shared/obs/policy.ts's cause, worded by obsWords.ts).
 */
export function obsStatusText(status: ObsStatus): string {
  switch (status.state) {
    case 'idle':
      return m.obs_not_connected();
    case 'connecting':
      return status.attempt > 1
        ? m.obs_connecting_try({ attempt: status.attempt })
        : m.obs_connecting();
    case 'connected':
      return m.obs_connected({ obs: status.obsVersion, ws: status.wsVersion });
    case 'retrying':
      return m.obs_retrying({
        seconds: Math.max(1, Math.ceil(status.inMs / 1000)),
        reason: causeText(status.cause),
      });
    case 'failed':
      return m.obs_failed({ reason: causeText(status.cause) });
  }
}
