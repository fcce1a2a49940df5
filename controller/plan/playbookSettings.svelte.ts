/**
 * Which playbook rules the user switched off, remembered in `db.settings` under
 * 'playbookRules'. Stored as the ids switched off (not the whole table), so a rule added in a
 * later version starts on, and a stored value from outside is checked before use.
 */
import { z } from 'zod';
import type { FlashcueDb } from '../db/db';
import { PLAYBOOK_RULE_IDS, rulesWith, type PlaybookRule } from '../../shared/playbook/rules';
import type { SettingsStore } from '../overlays/overlayThemeStore.svelte';
import * as msg from '../i18n/paraglide/messages.js';

export const PLAYBOOK_KEY = 'playbookRules';
const Stored = z.object({ disabled: z.array(z.enum(PLAYBOOK_RULE_IDS)).max(50) });

export class PlaybookSettings {
  disabled = $state<string[]>([]);
  error = $state<string | null>(null);
  readonly rules: PlaybookRule[] = $derived(rulesWith(this.disabled));
  #loading: Promise<void> | null = null;

  constructor(private readonly settings: SettingsStore) {}

  load(): Promise<void> {
    this.#loading ??= (async () => {
      try {
        const row = await this.settings.get(PLAYBOOK_KEY);
        const parsed = Stored.safeParse(row?.value);
        if (parsed.success) this.disabled = parsed.data.disabled;
      } catch (error) {
        this.error = msg.pb_read_failed({ error: String(error) });
      }
    })();
    return this.#loading;
  }

  async setEnabled(id: string, on: boolean): Promise<void> {
    const next = this.disabled.filter((x) => x !== id);
    if (!on) next.push(id);
    this.disabled = next;
    try {
      await this.settings.put({ key: PLAYBOOK_KEY, value: { disabled: next } });
      this.error = null;
    } catch (error) {
      this.error = msg.pb_save_failed({ error: String(error) });
    }
  }
}

const stores = new WeakMap<FlashcueDb, PlaybookSettings>();

/** One per database, like the overlay theme store, so the editor and settings agree. */
export function playbookSettingsFor(db: FlashcueDb): PlaybookSettings {
  let store = stores.get(db);
  if (!store) {
    store = new PlaybookSettings(db.settings);
    stores.set(db, store);
    void store.load();
  }
  return store;
}
