/**
 * The OBS password stays where it must: out of every overlay URL but the remote link's
 * fragment, out of storage unless "Remember the password" is ticked, out of the console.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ObsManager } from '../../../../controller/obs/obsManager.svelte';
import { maskPassword, remoteOverlayLink } from '../../../../controller/overlays/remoteLink';
import { OVERLAY_NAMES } from '../../../../controller/overlays/overlayTheme';
import { overlaySources } from '../../../../controller/overlays/overlayUrl';
import { DEFAULT_THEME } from '../../../../controller/overlays/overlayTheme';
import { parseObsFragment } from '../../../../shared/obs/fragment';
import { openTestDb } from '../../../support/db';
import { startFakeObs, type FakeObs } from '../../../support/fakeObs';

const SECRETS = [
  's3cret-Pa55',
  'p&q=r#s?t',
  'wörd mit Leerzeichen',
  '"><img src=x onerror=alert(1)>',
  '%23%26',
];

describe('the remote-overlay link', () => {
  for (const secret of SECRETS) {
    test(`puts ${JSON.stringify(secret)} in the fragment only, and reads back exactly`, () => {
      for (const { url } of overlaySources('http://192.168.1.5:5173', OVERLAY_NAMES, {
        ...DEFAULT_THEME,
        layout: 'portrait',
        accent: '#00ff00',
      })) {
        const made = remoteOverlayLink(url, 'ws://192.168.1.20:4455', secret);
        if (!made.ok) throw new Error(made.problem);
        const link = new URL(made.link);
        expect(link.search).toBe(new URL(url).search);
        expect(decodeURIComponent(link.search)).not.toContain(secret);
        expect(link.pathname).not.toContain(encodeURIComponent(secret));
        expect(parseObsFragment(link.hash)).toEqual({
          ok: true,
          url: 'ws://192.168.1.20:4455',
          password: secret,
        });
        const shown = maskPassword(made.link);
        expect(shown).not.toContain(new URLSearchParams({ p: secret }).toString().slice(2));
        expect(shown).toContain('password=••••••');
      }
    });
  }

  test('the OBS URLs themselves never have a fragment or a password, whatever the theme', () => {
    for (const { url } of overlaySources('http://localhost:5173', OVERLAY_NAMES, {
      ...DEFAULT_THEME,
      cta: 'password=x',
    })) {
      const u = new URL(url);
      expect(u.hash).toBe('');
      expect(u.searchParams.has('password')).toBe(false);
      expect(u.searchParams.has('obs')).toBe(false);
    }
  });
});

describe('the controller’s OBS settings', () => {
  let fake: FakeObs | undefined;
  let manager: ObsManager | undefined;
  afterEach(async () => {
    manager?.disconnect();
    await fake?.stop();
    vi.restoreAllMocks();
  });

  const hooks = {
    isLive: () => false,
    segmentKind: () => null,
    republish: () => {},
    setTransports: () => {},
  };
  const stored = async (db: ReturnType<typeof openTestDb>) =>
    JSON.stringify(await db.settings.toArray());

  test('keep the password only when asked to remember it; a fragment connection saves nothing', async () => {
    fake = await startFakeObs({ password: 'the-real-one' });
    const db = openTestDb();
    manager = new ObsManager(db, hooks);

    manager.connect({ url: fake.url, password: 'typed-not-kept', rememberPassword: false });
    await vi.waitFor(() => expect(manager!.status.state).toBe('failed'));
    await vi.waitFor(async () => expect(await stored(db)).toContain(fake!.url));
    expect(await stored(db)).not.toContain('typed-not-kept');

    manager.connect({ url: fake.url, password: 'the-real-one', rememberPassword: true });
    await vi.waitFor(() => expect(manager!.status.state).toBe('connected'));
    await vi.waitFor(async () => expect(await stored(db)).toContain('the-real-one'));

    // From a launcher's #obs=…&password=…: used, never written (the remembered one stays as it was).
    const db2 = openTestDb();
    const other = new ObsManager(db2, hooks);
    await other.init(`#obs=${encodeURIComponent(fake.url)}&password=from-the-fragment`);
    await vi.waitFor(() => expect(other.status.state).toBe('failed'));
    expect(await stored(db2)).not.toContain('from-the-fragment');
    other.disconnect();
  });

  test('a refused password is never printed to the console', async () => {
    fake = await startFakeObs({ password: 'the-real-one' });
    const printed: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) =>
          void printed.push(
            args
              .map((a) =>
                a instanceof Error
                  ? `${a.message} ${a.stack}`
                  : typeof a === 'string'
                    ? a
                    : JSON.stringify(a),
              )
              .join(' '),
          ),
      );
    }
    manager = new ObsManager(openTestDb(), hooks);
    manager.connect({ url: fake.url, password: 'wrong-secret-123', rememberPassword: false });
    await vi.waitFor(() => expect(manager!.status.state).toBe('failed'));
    expect(JSON.stringify(manager.status)).not.toContain('wrong-secret-123');
    expect(manager.status).toMatchObject({
      state: 'failed',
      reason: expect.stringMatching(/refused the password/),
    });
    expect(printed.join('\n')).not.toContain('wrong-secret-123');
  });
});
