/**
 * The Integrations page's link to the `npm start` server (`/api/integrations`, this computer
 * only). The answer is checked with zod like any outside input; secrets are only ever sent,
 * the server never returns them. Polled every 2 s while the page is open, for the TikTok
 * poller's status.
 */
import { z } from 'zod';
import { IntakeProblemSchema } from '../../shared/intake/problem';
import { ServerSettings } from './serverSettings.svelte';

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
      // Absent from a server older than the page: the English sentence is shown.
      problem: IntakeProblemSchema.nullable().optional(),
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

export class IntegrationsClient extends ServerSettings<IntegrationsView, SettingsPatch> {
  constructor() {
    super(PATH, View);
  }
}
