/**
 * A page that connects to obs-websocket itself takes the address from its URL fragment,
 * `#obs=ws://127.0.0.1:4455&password=…`, never the query: a fragment is not sent to the server
 * nor stored in OBS's scene collection as part of a browser source's URL request.
 */
export type ObsFragment =
  | { ok: true; url: string; password?: string }
  | { ok: false; reason: 'absent' }
  /** `code` + `url`: the problem as data, for the controller's words. */
  | { ok: false; reason: 'invalid'; message: string; code: 'not_address' | 'not_ws'; url: string };

export function parseObsFragment(hash: string): ObsFragment {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const url = params.get('obs');
  if (!url) return { ok: false, reason: 'absent' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {
      ok: false,
      reason: 'invalid',
      message: `“${url}” is not an address; expected e.g. ws://127.0.0.1:4455.`,
      code: 'not_address',
      url,
    };
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return {
      ok: false,
      reason: 'invalid',
      message: `The OBS address must start with ws:// or wss:// (got “${url}”).`,
      code: 'not_ws',
      url,
    };
  }
  const password = params.get('password');
  return password ? { ok: true, url, password } : { ok: true, url };
}
