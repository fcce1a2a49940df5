/**
 * `GET|POST /api/integrations`: what the controller's Integrations page shows and sets. It
 * answers a page of this computer only (http.ts isLocalPage). The token is shown (the page
 * has a copy button for it); secrets go in and never come back out: the page learns only
 * whether each is set. A POST must be JSON, which a foreign web page cannot send here
 * without a CORS preflight that this server never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { describeErrors, parseWith } from '../../validation.js';
import type { Forwarder } from './forwarder.js';
import { isLocalPage, readBody, sendError, sendJson } from './http.js';
import { newToken, TikTokCredentials, type IntakeStore } from './store.js';
import type { TikTokPoller } from './tiktokPoller.js';

const Update = z.strictObject({
  maskBuyers: z.boolean().optional(),
  shopifySecret: z
    .string()
    .trim()
    .min(8, "must be the store's webhook secret")
    .max(500)
    .nullable()
    .optional(),
  tiktok: TikTokCredentials.omit({ accessExpiresAt: true }).nullable().optional(),
  newToken: z.literal(true).optional(),
});

export interface SettingsRouteOptions {
  store: IntakeStore;
  env: Record<string, string | undefined>;
  poller: TikTokPoller;
  forwarder: Forwarder;
  open: boolean;
}

export function settingsRoute(o: SettingsRouteOptions) {
  const view = () => {
    const s = o.store.get();
    const envToken = !!o.env.FLASHCUE_INTAKE_TOKEN;
    const envShopify = !!o.env.FLASHCUE_SHOPIFY_SECRET;
    return {
      door: {
        path: '/api/orders',
        token: envToken ? o.env.FLASHCUE_INTAKE_TOKEN : s.token,
        tokenFrom: envToken ? 'env' : 'file',
        open: o.open,
      },
      shopify: {
        path: '/api/shopify/orders',
        configured: envShopify || !!s.shopifySecret,
        from: envShopify ? 'env' : s.shopifySecret ? 'page' : null,
      },
      tiktok: { configured: !!s.tiktok, status: o.poller.status() },
      maskBuyers: s.maskBuyers,
      show: o.forwarder.liveShow(),
      dataFile: o.store.file,
    };
  };

  return async function settings(req: IncomingMessage, res: ServerResponse) {
    if (!isLocalPage(req))
      return sendError(res, 403, 'The integration settings are shown to this computer only.');
    if (req.method === 'GET') return sendJson(res, 200, view());
    if (req.method !== 'POST')
      return sendError(res, 405, 'Use GET or POST.', { Allow: 'GET, POST' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return sendError(res, 415, 'Send the settings as application/json.');
    const raw = await readBody(req, 64 * 1024).catch(() => null);
    if (!raw) return sendError(res, 413, 'The settings are over 64 KiB.');
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(res, 400, 'The settings are not JSON.');
    }
    const parsed = parseWith(Update, json);
    if (!parsed.ok)
      return sendError(res, 400, `The settings are not valid:\n${describeErrors(parsed.errors)}`);
    const { newToken: rotate, tiktok, ...rest } = parsed.value;
    o.store.update({
      ...rest,
      ...(rotate && { token: newToken() }),
      ...(tiktok !== undefined && { tiktok: tiktok && { ...tiktok, accessExpiresAt: null } }),
    });
    if (tiktok !== undefined) o.poller.reset();
    sendJson(res, 200, view());
  };
}
