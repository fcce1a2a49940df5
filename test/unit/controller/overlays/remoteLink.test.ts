import { describe, expect, it } from 'vitest';
import { parseObsFragment } from '../../../../shared/obs/fragment';
import { parseTickerOptions } from '../../../../overlay/ticker/ticker.options';
import { maskPassword, remoteOverlayLink } from '../../../../controller/overlays/remoteLink';

const PAGE = 'http://192.168.1.20:5173/overlay/ticker.html?theme=light&max=5';

describe('remote overlay link', () => {
  it('puts the connection in the fragment, where the overlay reads it, and leaves the query alone', () => {
    const result = remoteOverlayLink(PAGE, 'ws://192.168.1.20:4455', 'p&ss=wörd #1+');
    if (!result.ok) throw new Error(result.problem);
    const url = new URL(result.link);
    expect(url.search).toBe('?theme=light&max=5');
    expect(parseTickerOptions(url.search).ok).toBe(true);
    expect(parseObsFragment(url.hash)).toEqual({
      ok: true,
      url: 'ws://192.168.1.20:4455',
      password: 'p&ss=wörd #1+',
    });
    expect(result.warnings).toEqual([]);
  });

  it('leaves the password out when there is none', () => {
    const result = remoteOverlayLink(PAGE, 'wss://obs.example:4455/', '');
    expect(result.ok && parseObsFragment(new URL(result.link).hash)).toEqual({
      ok: true,
      url: 'wss://obs.example:4455',
    });
  });

  it('refuses an address that is not ws:// or wss://', () => {
    expect(remoteOverlayLink(PAGE, 'http://192.168.1.20:4455', 'x')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/ws:\/\//),
    });
    expect(remoteOverlayLink(PAGE, '192.168.1.20', 'x')).toMatchObject({ ok: false });
  });

  it('warns when either address only works on this computer', () => {
    const result = remoteOverlayLink(
      'http://localhost:5173/overlay/all.html',
      'ws://127.0.0.1:4455',
      'x',
    );
    expect(result.ok && result.warnings).toEqual([
      expect.stringMatching(/^127\.0\.0\.1 means/),
      expect.stringMatching(/page itself is on localhost/),
    ]);
  });

  it('masks the password for display', () => {
    const result = remoteOverlayLink(PAGE, 'ws://192.168.1.20:4455', 'secret');
    expect(result.ok && maskPassword(result.link)).toBe(
      `${PAGE}#obs=ws%3A%2F%2F192.168.1.20%3A4455&password=••••••`,
    );
  });
});
