/**
 * What Euler Stream's close codes mean for the link, as data. The codes are Euler's own
 * (`ClientCloseCode` in EulerStream/Euler-WebSocket-SDK's README and its published
 * `dist/client/types.d.ts`, 0.0.6): 4401 invalid auth, 4403 no permission for that creator,
 * 4400 invalid options (a bad @uniqueId), 4404 not live, 4005 stream ended, 4429 too many
 * connections, 4006 no messages for a while, 4500 TikTok closed, 4555 the 8-hour lifetime,
 * 4556/4557 Euler could not fetch the room, 1011 Euler's own error.
 */
export type EulerState =
  'off' | 'connecting' | 'live' | 'offline' | 'bad-key' | 'bad-creator' | 'rate-limited';

export interface CloseMeaning {
  state: EulerState;
  /** Wait this long before trying again; null: not until the settings change. */
  retryMs: number | null;
}

/** A creator who is not live yet is asked again every so often, not hammered. */
export const OFFLINE_RETRY_MS = 30_000;
/** Euler says the account has too many connections: back off a full minute. */
export const RATE_LIMIT_RETRY_MS = 60_000;

/** `backoffMs`: the reconnect wait for an ordinary drop (grows with each failure). */
export function closeMeaning(code: number, backoffMs: number): CloseMeaning {
  switch (code) {
    case 4401:
    case 4403:
      return { state: 'bad-key', retryMs: null };
    case 4400:
      return { state: 'bad-creator', retryMs: null };
    case 4404:
    case 4005:
      return { state: 'offline', retryMs: OFFLINE_RETRY_MS };
    case 4429:
      return { state: 'rate-limited', retryMs: RATE_LIMIT_RETRY_MS };
    default:
      return { state: 'connecting', retryMs: backoffMs };
  }
}

/** First wait 1 s, doubled per failure up to 30 s, ±20 % jitter (`random` in [0, 1)). */
export function backoff(failures: number, random: number, first = 1000, max = 30_000): number {
  const base = Math.min(max, first * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}
