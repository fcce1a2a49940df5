/**
 * A TikTok Shop Open API stand-in for tests: the order search (`POST
 * /order/202309/orders/search`) and the token refresh (`GET /api/v2/token/refresh`), checking
 * each request as TikTok Shop Partner Center's "Sign your API request" defines it. The
 * signature is recomputed here independently of shared/intake/tiktok.ts (its own sorting and
 * concatenation), so a mistake there cannot hide behind the same mistake here.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ContractOrder {
  id: string;
  status: string;
  create_time: number;
  update_time: number;
  line_items: Array<{ id: string; sku_id: string; seller_sku?: string; sale_price: string }>;
}

export interface ContractOptions {
  appKey: string;
  appSecret: string;
  shopCipher: string;
  accessToken: string;
  refreshToken: string;
  now?: () => number;
}

export interface Contract {
  url: string;
  orders: ContractOrder[];
  /** What was asked and refused, in order: `ok`, `bad-sign`, `bad-token`, `429`, `refresh`… */
  log: string[];
  /** The next N searches answer HTTP 429. */
  tooMany: number;
  accessToken: string;
  close(): Promise<void>;
}

function expectedSign(secret: string, path: string, query: URLSearchParams, body: string) {
  const keys = [...new Set(query.keys())].filter((k) => k !== 'sign' && k !== 'access_token');
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let text = secret + path;
  for (const key of keys) text += key + (query.get(key) ?? '');
  text += body + secret;
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

export async function startTikTokContract(o: ContractOptions): Promise<Contract> {
  const now = o.now ?? (() => Date.now());
  const state: Contract = {
    url: '',
    orders: [],
    log: [],
    tooMany: 0,
    accessToken: o.accessToken,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  let refreshToken = o.refreshToken;
  let refreshes = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://contract');
      const answer = (status: number, json: unknown) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(json));
      };
      if (url.pathname === '/api/v2/token/refresh' && req.method === 'GET') {
        const q = url.searchParams;
        const good =
          q.get('app_key') === o.appKey &&
          q.get('app_secret') === o.appSecret &&
          q.get('refresh_token') === refreshToken &&
          q.get('grant_type') === 'refresh_token';
        state.log.push(good ? 'refresh' : 'bad-refresh');
        if (!good) return answer(200, { code: 36004004, message: 'invalid refresh token' });
        refreshes += 1;
        state.accessToken = `access-${refreshes}`;
        refreshToken = `refresh-${refreshes}`;
        return answer(200, {
          code: 0,
          message: 'success',
          data: {
            access_token: state.accessToken,
            access_token_expire_in: Math.floor(now() / 1000) + 7 * 24 * 3600,
            refresh_token: refreshToken,
            refresh_token_expire_in: Math.floor(now() / 1000) + 60 * 24 * 3600,
          },
        });
      }
      if (url.pathname !== '/order/202309/orders/search' || req.method !== 'POST') {
        state.log.push(`unknown ${req.method} ${url.pathname}`);
        return answer(404, { code: 40006, message: 'invalid path' });
      }
      const q = url.searchParams;
      const ts = Number(q.get('timestamp'));
      if (q.get('app_key') !== o.appKey || q.get('shop_cipher') !== o.shopCipher) {
        state.log.push('bad-params');
        return answer(400, { code: 36009004, message: 'invalid app_key or shop_cipher' });
      }
      if (!Number.isInteger(ts) || Math.abs(ts - now() / 1000) > 300) {
        state.log.push('bad-timestamp');
        return answer(401, { code: 106010, message: 'timestamp expired' });
      }
      if (q.get('sign') !== expectedSign(o.appSecret, url.pathname, q, body)) {
        state.log.push('bad-sign');
        return answer(401, { code: 106001, message: 'signature is invalid' });
      }
      if (req.headers['x-tts-access-token'] !== state.accessToken) {
        state.log.push('bad-token');
        return answer(401, { code: 105002, message: 'access token is expired or invalid' });
      }
      if (state.tooMany > 0) {
        state.tooMany -= 1;
        state.log.push('429');
        return answer(429, { code: 36009003, message: 'too many requests' });
      }
      const filter = JSON.parse(body || '{}') as { update_time_ge?: number };
      const since = filter.update_time_ge ?? 0;
      const all = state.orders.filter((order) => order.update_time >= since);
      const size = Number(q.get('page_size') ?? 50);
      const start = Number(q.get('page_token') ?? 0);
      const page = all.slice(start, start + size);
      const next = start + size < all.length ? String(start + size) : '';
      state.log.push('ok');
      answer(200, {
        code: 0,
        message: 'Success',
        data: { orders: page, next_page_token: next, total_count: all.length },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
