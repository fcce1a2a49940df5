/**
 * The overlay theme as runes, remembered in `db.settings` under 'overlayTheme'. Changes are
 * applied at once (URLs and previews follow) and written once things go quiet: a colour
 * picker dragged across the wheel is one write, not hundreds (the lesson NodeCG bundles
 * learnt from persistence written on every change).
 */
import * as m from '../i18n/paraglide/messages.js';
import type { FlashcueDb, SettingRow } from '../db/db';
import type { WordsByLang } from '../../shared/i18n/words';
import {
  checkField,
  DEFAULT_THEME,
  defaultSafe,
  readTheme,
  type CardName,
  type OverlayTheme,
  type ThemeField,
} from './overlayTheme';

export const THEME_KEY = 'overlayTheme';

export interface SettingsStore {
  get(key: string): PromiseLike<SettingRow | undefined>;
  put(row: SettingRow): PromiseLike<unknown>;
}

export interface StoreTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: StoreTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type SaveState = 'idle' | 'pending' | 'saved' | 'failed';

export class OverlayThemeStore {
  theme = $state<OverlayTheme>(structuredClone(DEFAULT_THEME));
  /** Per field, why the last value typed was not taken. */
  errors = $state<Partial<Record<ThemeField, string>>>({});
  saveState = $state<SaveState>('idle');
  saveError = $state<string | null>(null);
  ready = $state(false);
  #loading: Promise<void> | null = null;
  #changed = false;
  #timer: unknown;
  #writing: Promise<void> = Promise.resolve();
  #listeners: Array<() => void> = [];

  constructor(
    private readonly settings: SettingsStore,
    private readonly options: { delayMs?: number; timers?: StoreTimers } = {},
  ) {}

  /** Reads the remembered theme once; a change made meanwhile wins over what was stored. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      try {
        const row = await this.settings.get(THEME_KEY);
        if (!this.#changed && row) {
          this.theme = readTheme(row.value);
          this.#changedNow();
        }
      } catch (error) {
        this.saveError = m.ovl_theme_read_failed({ error: String(error) });
      } finally {
        this.ready = true;
      }
    })();
    return this.#loading;
  }

  /** One change from the editor: taken and saved when valid, else kept out with a reason. */
  set<K extends ThemeField>(key: K, value: unknown): boolean {
    const checked = checkField(key, value);
    if (!checked.ok) {
      this.errors = { ...this.errors, [key]: checked.message };
      return false;
    }
    const { [key]: _gone, ...rest } = this.errors;
    this.errors = rest;
    const next = { ...this.theme, [key]: checked.value };
    // A new canvas brings its own safe-zone default (on in 9:16, off in 16:9).
    if (key === 'layout' && checked.value !== this.theme.layout)
      next.safe = defaultSafe(next.layout);
    this.theme = next;
    this.save();
    return true;
  }

  /** The custom words as plain data (a $state proxy cannot be posted to another page). */
  words(): WordsByLang {
    return $state.snapshot(this.theme.words);
  }

  /** Called after every change of the theme (the custom words go to the overlays at once). */
  onChange(listener: () => void): () => void {
    this.#listeners.push(listener);
    return () => (this.#listeners = this.#listeners.filter((l) => l !== listener));
  }

  /** A whole look at once (a look file), already checked. */
  replace(theme: OverlayTheme): void {
    this.errors = {};
    this.theme = theme;
    this.save();
  }

  setPosition(card: CardName, position: unknown): boolean {
    return this.set('positions', { ...this.theme.positions, [card]: position });
  }

  reset(): void {
    this.errors = {};
    this.theme = structuredClone(DEFAULT_THEME);
    this.save();
  }

  #changedNow(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Schedules the write; called by every change. */
  save(): void {
    this.#changed = true;
    this.#changedNow();
    this.saveState = 'pending';
    const timers = this.options.timers ?? globalTimers;
    if (this.#timer !== undefined) timers.clearTimeout(this.#timer);
    this.#timer = timers.setTimeout(() => void this.flush(), this.options.delayMs ?? 300);
  }

  /** Writes now if a write is pending (the screen calls it when it closes). */
  flush(): Promise<void> {
    if (this.#timer === undefined) return this.#writing;
    (this.options.timers ?? globalTimers).clearTimeout(this.#timer);
    this.#timer = undefined;
    const value = $state.snapshot(this.theme);
    // Writes queue behind each other so an older theme never lands after a newer one.
    this.#writing = this.#writing.then(async () => {
      try {
        await this.settings.put({ key: THEME_KEY, value });
        if (this.#timer === undefined) this.saveState = 'saved';
        this.saveError = null;
      } catch (error) {
        this.saveState = 'failed';
        this.saveError = m.ovl_theme_save_failed({ error: String(error) });
      }
    });
    return this.#writing;
  }
}

const stores = new WeakMap<FlashcueDb, OverlayThemeStore>();

/**
 * The one store per database, made on first use so a pending save outlives the screen.
 * (Better created in main.ts and handed out by the app context; see the set-up report.)
 */
export function overlayThemeFor(db: FlashcueDb): OverlayThemeStore {
  let store = stores.get(db);
  if (!store) {
    store = new OverlayThemeStore(db.settings);
    stores.set(db, store);
  }
  return store;
}
