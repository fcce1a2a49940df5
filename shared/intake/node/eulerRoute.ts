/**
 * `GET|POST /api/euler`: the Integrations page's Euler Stream panel. Same gate as
 * `/api/integrations` (a page of this computer only, JSON only). The API key goes in and
 * never comes back: the answer says `keySet`, the creator's @name and the link's status.
 * POST `{apiKey?: string | null, creator?: string, on?: boolean}`; `apiKey: null` removes it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { describeErrors, parseWith } from '../../validation.js';
import type { EulerLink } from './eulerLink.js';
import { ApiKey, Creator, type EulerStore } from './eulerStore.js';
import { isLocalPage, readBody, sendError, sendJson } from './http.js';

export const EULER_PATH = '/api/euler';

const Update = z.strictObject({
  apiKey: ApiKey.nullable().optional(),
  creator: Creator.optional(),
  on: z.boolean().optional(),
});

export function eulerRoute(store: EulerStore, link: EulerLink) {
  const view = () => {
    const { apiKey, creator, on } = store.get();
    return { keySet: !!apiKey, creator, on, status: link.status() };
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!isLocalPage(req))
      return sendError(res, 403, 'The Euler Stream settings are shown to this computer only.');
    if (req.method === 'GET') return sendJson(res, 200, view());
    if (req.method !== 'POST')
      return sendError(res, 405, 'Use GET or POST.', { Allow: 'GET, POST' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return sendError(res, 415, 'Send the settings as application/json.');
    const raw = await readBody(req, 16 * 1024).catch(() => null);
    if (!raw) return sendError(res, 413, 'The settings are over 16 KiB.');
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(res, 400, 'The settings are not JSON.');
    }
    const parsed = parseWith(Update, json);
    if (!parsed.ok)
      return sendError(res, 400, `The settings are not valid:\n${describeErrors(parsed.errors)}`);
    const patch = parsed.value;
    store.update({
      ...(patch.apiKey !== undefined && { apiKey: patch.apiKey }),
      ...(patch.creator !== undefined && { creator: patch.creator }),
      ...(patch.on !== undefined && { on: patch.on }),
      // Removing the key disconnects: there is nothing to connect with.
      ...(patch.apiKey === null && { on: false }),
    });
    link.restart();
    sendJson(res, 200, view());
  };
}
