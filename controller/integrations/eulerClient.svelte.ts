/**
 * The Integrations page's link to `/api/euler` on the `npm start` server (this computer only):
 * the Euler Stream key is only ever sent, the answer says `keySet`, the creator's @name and
 * the server-side link's status. Checked with zod like any outside input; polled every 2 s
 * while the page is open.
 */
import * as m from '../i18n/paraglide/messages.js';
import { z } from 'zod';
import { describeErrors, parseWith } from '../../shared/validation';

const Count = z.number().int().nonnegative();
const View = z.object({
  keySet: z.boolean(),
  creator: z.string().nullable(),
  on: z.boolean(),
  status: z.object({
    state: z.enum([
      'off',
      'connecting',
      'live',
      'offline',
      'bad-key',
      'bad-creator',
      'rate-limited',
    ]),
    taken: Count,
    ignored: Count,
    refused: Count,
    dropped: Count,
    lastClose: z.number().nullable(),
    lastProblem: z.string().max(500).nullable(),
  }),
});
export type EulerView = z.output<typeof View>;
export type EulerPatch = { apiKey?: string | null; creator?: string; on?: boolean };

const PATH = '/api/euler';

export class EulerClient {
  view = $state<EulerView | null>(null);
  error = $state<string | null>(null);
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

  async save(patch: EulerPatch): Promise<boolean> {
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
    } else this.error = m.int_not_understood({ errors: describeErrors(parsed.errors, 5) });
  }
}

const errorOf = (json: unknown) => {
  const error = (json as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error : null;
};
