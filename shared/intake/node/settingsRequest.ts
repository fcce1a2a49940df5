/**
 * The gate every settings route of the `npm start` server shares (`/api/integrations`,
 * `/api/euler`): a page of this computer only; GET answers the route's view; a POST must be
 * JSON (which a foreign web page cannot send here without a CORS preflight this server never
 * grants), within its size, and valid by the route's schema. Anything else is answered here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { describeErrors, parseWith } from '../../validation.js';
import { isLocalPage, readBody, sendError, sendJson } from './http.js';

export interface SettingsGate<S extends z.ZodType> {
  /** Completes "The … are shown to this computer only." */
  what: string;
  maxKiB: number;
  schema: S;
  view: () => unknown;
}

/** The POST's valid patch, or null once the request has been answered. */
export async function settingsRequest<S extends z.ZodType>(
  req: IncomingMessage,
  res: ServerResponse,
  gate: SettingsGate<S>,
): Promise<z.output<S> | null> {
  if (!isLocalPage(req)) {
    sendError(res, 403, `The ${gate.what} are shown to this computer only.`);
    return null;
  }
  if (req.method === 'GET') {
    sendJson(res, 200, gate.view());
    return null;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, 'Use GET or POST.', { Allow: 'GET, POST' });
    return null;
  }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    sendError(res, 415, 'Send the settings as application/json.');
    return null;
  }
  const raw = await readBody(req, gate.maxKiB * 1024).catch(() => null);
  if (!raw) {
    sendError(res, 413, `The settings are over ${gate.maxKiB} KiB.`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    sendError(res, 400, 'The settings are not JSON.');
    return null;
  }
  const parsed = parseWith(gate.schema, json);
  if (!parsed.ok) {
    sendError(res, 400, `The settings are not valid:\n${describeErrors(parsed.errors)}`);
    return null;
  }
  return parsed.value;
}
