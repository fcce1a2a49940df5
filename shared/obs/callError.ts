/**
 * Every failed call to OBS rejects with this one error type, so callers branch on `kind` and
 * `code` instead of parsing messages. The message is a sentence a producer can read.
 */
import type { ObsCause } from './policy';

export type ObsCallErrorKind =
  /** OBS answered and refused: `code` is the request status (600 not found, 605 bad kind…). */
  | 'status'
  /** No answer within the call's timeout; the link may still be fine. */
  | 'timeout'
  /** The socket closed (or was declared dead) before OBS answered. */
  | 'closed'
  /** Not connected when called: nothing was sent. */
  | 'notConnected';

/** The values behind the sentence, so the controller can say it in the producer's language. */
export interface ObsCallDetail {
  /** OBS's own comment on a refusal (its words, shown as OBS wrote them). */
  comment?: string;
  timeoutMs?: number;
  /** Why the link was down or went away (closed, notConnected). */
  cause?: ObsCause;
}

export class ObsCallError extends Error {
  readonly kind: ObsCallErrorKind;
  readonly requestType: string;
  readonly code: number | undefined;
  readonly detail: ObsCallDetail;

  constructor(
    kind: ObsCallErrorKind,
    requestType: string,
    message: string,
    code?: number,
    detail: ObsCallDetail = {},
  ) {
    super(message);
    this.name = 'ObsCallError';
    this.kind = kind;
    this.requestType = requestType;
    this.code = code;
    this.detail = detail;
  }
}

export function isStatusError(error: unknown, code?: number): error is ObsCallError {
  return (
    error instanceof ObsCallError &&
    error.kind === 'status' &&
    (code === undefined || error.code === code)
  );
}

/** A failed call as plain data (it travels in results kept as state): what the sentence says. */
export interface ObsCallFault extends ObsCallDetail {
  kind: ObsCallErrorKind;
  requestType: string;
  code?: number;
}

export const callFault = (error: ObsCallError): ObsCallFault => ({
  kind: error.kind,
  requestType: error.requestType,
  ...(error.code === undefined ? {} : { code: error.code }),
  ...error.detail,
});
