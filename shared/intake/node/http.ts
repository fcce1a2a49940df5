/** Small HTTP helpers for the intake routes: capped body reading, JSON answers, who is asking. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopbackAddress, isLoopbackName } from '../../relay/policy.js';

/** 1 MiB: 500 orders of a few hundred bytes each, or a large Shopify order, fit easily. */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return reject(new BodyTooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(JSON.stringify(body));
}

export const sendError = (
  res: ServerResponse,
  status: number,
  error: string,
  headers?: Record<string, string>,
) => sendJson(res, status, { error }, headers);

export const fromLoopback = (req: IncomingMessage) => isLoopbackAddress(req.socket.remoteAddress);

/**
 * The settings endpoints (which show the token and take secrets) answer only a page of this
 * computer: a loopback address, a loopback Host name (not a DNS-rebound site), no forwarding
 * headers (a tunnel such as cloudflared or ngrok runs on this computer too, so its requests
 * come from 127.0.0.1 — it must never reach the token), and, when a browser says where the
 * page came from, an Origin on this same host.
 */
export function isLocalPage(req: IncomingMessage): boolean {
  if (!fromLoopback(req)) return false;
  const forwarded = ['x-forwarded-for', 'forwarded', 'cf-connecting-ip', 'x-real-ip'];
  if (forwarded.some((name) => req.headers[name] !== undefined)) return false;
  const host = req.headers.host ?? '';
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  if (!isLoopbackName(hostname)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export const pathnameOf = (url: string | undefined) => (url ?? '/').split('?')[0] ?? '/';
