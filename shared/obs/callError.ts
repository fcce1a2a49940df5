/**
 * Every failed call to OBS rejects with this one error type, so callers branch on `kind` and
 * `code` instead of parsing messages. The message is a sentence a producer can read.
 */
export type ObsCallErrorKind =
  /** OBS answered and refused: `code` is the request status (600 not found, 605 bad kind…). */
  | 'status'
  /** No answer within the call's timeout; the link may still be fine. */
  | 'timeout'
  /** The socket closed (or was declared dead) before OBS answered. */
  | 'closed'
  /** Not connected when called: nothing was sent. */
  | 'notConnected';

export class ObsCallError extends Error {
  readonly kind: ObsCallErrorKind;
  readonly requestType: string;
  readonly code: number | undefined;

  constructor(kind: ObsCallErrorKind, requestType: string, message: string, code?: number) {
    super(message);
    this.name = 'ObsCallError';
    this.kind = kind;
    this.requestType = requestType;
    this.code = code;
  }
}

export function isStatusError(error: unknown, code?: number): error is ObsCallError {
  return (
    error instanceof ObsCallError &&
    error.kind === 'status' &&
    (code === undefined || error.code === code)
  );
}
