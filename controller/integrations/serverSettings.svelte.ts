/**
 * A page's link to one settings route of the `npm start` server (this computer only): GET the
 * route's view, POST a patch, poll while the page is open. The answer is checked with zod like
 * any outside input; secrets are only ever sent, the server never returns them.
 */
import type { ZodType } from 'zod';
import * as m from '../i18n/paraglide/messages.js';
import { describeErrors, parseWith } from '../../shared/validation';

export class ServerSettings<View, Patch> {
  view = $state<View | null>(null);
  /** Why the server could not be asked (a static server without the intake, an old build). */
  error = $state<string | null>(null);
  /** The last save's refusal, in the server's words. */
  saveError = $state<string | null>(null);

  constructor(
    private readonly path: string,
    private readonly schema: ZodType<View>,
  ) {}

  async load(): Promise<void> {
    try {
      const res = await fetch(this.path, { cache: 'no-store' });
      const json: unknown = await res.json().catch(() => null);
      if (!res.ok) throw new Error(errorOf(json) ?? `HTTP ${res.status}`);
      this.#take(json);
    } catch (error) {
      this.error = m.int_no_answer({
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async save(patch: Patch): Promise<boolean> {
    this.saveError = null;
    const res = await fetch(this.path, {
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
    const parsed = parseWith(this.schema, json);
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
