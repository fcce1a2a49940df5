/**
 * The tab keeps its OBS link across reloads (issue 13): a fragment's or an unremembered
 * password lives in the tab's sessionStorage only — never in IndexedDB — and a new
 * ObsManager on the same tab (a reload) reconnects from it at once.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ObsManager } from '../../../../controller/obs/obsManager.svelte';
import {
  readSessionLink,
  SESSION_LINK_KEY,
  type TabStorage,
} from '../../../../controller/obs/sessionLink';
import { openTestDb } from '../../../support/db';
import { startFakeObs, type FakeObs } from '../../../support/fakeObs';

const hooks = {
  isLive: () => false,
  segmentKind: () => null,
  republish: () => {},
  setTransports: () => {},
};

function memoryTab(): TabStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('the OBS link across reloads of one tab', () => {
  let fake: FakeObs | undefined;
  const managers: ObsManager[] = [];
  afterEach(async () => {
    managers.splice(0).forEach((m) => m.disconnect());
    await fake?.stop();
  });

  test('a fragment link reconnects after a reload; IndexedDB never holds its password', async () => {
    fake = await startFakeObs({ password: 'from-the-fragment' });
    const db = openTestDb();
    const tab = memoryTab();
    const first = new ObsManager(db, hooks, tab);
    managers.push(first);
    await first.init(`#obs=${encodeURIComponent(fake.url)}&password=from-the-fragment`);
    await vi.waitFor(() => expect(first.status.state).toBe('connected'));
    first.disconnect(); // pagehide

    // The reload: the fragment is gone from the address bar; the tab's storage remains.
    const again = new ObsManager(db, hooks, tab);
    managers.push(again);
    await again.init('#/live');
    await vi.waitFor(() => expect(again.status.state).toBe('connected'));
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('from-the-fragment');
  });

  test('a typed password without Remember survives a reload of the tab, not a new tab', async () => {
    fake = await startFakeObs({ password: 'typed' });
    const db = openTestDb();
    const tab = memoryTab();
    const first = new ObsManager(db, hooks, tab);
    managers.push(first);
    await first.init('');
    first.connect({ url: fake.url, password: 'typed', rememberPassword: false });
    await vi.waitFor(() => expect(first.status.state).toBe('connected'));
    first.disconnect();

    const reloaded = new ObsManager(db, hooks, tab);
    managers.push(reloaded);
    await reloaded.init('');
    await vi.waitFor(() => expect(reloaded.status.state).toBe('connected'));

    // Another tab has its own (empty) session storage: the remembered settings have no password.
    const otherTab = new ObsManager(db, hooks, memoryTab());
    managers.push(otherTab);
    await otherTab.init('');
    await vi.waitFor(() => expect(otherTab.status.state).toBe('failed'));
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('typed');
  });

  test('Disconnect forgets the tab’s link; junk under the key is ignored', async () => {
    fake = await startFakeObs({ password: 'p' });
    const db = openTestDb();
    const tab = memoryTab();
    const manager = new ObsManager(db, hooks, tab);
    managers.push(manager);
    manager.connect({ url: fake.url, password: 'p' }, { save: false });
    expect(readSessionLink(tab)).toMatchObject({ url: fake.url, password: 'p' });
    manager.forget();
    expect(tab.map.has(SESSION_LINK_KEY)).toBe(false);

    for (const junk of ['{', '{"url":"http://x"}', '"ws://a:1"', '{"url":"ws://a:1","password":7}'])
      expect(readSessionLink({ ...tab, getItem: () => junk })).toBeNull();
  });
});
