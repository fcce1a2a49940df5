/**
 * The TikTok Shop poller: while the primary controller runs a live show, it asks the Order
 * API for orders updated since its last look (`POST /order/202309/orders/search`, signed as
 * tiktok.ts describes), every few seconds. Paid orders become sales, cancelled ones
 * `sale.cancel`, through the same forwarder as the door (command ids from order ids, so a
 * repeated look never counts an order twice). It refreshes the access token a day before it
 * expires (or at once when the expiry is unknown), backs off on HTTP 429, and reports its
 * status in words for the Integrations page. Credentials never leave this file's process.
 */
import { orderCommand } from '../door.js';
import {
  ORDER_SEARCH_PATH,
  RefreshAnswer,
  SearchAnswer,
  TIKTOK_API_BASE,
  TIKTOK_AUTH_BASE,
  TOKEN_REFRESH_PATH,
  readAnswer,
  signTikTok,
  tiktokOrders,
  type TikTokOrder,
} from '../tiktok.js';
import { ProblemError, issueParams, problemOf, type IntakeProblem } from '../problem.js';
import type { Forwarder } from './forwarder.js';
import type { IntakeStore, TikTokCredentials } from './store.js';
import type { LocatedError } from '../../validation.js';

export interface TikTokStatus {
  state: 'off' | 'waiting' | 'polling' | 'backing-off' | 'error';
  /** ISO time of the last successful search. */
  lastPollAt: string | null;
  ordersTaken: number;
  lastError: string | null;
  /** `lastError` as a code + values, worded by the page in the producer's language. */
  problem: IntakeProblem | null;
}

export interface TikTokPoller {
  status(): TikTokStatus;
  /** New credentials: forget the window and token state, look again at once. */
  reset(): void;
  /** One look now (tests drive the poller with this, without timers). */
  tick(): Promise<void>;
  stop(): void;
}

