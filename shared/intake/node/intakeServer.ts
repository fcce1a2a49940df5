/**
 * The order intake on the `npm start` server (vite.config.ts mounts it beside the relay):
 *  - `POST /api/orders`: the door any tool can use (bearer token);
 *  - `POST /api/shopify/orders`: Shopify order webhooks (HMAC);
 *  - `POST /api/audience`: the live room's events from any bridge (same token as the door);
 *  - `GET|POST /api/integrations`: the controller's Integrations page (this computer only);
 *  - `GET|POST /api/euler` and the Euler Stream link (the live room, key kept here: eulerLink.ts);
 *  - the TikTok Shop poller, started here when credentials are set.
 * Every order becomes a `sale` / `sale.cancel` command to the primary controller over the
 * relay (forwarder.ts): the controller stays the one writer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tokenBucket, type TokenBucket } from '../../relay/policy.js';
import { orderCommand, parseDoorBody, type DoorOrder, type OrderSource } from '../door.js';
import { doorAnswer } from '../outcome.js';
import { bearerToken, sameSecret } from '../secrets.js';
import { isShopifyTopic, parseShopifyJson, shopifyOrders, verifyShopify } from '../shopify.js';
import { AUDIENCE_PATH, audienceRoute } from './audienceRoute.js';
import { createEulerLink, type EulerLink } from './eulerLink.js';
import { EULER_PATH, eulerRoute } from './eulerRoute.js';
import { openEulerStore } from './eulerStore.js';
import { createForwarder, type Forwarder, type RelayLink } from './forwarder.js';
import { BodyTooLarge, fromLoopback, pathnameOf, readBody, sendError, sendJson } from './http.js';
import { settingsRoute } from './settingsRoute.js';
import { openStore, type IntakeStore } from './store.js';
import { createTikTokPoller, type TikTokPoller } from './tiktokPoller.js';

export const ORDERS_PATH = '/api/orders';
export const SHOPIFY_PATH = '/api/shopify/orders';
export const INTEGRATIONS_PATH = '/api/integrations';

export interface IntakeOptions {
  relay: RelayLink;
  /** Where intake.json lives (FLASHCUE_DATA_DIR, default `<project>/.flashcue`). */
  dataDir: string;
  env?: Record<string, string | undefined>;
  /** Other devices may use the door and the webhook (FLASHCUE_INTAKE_OPEN=1). */
  open?: boolean;
  /** Requests per second per address (burst twice that). */
  ratePerSecond?: number;
  ackTimeoutMs?: number;
  tiktok?: { apiBase?: string; authBase?: string; intervalMs?: number };
  /** `url`: test-only stand-in (FLASHCUE_EULER_URL); `flushMs`: batch interval. */
  euler?: { url?: string; flushMs?: number };
  warn?: (line: string) => void;
}

export interface Intake {
  middleware: (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;
  forwarder: Forwarder;
  store: IntakeStore;
  poller: TikTokPoller;
  euler: EulerLink;
  close(): void;
}

/** Shopify webhook ids already taken, so a redelivery is answered 200 and not re-sent. */
const REMEMBER_WEBHOOKS = 10_000;

export function attachIntake(options: IntakeOptions): Intake {
  const env = options.env ?? process.env;
  const store = openStore(options.dataDir, options.warn);
  const forwarder = createForwarder(options.relay, { ackTimeoutMs: options.ackTimeoutMs ?? 4000 });
  const mask = () => store.get().maskBuyers;
  const poller = createTikTokPoller({ store, forwarder, maskBuyers: mask, ...options.tiktok });
  const eulerStore = openEulerStore(options.dataDir, options.warn);
  const euler = createEulerLink({
    store: eulerStore,
    forwarder,
    url: env.FLASHCUE_EULER_URL,
    ...options.euler,
  });
  const rate = options.ratePerSecond ?? 300;
  const buckets = new Map<string, TokenBucket>();
  const webhooks = new Set<string>();
  const token = () => env.FLASHCUE_INTAKE_TOKEN || store.get().token;
  const shopifySecret = () => env.FLASHCUE_SHOPIFY_SECRET || store.get().shopifySecret;

  /** The common gate: who may knock at all, and how often. Answers and returns false if not. */
  function admitted(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST') {
      sendError(res, 405, 'Use POST.', { Allow: 'POST' });
      return false;
    }
    if (!options.open && !fromLoopback(req)) {
      sendError(
        res,
        403,
        'Orders are taken from this computer only (set FLASHCUE_INTAKE_OPEN=1 to allow the network).',
      );
      return false;
    }
    const address = req.socket.remoteAddress ?? '?';
    let bucket = buckets.get(address);
    if (!bucket) {
      if (buckets.size > 1000) buckets.clear();
      buckets.set(address, (bucket = tokenBucket(rate, rate * 2)));
    }
    if (!bucket.take()) {
      sendError(res, 429, `More than ${rate} requests a second: slow down and send again.`, {
        'Retry-After': '1',
      });
      return false;
    }
    return true;
  }

