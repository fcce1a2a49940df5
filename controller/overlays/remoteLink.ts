/**
 * The one overlay link that carries the OBS password, for a page shown OUTSIDE OBS's own
 * browser (another computer, a phone), which must open its own obs-websocket link. The
 * connection goes in the fragment, which browsers never send to a server; it is kept apart
 * from overlayUrl.ts so the URLs for OBS sources cannot pick a password up by accident.
 */
import * as m from '../i18n/paraglide/messages.js';

export type RemoteLink =
  { ok: true; link: string; warnings: string[] } | { ok: false; problem: string };

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

export function remoteOverlayLink(
  pageUrl: string,
  obsAddress: string,
  password: string,
): RemoteLink {
  let ws: URL;
  try {
    ws = new URL(obsAddress.trim());
  } catch {
    return { ok: false, problem: m.ovl_remote_bad_address() };
  }
  if (ws.protocol !== 'ws:' && ws.protocol !== 'wss:')
    return { ok: false, problem: m.ovl_remote_bad_protocol() };
  const page = new URL(pageUrl);
  const fragment = new URLSearchParams({ obs: `${ws.protocol}//${ws.host}` });
  if (password) fragment.set('password', password);
  const warnings: string[] = [];
  if (LOOPBACK.test(ws.hostname)) {
    warnings.push(m.ovl_remote_loopback_obs({ host: ws.hostname }));
  }
  if (LOOPBACK.test(page.hostname)) {
    warnings.push(m.ovl_remote_loopback_page({ host: page.hostname }));
  }
  page.hash = fragment.toString();
  return { ok: true, link: page.toString(), warnings };
}

/** The link as shown on screen: the password never appears in plain sight. */
export function maskPassword(link: string): string {
  return link.replace(/([#&]password=)[^&]*/, '$1••••••');
}