export interface TikTokPollerOptions {
  store: IntakeStore;
  forwarder: Forwarder;
  maskBuyers: () => boolean;
  apiBase?: string;
  authBase?: string;
  intervalMs?: number;
  /** Start the timer loop (off in unit tests, which call tick()). */
  autoStart?: boolean;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Orders updated this long before the show was first seen are taken too (placed at go-live). */
const LOOK_BACK_S = 60;
/** Each look overlaps the previous one by this much: clocks differ, updates land late. */
const OVERLAP_S = 10;
const REFRESH_BEFORE_S = 24 * 3600;
const MAX_PAGES = 20;

/** An answer TikTok gave that its schema refuses: which one, and each field's problem. */
const notUnderstood = (read: { error: string; errors: LocatedError[] }, what: string) =>
  new ProblemError(read.error, {
    code: 'not_understood',
    params: { what, ...issueParams(read.errors, 5) },
  });

export function createTikTokPoller(o: TikTokPollerOptions): TikTokPoller {
  const apiBase = o.apiBase ?? process.env.FLASHCUE_TIKTOK_API_BASE ?? TIKTOK_API_BASE;
  const authBase = o.authBase ?? process.env.FLASHCUE_TIKTOK_AUTH_BASE ?? TIKTOK_AUTH_BASE;
  const intervalMs = o.intervalMs ?? 3000;
  const now = o.now ?? (() => Date.now());
  const http = o.fetch ?? fetch;
  const status: TikTokStatus = {
    state: 'off',
    lastPollAt: null,
    ordersTaken: 0,
    lastError: null,
    problem: null,
  };
  const fail = (lastError: string, problem: IntakeProblem) =>
    Object.assign(status, { lastError, problem });
  let window: { showId: string; since: number } | null = null;
  /** order id + kind already answered by the controller: not sent again on the next look. */
  const handled = new Set<string>();
  let backoffMs = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const seconds = () => Math.floor(now() / 1000);

  async function refresh(creds: TikTokCredentials): Promise<TikTokCredentials> {
    const query = new URLSearchParams({
      app_key: creds.appKey,
      app_secret: creds.appSecret,
      refresh_token: creds.refreshToken,
      grant_type: 'refresh_token',
    });
    const res = await http(`${authBase}${TOKEN_REFRESH_PATH}?${query}`);
    const read = readAnswer(RefreshAnswer, await res.json().catch(() => null), 'token refresh');
    if (!read.ok) throw notUnderstood(read, 'refresh');
    if (read.value.code !== 0 || !read.value.data)
      throw new ProblemError(
        `TikTok Shop refused to refresh the access token: ${read.value.message ?? 'no reason given'} (code ${read.value.code}). Enter new tokens on the Integrations page.`,
        {
          code: 'refresh_refused',
          params: { reason: read.value.message ?? '', code: read.value.code },
        },
      );
    const d = read.value.data;
    const next = {
      ...creds,
      accessToken: d.access_token,
      refreshToken: d.refresh_token,
      accessExpiresAt: d.access_token_expire_in,
    };
    o.store.update({ tiktok: next });
    return next;
  }

  async function search(creds: TikTokCredentials, since: number, pageToken: string | null) {
    const query: Record<string, string> = {
      app_key: creds.appKey,
      timestamp: String(seconds()),
      shop_cipher: creds.shopCipher,
      page_size: '50',
      sort_field: 'update_time',
      sort_order: 'ASC',
      ...(pageToken && { page_token: pageToken }),
    };
    const body = JSON.stringify({ update_time_ge: since });
    query.sign = signTikTok(creds.appSecret, ORDER_SEARCH_PATH, query, body);
    const res = await http(`${apiBase}${ORDER_SEARCH_PATH}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tts-access-token': creds.accessToken },
      body,
    });
    if (res.status === 429) return { tooMany: true as const };
    const read = readAnswer(SearchAnswer, await res.json().catch(() => null), 'order search');
    if (!read.ok) throw notUnderstood(read, 'search');
    if (read.value.code !== 0)
      throw new ProblemError(
        `TikTok Shop refused the order search: ${read.value.message ?? 'no reason given'} (code ${read.value.code}, HTTP ${res.status}).`,
        {
          code: 'search_refused',
          params: { reason: read.value.message ?? '', code: read.value.code, http: res.status },
        },
      );
    return {
      tooMany: false as const,
      orders: read.value.data?.orders ?? [],
      next: read.value.data?.next_page_token || null,
    };
  }

  /** Sends the orders on; true when every one was answered (applied, duplicate or refused). */
  async function take(orders: TikTokOrder[]): Promise<boolean> {
    const fresh = orders
      .flatMap(tiktokOrders)
      .filter((d) => !handled.has(`${d.orderId}:${d.status}`));
    if (!fresh.length) return true;
    const commands = fresh.map((d) =>
      orderCommand(d, { source: 'tiktok', maskBuyers: o.maskBuyers() }),
    );
    const outcomes = await o.forwarder.forward(commands);
    let all = true;
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'unanswered') return void (all = false);
      handled.add(`${fresh[i]!.orderId}:${fresh[i]!.status}`);
      if (outcome.status === 'applied') status.ordersTaken += 1;
      // The reason is the controller's own answer, already in its language.
      if (outcome.status === 'refused')
        fail(`Order ${outcome.orderId}: ${outcome.message}`, {
          code: 'order_refused',
          params: { order: outcome.orderId, reason: outcome.message },
        });
    });
    return all;
  }

  async function tick(): Promise<void> {
    let creds = o.store.get().tiktok;
    if (!creds) return void Object.assign(status, { state: 'off', lastError: null, problem: null });
    const show = o.forwarder.liveShow();
    if (!show) return void (status.state = 'waiting');
    if (window?.showId !== show.showId)
      window = { showId: show.showId, since: seconds() - LOOK_BACK_S };
    try {
      if (creds.accessExpiresAt === null || creds.accessExpiresAt - seconds() < REFRESH_BEFORE_S)
        creds = await refresh(creds);
      const started = seconds();
      let pageToken: string | null = null;
      let complete = true;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await search(creds, window.since, pageToken);
        if (answer.tooMany) {
          backoffMs = Math.min(60_000, Math.max(intervalMs * 2, backoffMs * 2));
          const seconds = Math.round(backoffMs / 1000);
          status.state = 'backing-off';
          fail(`TikTok Shop said too many requests (HTTP 429): next look in ${seconds} s.`, {
            code: 'too_many',
            params: { seconds },
          });
          return;
        }
        if (!(await take(answer.orders))) complete = false;
        pageToken = answer.next;
        if (!pageToken) break;
      }
      backoffMs = 0;
      // A look with unanswered orders keeps its window, so they are asked for again.
      if (complete) window.since = started - OVERLAP_S;
      Object.assign(status, { state: 'polling', lastPollAt: new Date(now()).toISOString() });
      if (complete && status.problem && status.problem.code !== 'order_refused')
        Object.assign(status, { lastError: null, problem: null });
    } catch (error) {
      status.state = 'error';
      fail(error instanceof Error ? error.message : String(error), problemOf(error));
    }
  }

  function loop() {
    if (stopped) return;
    void tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, backoffMs || intervalMs).unref();
    });
  }
  if (o.autoStart ?? true) timer = setTimeout(loop, intervalMs).unref();

  return {
    status: () => ({ ...status }),
    reset() {
      window = null;
      handled.clear();
      backoffMs = 0;
      Object.assign(status, { ordersTaken: 0, lastError: null, problem: null });
    },
    tick,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
