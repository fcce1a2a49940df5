import { describe, expect, it } from 'vitest';
import type { SettingRow } from '../../../../controller/db/db';
import { DEFAULT_THEME } from '../../../../controller/overlays/overlayTheme';
import {
  OverlayThemeStore,
  THEME_KEY,
  type StoreTimers,
} from '../../../../controller/overlays/overlayThemeStore.svelte';

function fakeSettings(initial?: unknown) {
  const rows = new Map<string, unknown>(initial === undefined ? [] : [[THEME_KEY, initial]]);
  const puts: unknown[] = [];
  return {
    puts,
    rows,
    get: async (key: string): Promise<SettingRow | undefined> =>
      rows.has(key) ? { key, value: rows.get(key) } : undefined,
    put: async (row: SettingRow) => {
      puts.push(row.value);
      rows.set(row.key, row.value);
    },
  };
}

function manualTimers() {
  let pending: Array<{ fn: () => void; id: number }> = [];
  let next = 1;
  const timers: StoreTimers = {
    setTimeout: (fn) => {
      const id = next++;
      pending.push({ fn, id });
      return id;
    },
    clearTimeout: (id) => (pending = pending.filter((t) => t.id !== id)),
  };
  return {
    timers,
    get count() {
      return pending.length;
    },
    fire() {
      const due = pending;
      pending = [];
      due.forEach((t) => t.fn());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('OverlayThemeStore', () => {
  it('loads the remembered theme, repairing bad fields', async () => {
    const store = new OverlayThemeStore(fakeSettings({ accent: '#00e0a4', font: 'comic' }));
    expect(store.ready).toBe(false);
    await store.load();
    expect(store.ready).toBe(true);
    expect(store.theme).toEqual({ ...DEFAULT_THEME, accent: '#00e0a4' });
  });

  it('applies a change at once and writes once when changes go quiet', async () => {
    const settings = fakeSettings();
    const clock = manualTimers();
    const store = new OverlayThemeStore(settings, { timers: clock.timers });
    await store.load();
    for (const accent of ['#111111', '#222222', '#333333'])
      expect(store.set('accent', accent)).toBe(true);
    expect(store.theme.accent).toBe('#333333');
    expect(store.saveState).toBe('pending');
    expect(clock.count).toBe(1);
    expect(settings.puts).toEqual([]);
    clock.fire();
    await settle();
    expect(settings.puts).toEqual([{ ...DEFAULT_THEME, accent: '#333333' }]);
    expect(store.saveState).toBe('saved');
  });

  it('keeps an invalid value out, with the reason, until a valid one clears it', () => {
    const clock = manualTimers();
    const store = new OverlayThemeStore(fakeSettings(), { timers: clock.timers });
    expect(store.set('urgent', 9000)).toBe(false);
    expect(store.theme.urgent).toBe(10);
    expect(store.errors.urgent).toBe('use a whole number from 0 to 600');
    expect(clock.count).toBe(0);
    expect(store.set('urgent', 20)).toBe(true);
    expect(store.errors.urgent).toBeUndefined();
  });

  it('gives a new canvas its own safe-zone default', () => {
    const store = new OverlayThemeStore(fakeSettings(), { timers: manualTimers().timers });
    store.set('layout', 'portrait');
    expect(store.theme.safe).toBe(true);
    store.set('safe', false);
    store.set('layout', 'portrait');
    expect(store.theme.safe).toBe(false);
    store.set('layout', 'landscape');
    expect(store.theme.safe).toBe(false);
  });

  it('a change made while loading wins over the stored theme', async () => {
    const store = new OverlayThemeStore(fakeSettings({ accent: '#00e0a4' }), {
      timers: manualTimers().timers,
    });
    const loading = store.load();
    store.set('theme', 'light');
    await loading;
    expect(store.theme.theme).toBe('light');
    expect(store.theme.accent).toBe(DEFAULT_THEME.accent);
  });

  it('flush writes a pending change now, and nothing when none is pending', async () => {
    const settings = fakeSettings();
    const clock = manualTimers();
    const store = new OverlayThemeStore(settings, { timers: clock.timers });
    await store.flush();
    expect(settings.puts).toHaveLength(0);
    store.setPosition('ticker', 'bottom-center');
    await store.flush();
    expect(clock.count).toBe(0);
    expect(settings.puts).toEqual([
      { ...DEFAULT_THEME, positions: { ...DEFAULT_THEME.positions, ticker: 'bottom-center' } },
    ]);
    expect(store.setPosition('ticker', 'middle')).toBe(false);
  });

  it('says so when the write fails', async () => {
    const clock = manualTimers();
    const store = new OverlayThemeStore(
      {
        get: async () => undefined,
        put: async () => Promise.reject(new Error('QuotaExceededError')),
      },
      { timers: clock.timers },
    );
    store.set('font', 'serif');
    await store.flush();
    expect(store.saveState).toBe('failed');
    expect(store.saveError).toMatch(/Could not save the overlay theme: .*QuotaExceededError/);
  });
});