  async function body(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
    try {
      return await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        sendError(res, 413, 'The body is over 1 MiB: send fewer orders per request.');
      else sendError(res, 400, 'The body could not be read.');
      return null;
    }
  }

  const noShow = (res: ServerResponse) =>
    sendError(
      res,
      503,
      'No controller is running a show: open Flashcue and start the show, then send again. Nothing was recorded.',
      { 'Retry-After': '5' },
    );

  async function take(orders: DoorOrder[], source: OrderSource) {
    const commands = orders.map((order) => orderCommand(order, { source, maskBuyers: mask() }));
    return doorAnswer(await forwarder.forward(commands));
  }

  async function door(req: IncomingMessage, res: ServerResponse) {
    if (!admitted(req, res)) return;
    if (!sameSecret(bearerToken(req.headers.authorization), token()))
      return sendError(
        res,
        401,
        'Missing or wrong token: send "Authorization: Bearer <token>" with the token from the Integrations page.',
        { 'WWW-Authenticate': 'Bearer' },
      );
    const raw = await body(req, res);
    if (!raw) return;
    const parsed = parseDoorBody(raw.toString('utf8'));
    if (!parsed.ok) return sendError(res, 400, parsed.error);
    if (!forwarder.liveShow()) return noShow(res);
    const answer = await take(parsed.orders, 'api');
    sendJson(res, answer.status, answer.body, answer.status === 503 ? { 'Retry-After': '5' } : {});
  }

  async function shopify(req: IncomingMessage, res: ServerResponse) {
    if (!admitted(req, res)) return;
    const raw = await body(req, res);
    if (!raw) return;
    const secret = shopifySecret();
    if (!secret)
      return sendError(
        res,
        503,
        'Shopify is not set up here: enter the webhook secret on the Integrations page (or set FLASHCUE_SHOPIFY_SECRET).',
      );
    const header = req.headers['x-shopify-hmac-sha256'];
    if (!verifyShopify(secret, raw, Array.isArray(header) ? header[0] : header))
      return sendError(
        res,
        401,
        "The X-Shopify-Hmac-Sha256 signature does not match this store's webhook secret: refused.",
      );
    const topic = String(req.headers['x-shopify-topic'] ?? '');
    if (!isShopifyTopic(topic))
      return sendJson(res, 200, {
        ignored: `Topic "${topic.slice(0, 60)}" is not an order topic Flashcue uses.`,
      });
    // shopify.dev "Ignore duplicate webhooks" names X-Shopify-Event-Id as the key of a
    // redelivered event; older deliveries and guides use X-Shopify-Webhook-Id: either repeats.
    const ids = (['event', 'webhook'] as const)
      .map((kind) => [kind, String(req.headers[`x-shopify-${kind}-id`] ?? '')] as const)
      .filter(([, id]) => id !== '')
      .map(([kind, id]) => `${kind}:${id}`);
    const seen = ids.find((id) => webhooks.has(id));
    if (seen)
      return sendJson(res, 200, {
        duplicate: true,
        message: `Webhook ${seen.replace(/^\w+:/, '').slice(0, 80)} was already taken.`,
      });
    let json: unknown;
    try {
      json = parseShopifyJson(raw.toString('utf8'));
    } catch {
      return sendError(res, 400, 'The webhook body is not JSON.');
    }
    const parsed = shopifyOrders(topic, json);
    if (!parsed.ok) return sendError(res, 400, parsed.error);
    if (parsed.orders.length === 0)
      return sendJson(res, 200, { orders: [], skipped: parsed.skipped });
    if (!forwarder.liveShow()) return noShow(res);
    const answer = await take(parsed.orders, 'shopify');
    if (answer.status === 200)
      for (const id of ids) {
        webhooks.add(id);
        if (webhooks.size > REMEMBER_WEBHOOKS) webhooks.delete(webhooks.values().next().value!);
      }
    sendJson(res, answer.status, { ...answer.body, skipped: parsed.skipped });
  }

  const audience = audienceRoute({ admitted, body, token, forwarder, noShow });
  const eulerSettings = eulerRoute(eulerStore, euler);
  const settings = settingsRoute({ store, env, poller, forwarder, open: !!options.open });

  const middleware: Intake['middleware'] = (req, res, next) => {
    const path = pathnameOf(req.url);
    const route =
      path === ORDERS_PATH
        ? door
        : path === SHOPIFY_PATH
          ? shopify
          : path === INTEGRATIONS_PATH
            ? settings
            : path === AUDIENCE_PATH
              ? audience
              : path === EULER_PATH
                ? eulerSettings
                : null;
    if (!route) return next?.();
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendError(
          res,
          500,
          `The intake failed: ${error instanceof Error ? error.message : String(error)}.`,
        );
    });
  };

  return {
    middleware,
    forwarder,
    store,
    poller,
    euler,
    close: () => {
      euler.stop();
      poller.stop();
      forwarder.stop();
    },
  };
}
