/**
 * The relay's rules, pure so they are unit-tested without sockets and shared by the server
 * (Node) and the client (browser). No Node imports here: relayTransport.ts pulls this file into
 * overlay pages.
 */

export const RELAY_PATH = '/relay';

/**
 * The largest message relayed. Not 64 KB: views are small (an image is a URL or an `asset:`
 * reference, ≤ 2,048 characters), but an uploaded product image travels on its own as an
 * AssetMessage whose data URL may be 4,000,000 characters (messages.ts). A smaller cap would
 * silently leave every uploaded image off Streamlabs overlays. 4 MiB + 256 KiB carries the
 * largest asset with its envelope and origin tag, and the largest valid view many times over.
 * (test/unit/shared/relay/policy.test.ts builds both and checks they fit.) Assets go out once per
 * image per hello and every 30 s, so large messages are rare; the rate limit below bounds them.
 */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024 + 256 * 1024;

/**
 * Beyond this the socket itself refuses the frame (ws `maxPayload`, close 1009) before it is
 * buffered whole; between the two limits a message is dropped and counted, the link kept.
 */
export const HARD_MAX_FRAME_BYTES = 2 * MAX_MESSAGE_BYTES;

/**
 * Per connection: a token bucket of 200 tokens/s, burst 400. A message costs one token per
 * started 64 KiB, so views, commands and acks cost 1 and a 4 MB asset costs 62: a sender gets
 * 6 such assets at once and ~3/s after, at most ~13 MB/s, which the relay parses and fans out
 * without blocking its event loop. The controller needs ~1 view/s plus one per change.
 */
export const RATE = { perSecond: 200, burst: 400, unitBytes: 64 * 1024 } as const;

/**
 * A receiver this far behind is skipped rather than buffered without end: a view is replaced
 * by the next one within a second, an asset comes again on the 30 s refresh.
 */
export const MAX_BUFFERED_BYTES = 3 * MAX_MESSAGE_BYTES;

export const MAX_CLIENTS = 100;

export function messageCost(bytes: number, unitBytes: number = RATE.unitBytes): number {
  return Math.max(1, Math.ceil(bytes / unitBytes));
}

export interface TokenBucket {
  take(cost?: number): boolean;
}

export function tokenBucket(
  perSecond: number,
  burst: number,
  now: () => number = () => performance.now(),
): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    take(cost = 1) {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) * perSecond) / 1000);
      last = t;
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
  };
}

/** Strips IPv4-mapped IPv6 (`::ffff:127.0.0.1`, what a dual-stack Node reports). */
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = plainAddress(address);
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const isIpLiteral = (hostname: string) =>
  IPV4.test(hostname) || (hostname.startsWith('[') && hostname.endsWith(']'));

export function isLoopbackName(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '[::1]' ||
    (IPV4.test(h) && h.startsWith('127.'))
  );
}

/**
 * Vite's own rule (server.allowedHosts): a Host header must be localhost, an IP literal or a
 * listed name. Any other name may be DNS rebinding: a web site whose name now points here.
 */
export function isHostAllowed(
  host: string | undefined,
  allowedHosts: readonly string[] | true = [],
): boolean {
  if (allowedHosts === true) return true;
  if (!host) return false;
  const hostname = hostnameOf(host);
  if (hostname === undefined) return false;
  if (isLoopbackName(hostname) || isIpLiteral(hostname)) return true;
  return allowedHosts.some((allowed) =>
    allowed.startsWith('.')
      ? hostname === allowed.slice(1) || hostname.endsWith(allowed)
      : hostname === allowed,
  );
}

function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

const portOf = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/**
 * Browsers always send Origin on a WebSocket; other programs (Streamer.bot, scripts, Node
 * tools) usually don't, and are local processes that could do anything anyway: no Origin is
 * accepted. A browser page must be one of ours: same origin as the Host it asked for, or
 * localhost and 127.0.0.1 interchangeably on the same port (an overlay opened by one name
 * talking to a relay URL written with the other). Any other site, another local server's
 * page, and `file://` pages (Origin "null") are refused.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  let from: URL;
  let to: URL;
  try {
    from = new URL(origin);
    to = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
  if (from.host === to.host) return true;
  const toPort = to.port || (from.protocol === 'https:' ? '443' : '80');
  return isLoopbackName(from.hostname) && isLoopbackName(to.hostname) && portOf(from) === toPort;
}

export interface UpgradeRequest {
  headers: { host?: string; origin?: string };
  socket: { remoteAddress?: string };
}

export interface UpgradePolicy {
  /** FLASHCUE_RELAY_OPEN=1: accept other devices on the network too. */
  open: boolean;
  allowedHosts?: readonly string[] | true;
}

export type RefusalReason = 'remote' | 'host' | 'origin';

export type UpgradeDecision = { ok: true } | { ok: false; status: 403; reason: RefusalReason };

export function decideUpgrade(req: UpgradeRequest, policy: UpgradePolicy): UpgradeDecision {
  if (!policy.open && !isLoopbackAddress(req.socket.remoteAddress))
    return { ok: false, status: 403, reason: 'remote' };
  if (!isHostAllowed(req.headers.host, policy.allowedHosts))
    return { ok: false, status: 403, reason: 'host' };
  if (!isOriginAllowed(req.headers.origin, req.headers.host))
    return { ok: false, status: 403, reason: 'origin' };
  return { ok: true };
}
