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

export const WRONG_PASSWORD =
  'OBS refused the password. Check Tools → WebSocket Server Settings → Show Connect Info.';

/**
 * Codes where trying again cannot help and would only hammer OBS (a wrong password retried
 * every few seconds also fills OBS's log): the person has to act first.
 */
const FINAL: Record<number, (hasPassword: boolean) => string> = {
  [CLOSE.authenticationFailed]: (hasPassword) =>
    hasPassword
      ? WRONG_PASSWORD
      : 'OBS asks for a password. Copy it from Tools → WebSocket Server Settings → Show Connect Info.',
  [CLOSE.unsupportedRpcVersion]: () =>
    'This OBS speaks an obs-websocket protocol Flashcue does not support. Use OBS 28 or newer.',
  [CLOSE.sessionInvalidated]: () =>
    'OBS ended this session (another app or OBS itself disconnected Flashcue). Reconnect when ready.',
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

/** One sentence a producer can act on, for the status line. */
export function closeReason({ code, url, hasPassword, wasConnected }: CloseContext): string {
  const final = code === undefined ? undefined : FINAL[code];
  if (final) return final(hasPassword);
  if (code === CLOSE.goingAway) return 'OBS is shutting down.';
  if (wasConnected) return 'Lost the connection to OBS (it closed or crashed).';
  return (
    `OBS is not reachable at ${url}. ` +
    'Is OBS running, with Tools → WebSocket Server Settings → Enable WebSocket server ticked?'
  );
}

export function describeWait(inMs: number): string {
  return inMs < 1000 ? 'in under a second' : `in ${Math.round(inMs / 1000)} s`;
}
