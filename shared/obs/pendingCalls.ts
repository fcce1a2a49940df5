/**
 * Calls in flight, each with a timeout, so that a closing socket can reject them all:
 * obs-websocket-js leaves them unsettled forever. Also retries request status 207 (OBS not
 * ready yet) within the same timeout.
 */
import { OBSWebSocketError } from 'obs-websocket-js/json';
import { ObsCallError } from './callError';
import { STATUS, type ObsCause } from './policy';
import type { Timers } from './types';

export interface PendingCalls {
  /** `run` sends the request; called again after a 207 when `retryNotReady`. */
  track<T>(
    requestType: string,
    timeoutMs: number,
    retryNotReady: boolean,
    run: () => Promise<T>,
  ): Promise<T>;
  /** Rejects every call still waiting, with the reason the link went away. */
  rejectAll(reason: string, cause?: ObsCause): void;
  readonly size: number;
}

export function createPendingCalls(options: {
  timers: Timers;
  notReadyRetryMs: number;
  onAnswer: () => void;
}): PendingCalls {
  const { timers } = options;
  const pending = new Set<(reason: string, cause?: ObsCause) => void>();

  function track<T>(
    requestType: string,
    timeoutMs: number,
    retryNotReady: boolean,
    run: () => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      let wait: unknown;
      const finish = () => {
        done = true;
        pending.delete(closed);
        timers.clearTimeout(timeout);
        if (wait !== undefined) timers.clearTimeout(wait);
      };
      const fail = (error: ObsCallError) => {
        if (done) return;
        finish();
        reject(error);
      };
      const closed = (reason: string, cause?: ObsCause) =>
        fail(
          new ObsCallError(
            'closed',
            requestType,
            `OBS connection closed before ${requestType} was answered: ${reason}`,
            undefined,
            cause ? { cause } : {},
          ),
        );
      const timeout = timers.setTimeout(
        () =>
          fail(
            new ObsCallError(
              'timeout',
              requestType,
              `OBS did not answer ${requestType} within ${timeoutMs} ms.`,
              undefined,
              { timeoutMs },
            ),
          ),
        timeoutMs,
      );
      pending.add(closed);
      const go = () => {
        run().then(
          (value) => {
            if (done) return;
            finish();
            options.onAnswer();
            resolve(value);
          },
          (error: unknown) => {
            if (done) return;
            // obs-websocket-js throws a plain Error ("Not connected") when the socket is gone.
            if (!(error instanceof OBSWebSocketError))
              return closed('the socket is gone.', { code: 'lost' });
            options.onAnswer();
            // 207: OBS is busy starting or switching scene collection; another try is worth it.
            if (retryNotReady && error.code === STATUS.notReady) {
              wait = timers.setTimeout(go, options.notReadyRetryMs);
              return;
            }
            const message = `OBS refused ${requestType}: ${error.message} (status ${error.code}).`;
            const detail = { comment: error.message };
            fail(new ObsCallError('status', requestType, message, error.code, detail));
          },
        );
      };
      go();
    });
  }

  return {
    track,
    rejectAll(reason, cause) {
      for (const closed of [...pending]) closed(reason, cause);
    },
    get size() {
      return pending.size;
    },
  };
}
