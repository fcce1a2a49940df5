/**
 * The Integrations page's link to the `npm start` server (`/api/integrations`, this computer
 * only). The answer is checked with zod like any outside input; secrets are only ever sent,
 * the server never returns them. Polled every 2 s while the page is open, for the TikTok
 * poller's status.
 */
import * as m from '../i18n/paraglide/messages.js';
import { z } from 'zod';
import { describeErrors, parseWith } from '../../shared/validation';

const View = z.object({
  door: z.object({
    path: z.string(),
    token: z.string(),
    tokenFrom: z.enum(['env', 'file']),
    open: z.boolean(),
  }),
  shopify: z.object({
    path: z.string(),
    configured: z.boolean(),
    from: z.enum(['env', 'page']).nullable(),
  }),
  tiktok: z.object({
    configured: z.boolean(),
    status: z.object({
      state: z.enum(['off', 'waiting', 'polling', 'backing-off', 'error']),
      lastPollAt: z.string().nullable(),
      ordersTaken: z.number(),
      lastError: z.string().nullable(),
    }),
  }),
  maskBuyers: z.boolean(),
  show: z.object({ showId: z.string(), title: z.string() }).nullable(),
  dataFile: z.string(),
});
export type IntegrationsView = z.output<typeof View>;

export interface TikTokInput {
  appKey: string;
  appSecret: string;
  accessToken: string;
  refreshToken: string;
  shopCipher: string;
}

export type SettingsPatch = {
  maskBuyers?: boolean;
  shopifySecret?: string | null;
  tiktok?: TikTokInput | null;
  newToken?: true;
};

const PATH = '/api/integrations';

export class IntegrationsClient {
  view = $state<IntegrationsView | null>(null);
  /** Why the server could not be asked (a static server without the intake, an old build). */
  error = $state<string | null>(null);
  /** The last save's refusal, in the server's words. */
  saveError = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      const res = await fetch(PATH, { cache: 'no-store' });
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) throw new Error(errorOf(json) ?? `HTTP ${res.status}`);
      this.#take(json);
    } catch (error) {
      this.error = m.int_no_answer({
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async save(patch: SettingsPatch): Promise<boolean> {
    this.saveError = null;
    const res = await fetch(PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    }).catch(() => null);
    const json: unknown = await res?.json().catch(() => null);
    if (!res?.ok) {
      this.saveError = errorOf(json) ?? m.int_not_taken();
      return false;
    }
    this.#take(json);
    return true;
  }

  /** Polls while the page is open; returns the stop function for an $effect. */
  watch(ms = 2000): () => void {
    void this.load();
    const timer = setInterval(() => void this.load(), ms);
    return () => clearInterval(timer);
  }

  #take(json: unknown) {
    const parsed = parseWith(View, json);
    if (parsed.ok) {
      this.view = parsed.value;
      this.error = null;
    } else {
      this.error = m.int_not_understood({ errors: describeErrors(parsed.errors, 5) });
    }
  }
}

const errorOf = (json: unknown) => {
  const error = (json as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error : null;
};
