/**
 * `GET|POST /api/integrations`: what the controller's Integrations page shows and sets. It
 * answers a page of this computer only (http.ts isLocalPage). The token is shown (the page
 * has a copy button for it); secrets go in and never come back out: the page learns only
 * whether each is set. A POST must be JSON, which a foreign web page cannot send here
 * without a CORS preflight that this server never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Forwarder } from './forwarder.js';
import { sendJson } from './http.js';
import { settingsRequest } from './settingsRequest.js';
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
    const patch = await settingsRequest(req, res, {
      what: 'integration settings',
      maxKiB: 64,
      schema: Update,
      view,
    });
    if (!patch) return;
    const { newToken: rotate, tiktok, ...rest } = patch;
    o.store.update({
      ...rest,
      ...(rotate && { token: newToken() }),
      ...(tiktok !== undefined && { tiktok: tiktok && { ...tiktok, accessExpiresAt: null } }),
    });
    if (tiktok !== undefined) o.poller.reset();
    sendJson(res, 200, view());
  };
}
