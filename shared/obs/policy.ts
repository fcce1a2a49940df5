/**
 * Reconnect policy for the OBS link, kept pure so the schedule and the wording are unit-tested
 * without a socket. Codes are obs-websocket v5's WebSocketCloseCode and RequestStatus.
 */

export const BACKOFF = {
  firstMs: 250,
  maxMs: 30_000,
  /**
   * While a show is on air (and always for an overlay, which is always on air) OBS must be
   * back within a couple of seconds of returning: about one knock a second, no burden on OBS.
   */
  liveMaxMs: 1_000,
} as const;

/**
 * Delay before attempt `failures + 1`, after `failures` (≥ 1) consecutive failures: doubling
 * from 250 ms, capped, then jittered down by up to 25 % so several controllers and host views
 * that lost the same OBS do not all knock at the same instant. Jitter only ever lowers the delay,
 * so the cap is a promise the UI can print.
 */
export function backoffDelay(
  failures: number,
  options: { live?: boolean; random?: () => number } = {},
): number {
  const cap = options.live ? BACKOFF.liveMaxMs : BACKOFF.maxMs;
  const exponent = Math.min(Math.max(failures, 1) - 1, 20);
  const base = Math.min(cap, BACKOFF.firstMs * 2 ** exponent);
  const random = options.random ?? Math.random;
  return Math.round(base * (1 - 0.25 * random()));
}

export const CLOSE = {
  goingAway: 1001,
  abnormal: 1006,
  authenticationFailed: 4009,
  unsupportedRpcVersion: 4010,
  sessionInvalidated: 4011,
} as const;

export const STATUS = {
  notReady: 207,
  resourceNotFound: 600,
  resourceAlreadyExists: 601,
  invalidInputKind: 605,
} as const;

/**
 * Why the link to OBS is down, as data: the controller words it in the producer's language
 * (controller/obs/obsWords.ts); `causeSentence` is the English sentence.
 */
export type ObsCause =
  | { code: 'wrong_password' }
  | { code: 'needs_password' }
  | { code: 'unsupported_rpc' }
  | { code: 'session_ended' }
  | { code: 'shutting_down' }
  | { code: 'lost' }
  | { code: 'unreachable'; url: string }
  | { code: 'silent'; seconds: number }
  | { code: 'no_hello'; url: string; seconds: number }
  | { code: 'closed_by_us' };

export const WRONG_PASSWORD =
  'OBS refused the password. Check Tools → WebSocket Server Settings → Show Connect Info.';

/** The English sentence of a cause, one a producer can act on. */
export function causeSentence(cause: ObsCause): string {
  switch (cause.code) {
    case 'wrong_password':
      return WRONG_PASSWORD;
    case 'needs_password':
      return 'OBS asks for a password. Copy it from Tools → WebSocket Server Settings → Show Connect Info.';
    case 'unsupported_rpc':
      return 'This OBS speaks an obs-websocket protocol Flashcue does not support. Use OBS 28 or newer.';
    case 'session_ended':
      return 'OBS ended this session (another app or OBS itself disconnected Flashcue). Reconnect when ready.';
    case 'shutting_down':
      return 'OBS is shutting down.';
    case 'lost':
      return 'Lost the connection to OBS (it closed or crashed).';
    case 'unreachable':
      return (
        `OBS is not reachable at ${cause.url}. ` +
        'Is OBS running, with Tools → WebSocket Server Settings → Enable WebSocket server ticked?'
      );
    case 'silent':
      return `OBS stopped answering (no reply within ${cause.seconds} s).`;
    case 'no_hello':
      return `OBS at ${cause.url} accepted the connection but did not answer within ${cause.seconds} s.`;
    case 'closed_by_us':
      return 'Flashcue closed the connection.';
  }
}

/**
 * Codes where trying again cannot help and would only hammer OBS (a wrong password retried
 * every few seconds also fills OBS's log): the person has to act first.
 */
const FINAL: Record<number, (hasPassword: boolean) => ObsCause> = {
  [CLOSE.authenticationFailed]: (hasPassword) => ({
    code: hasPassword ? 'wrong_password' : 'needs_password',
  }),
  [CLOSE.unsupportedRpcVersion]: () => ({ code: 'unsupported_rpc' }),
  [CLOSE.sessionInvalidated]: () => ({ code: 'session_ended' }),
};

export function isFinalCloseCode(code: number | undefined): boolean {
  return code !== undefined && code in FINAL;
}

export interface CloseContext {
  code: number | undefined;
  url: string;
  hasPassword: boolean;
  /** Had this socket been identified? A 1006 then means OBS went away, not "never there". */
  wasConnected: boolean;
}

/** Why the socket closed, as data. */
export function closeCause({ code, url, hasPassword, wasConnected }: CloseContext): ObsCause {
  const final = code === undefined ? undefined : FINAL[code];
  if (final) return final(hasPassword);
  if (code === CLOSE.goingAway) return { code: 'shutting_down' };
  if (wasConnected) return { code: 'lost' };
  return { code: 'unreachable', url };
}

/** One sentence a producer can act on, for the status line (English). */
export const closeReason = (context: CloseContext): string => causeSentence(closeCause(context));

export function describeWait(inMs: number): string {
  return inMs < 1000 ? 'in under a second' : `in ${Math.round(inMs / 1000)} s`;
}
