/**
 * `GET|POST /api/euler`: the Integrations page's Euler Stream panel. Same gate as
 * `/api/integrations` (a page of this computer only, JSON only). The API key goes in and
 * never comes back: the answer says `keySet`, the creator's @name and the link's status.
 * POST `{apiKey?: string | null, creator?: string, on?: boolean}`; `apiKey: null` removes it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EulerLink } from './eulerLink.js';
import { ApiKey, Creator, type EulerStore } from './eulerStore.js';
import { sendJson } from './http.js';
import { settingsRequest } from './settingsRequest.js';

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
    const patch = await settingsRequest(req, res, {
      what: 'Euler Stream settings',
      maxKiB: 16,
      schema: Update,
      view,
    });
    if (!patch) return;
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
